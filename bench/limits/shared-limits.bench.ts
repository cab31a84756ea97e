/**
 * What one shared-limit decision costs on each store (platform/shared-limits.ts, platform/redis-limits.ts): a
 * portal limit's `take` and a sign-in throttle's `begin`, in memory, in the database (SQLite in memory; PostgreSQL
 * with `--postgres URL`) and in Redis (`--redis URL`, default the local one), one at a time and `--concurrency` at
 * once. Keys are spread over 1,000 addresses, as many clients would be. A quick comparison, not bench/load.
 *
 *   npx tsx bench/limits/shared-limits.bench.ts [--count 3000] [--concurrency 32] [--postgres postgres://…/test]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect, type DbHandle } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import {
  LoginThrottle,
  SharedLoginThrottle,
  type SignInThrottle,
} from '../../src/server/accounts/login-throttle.ts';
import { RateLimiter } from '../../src/server/platform/rate-limit.ts';
import { RedisClient } from '../../src/server/platform/redis-client.ts';
import { RedisLimitStore } from '../../src/server/platform/redis-limits.ts';
import { DbLimitStore, type Limiter, type LimitStore } from '../../src/server/platform/shared-limits.ts';
import { TEST_NOW } from '../../test/support/clock.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    postgres: { type: 'string' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379/0' },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);

async function measure(name: string, op: (i: number) => unknown): Promise<void> {
  const row = [name.padEnd(34)];
  for (const parallel of [1, CONCURRENCY]) {
    const times: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < COUNT) {
          const i = next++;
          const t = performance.now();
          await op(i);
          times.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    row.push(
      `${String(parallel).padStart(3)} at once: ${Math.round(COUNT / seconds)
        .toString()
        .padStart(6)}/s p50 ${p(0.5)} ms p99 ${p(0.99)} ms`,
    );
  }
  console.log(row.join('  |  '));
}

const addr = (i: number) => `10.${(i % 1000) >> 8}.${i % 256}.1`;
const take = (l: Limiter) => (i: number) => l.take(addr(i), TEST_NOW + i);
const begin = (t: SignInThrottle) => (i: number) => t.begin(addr(i), `user${i % 50}`, 0, TEST_NOW + i);
const WINDOW = { limit: 10, windowMs: 600_000 };

const stores: [string, () => Promise<{ store: LimitStore; close: () => Promise<void> }>][] = [
  [
    'sqlite (in memory)',
    async () => {
      const h = await connect('sqlite::memory:');
      await migrateToLatest(h.db);
      return { store: new DbLimitStore(h.db), close: () => h.close() };
    },
  ],
];
if (values.postgres)
  stores.push([
    'postgres',
    async () => {
      const schema = `bench_limits_${process.pid}`;
      const h: DbHandle = await connect(values.postgres!, { schema, poolSize: 20 });
      await migrateToLatest(h.db, schema);
      return {
        store: new DbLimitStore(h.db),
        close: async () => {
          const { sql } = await import('kysely');
          await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(h.db);
          await h.close();
        },
      };
    },
  ]);
stores.push([
  'redis',
  async () => {
    const client = new RedisClient(values.redis);
    await client.connect();
    const prefix = `motcua:bench:${randomBytes(4).toString('hex')}:`;
    return {
      store: new RedisLimitStore(client, prefix),
      close: async () => {
        for (;;) {
          const [cursor, keys] = (await client.call('SCAN', 0, 'MATCH', `${prefix}*`, 'COUNT', 10_000)) as [
            string,
            string[],
          ];
          if (keys.length) await client.call('DEL', ...keys);
          if (cursor === '0' && keys.length === 0) break;
        }
        await client.close();
      },
    };
  },
]);

console.log(`${COUNT} decisions per case, keys over 1,000 addresses (and 50 accounts)`);
await measure('portal take, memory', take(new RateLimiter(WINDOW)));
await measure('sign-in begin, memory', begin(new LoginThrottle()));
for (const [name, open] of stores) {
  const { store, close } = await open();
  try {
    await measure(`portal take, ${name}`, take(store.rateLimiter(`portal.bench`, WINDOW)));
    await measure(`sign-in begin, ${name}`, begin(new SharedLoginThrottle(store)));
  } finally {
    await close();
  }
}
