/**
 * The shared limits in Redis (redis-limits.ts), against the local Redis: two clients stand for two server
 * processes. Atomic counting under concurrency, keys that expire (PEXPIRE with the application's milliseconds) and
 * counters that expire on the application's clock, the fall back to the database when Redis goes away (with a
 * warning, never failing open), and the app's sign-in throttle and health through Redis.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import {
  deleteKeys,
  eventually,
  keysUnder,
  REDIS_UP,
  RedisProxy,
  TEST_REDIS_URL,
  testPrefix,
  testRedis,
} from '../../../test/support/redis.ts';
import { freePort } from '../../../test/cluster/harness.ts';
import { ACCOUNT_SLOW_AFTER, FORGET_AFTER_MS, FREE_FAILURES, SharedLoginThrottle } from './login-throttle.ts';
import type { RedisClient } from '../platform/redis-client.ts';
import { FallbackLimitStore, openSharedLimits, RedisLimitStore } from '../platform/redis-limits.ts';
import { DbLimitStore } from '../platform/shared-limits.ts';

const WINDOW = { limit: 10, windowMs: 60_000 };

/** Log lines, as the app's logger would receive them. */
function captureLog() {
  const lines: { level: 'warn' | 'info'; message: string }[] = [];
  return {
    lines,
    warn: (message: string) => void lines.push({ level: 'warn', message }),
    info: (message: string) => void lines.push({ level: 'info', message }),
  };
}

describe.skipIf(!REDIS_UP)('shared limits in Redis', () => {
  let prefix: string;
  let a: RedisClient;
  let b: RedisClient;
  beforeAll(async () => {
    a = await testRedis();
    b = await testRedis();
  });
  afterEach(async () => {
    await deleteKeys(prefix);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });
  const stores = () => {
    prefix = testPrefix();
    return [new RedisLimitStore(a, prefix), new RedisLimitStore(b, prefix)] as const;
  };

  it('never asks for more than a window when the last takes were stamped after the caller', async () => {
    const [sa] = stores();
    const l = sa.rateLimiter('portal.test', WINDOW);
    for (let i = 0; i < WINDOW.limit; i += 1) expect(await l.take('5.6.7.8', TEST_NOW + 900)).toBe(0);
    expect(await l.take('5.6.7.8', TEST_NOW)).toBe(WINDOW.windowMs / 1000);
  });

  it('counts atomically: of 60 concurrent takes through two servers exactly the limit pass', async () => {
    const [sa, sb] = stores();
    const la = sa.rateLimiter('portal.test', WINDOW);
    const lb = sb.rateLimiter('portal.test', WINDOW);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? la : lb).take('1.2.3.4', TEST_NOW + i)),
    );
    expect(answers.filter((w) => w === 0)).toHaveLength(WINDOW.limit);
    expect(answers.filter((w) => w > 0).every((w) => w >= 1 && w <= 60)).toBe(true);
    const key = `${prefix}portal.test:1.2.3.4`;
    expect(await a.call('LLEN', key)).toBe(WINDOW.limit);
    // the list expires a window after the last take, in Redis's own time
    const ttl = (await a.call('PTTL', key)) as number;
    expect(ttl).toBeGreaterThan(WINDOW.windowMs - 5_000);
    expect(ttl).toBeLessThanOrEqual(WINDOW.windowMs);
  });

  it('counts atomically across two server processes', async () => {
    stores();
    const fixture = new URL('../../../test/support/redis-limits.fixture.ts', import.meta.url).pathname;
    const servers = [0, 1].map(() =>
      spawn(process.execPath, ['--import', 'tsx', fixture, TEST_REDIS_URL, prefix, '30', String(TEST_NOW)], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const exited = servers.map((p) => new Promise((done) => p.once('exit', done)));
    const outputs = servers.map((p) => createInterface({ input: p.stdout! })[Symbol.asyncIterator]());
    for (const out of outputs) expect((await out.next()).value).toBe('ready');
    for (const p of servers) p.stdin!.write('go\n');
    const answers = await Promise.all(
      outputs.map(
        async (out) =>
          JSON.parse((await out.next()).value as string) as { takes: number[]; begins: unknown[] },
      ),
    );
    expect(await Promise.all(exited)).toEqual([0, 0]);
    const takes = answers.flatMap((a) => a.takes);
    expect(takes).toHaveLength(60);
    expect(takes.filter((w) => w === 0)).toHaveLength(WINDOW.limit);
    const begins = answers.flatMap((a) => a.begins);
    expect(begins.filter((b) => b === 'ticket')).toHaveLength(FREE_FAILURES + 1);
    expect(begins.filter((b) => b === 1)).toHaveLength(12 - FREE_FAILURES - 1);
  }, 60_000);

  it('decides the window on the application clock: a take a window later passes, a released slot is given back', async () => {
    const [sa, sb] = stores();
    const la = sa.rateLimiter('portal.test', { limit: 2, windowMs: 60_000 });
    const lb = sb.rateLimiter('portal.test', { limit: 2, windowMs: 60_000 });
    expect(await la.take('k', TEST_NOW)).toBe(0);
    expect(await lb.take('k', TEST_NOW + 10)).toBe(0);
    expect(await la.take('k', TEST_NOW + 20)).toBe(60);
    await lb.release('k', TEST_NOW + 10);
    expect(await la.take('k', TEST_NOW + 30)).toBe(0);
    expect(await la.take('k', TEST_NOW + 40)).toBe(60);
    // no real time passed: only the clock given says the first take left the window
    expect(await lb.take('k', TEST_NOW + 60_001)).toBe(0);
    expect(await a.call('LRANGE', `${prefix}portal.test:k`, 0, -1)).toEqual([
      String(TEST_NOW + 30),
      String(TEST_NOW + 60_001),
    ]);
  });

  it('decides concurrent sign-in attempts on one pair one after the other, through two servers', async () => {
    const [sa, sb] = stores();
    const serverA = new SharedLoginThrottle(sa);
    const serverB = new SharedLoginThrottle(sb);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? serverA : serverB).begin('10.0.0.2', 'b', 0, TEST_NOW)),
    );
    expect(answers.filter((x) => typeof x === 'object')).toHaveLength(FREE_FAILURES + 1);
    expect(answers.filter((x) => x === 1)).toHaveLength(12 - FREE_FAILURES - 1);
  });

  it('keeps a counter until its expiry on the application clock, and lets Redis drop it after as many ms', async () => {
    const [sa, sb] = stores();
    const serverA = new SharedLoginThrottle(sa);
    for (let ip = 0; ip < ACCOUNT_SLOW_AFTER; ip++) await serverA.begin(`10.1.0.${ip}`, 'c', 5, TEST_NOW);
    const serverB = new SharedLoginThrottle(sb);
    expect(await serverB.isSlowed('c', 5, TEST_NOW)).toBe(true);
    expect(await serverB.isSlowed('c', 6, TEST_NOW)).toBe(false); // the account changed since
    // a day later on the application's clock the counter is forgotten, though Redis still holds the key
    expect(await serverB.isSlowed('c', 5, TEST_NOW + FORGET_AFTER_MS)).toBe(false);
    const key = sa.keyOf({ bucket: 'login.account', key: 'c' });
    expect(JSON.parse((await a.call('GET', key)) as string)).toEqual({
      v: { failures: ACCOUNT_SLOW_AFTER, last: TEST_NOW, stamp: 5 },
      e: TEST_NOW + FORGET_AFTER_MS,
    });
    const ttl = (await a.call('PTTL', key)) as number;
    expect(ttl).toBeGreaterThan(FORGET_AFTER_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(FORGET_AFTER_MS);
    expect(await keysUnder(a, prefix)).toHaveLength(ACCOUNT_SLOW_AFTER + 1); // 10 pairs, 1 account
    // a success deletes the pair's counter
    const ticket = await serverA.begin('10.2.0.1', 'd', 0, TEST_NOW);
    if (typeof ticket === 'number') throw new Error('not throttled yet');
    await serverA.succeeded(ticket, TEST_NOW);
    expect(await a.call('EXISTS', sa.keyOf({ bucket: 'login.pair', key: '["10.2.0.1","d"]' }))).toBe(0);
  });
});

for (const dialect of DIALECTS)
  describe.skipIf(!REDIS_UP)(`when Redis goes away (${dialect})`, () => {
    let t: TestDb;
    let prefix: string;
    const proxy = new RedisProxy(64);
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await proxy.start();
    });
    afterAll(async () => {
      await proxy.stop();
      await t?.dispose();
      await deleteKeys(prefix);
    });

    it('decides in the database, logs one warning, shows redis down, and returns to Redis when it answers', async () => {
      prefix = testPrefix();
      const log = captureLog();
      const limits = openSharedLimits({
        database: new DbLimitStore(t.db),
        sharesDatabase: dialect === 'postgres',
        redisUrl: proxy.url(),
        log,
        prefix,
      });
      const store = limits.store as FallbackLimitStore;
      const redis = store.primary.client;
      try {
        await redis.connect();
        const limiter = store.rateLimiter('portal.test', { limit: 2, windowMs: 60_000 });
        expect(await limiter.take('k', TEST_NOW)).toBe(0);
        expect(await limits.redis()).toBe('up');
        expect(await redis.call('LLEN', `${prefix}portal.test:k`)).toBe(1);

        await proxy.stop();
        // the limit still holds: counted afresh in the database, two pass and the third waits
        expect(await limiter.take('k', TEST_NOW + 1)).toBe(0);
        expect(await limiter.take('k', TEST_NOW + 2)).toBe(0);
        expect(await limiter.take('k', TEST_NOW + 3)).toBe(60);
        expect(store.degraded).toBe(true);
        expect(await limits.redis()).toBe('down');
        const row = await t.db
          .selectFrom('shared_limits')
          .select('value')
          .where('bucket', '=', 'portal.test')
          .executeTakeFirstOrThrow();
        expect(JSON.parse(row.value)).toEqual([TEST_NOW + 1, TEST_NOW + 2]);
        const warnings = log.lines.filter((l) => l.level === 'warn');
        expect(warnings.map((w) => w.message).join('\n')).toMatch(
          /deciding in the database until it answers/,
        );
        expect(warnings.filter((w) => /deciding in the database/.test(w.message))).toHaveLength(1);

        await proxy.start();
        await eventually(async () => (await limits.redis()) === 'up');
        // back on Redis's counters (one take there): one more passes
        expect(await limiter.take('k', TEST_NOW + 4)).toBe(0);
        expect(store.degraded).toBe(false);
        expect(await redis.call('LLEN', `${prefix}portal.test:k`)).toBe(2);
        expect(log.lines.some((l) => l.level === 'info' && /redis answers again/.test(l.message))).toBe(true);
      } finally {
        await limits.close();
      }
    });
  });

describe('openSharedLimits picks the store', () => {
  it('memory on SQLite and the database on PostgreSQL without Redis; Redis then the database with it', async () => {
    const t = await openTestDb('sqlite');
    try {
      const database = new DbLimitStore(t.db);
      const log = captureLog();
      const none = openSharedLimits({ database, sharesDatabase: false, redisUrl: undefined, log });
      expect(none.store).toBeNull();
      expect(await none.redis()).toBe('off');
      const pg = openSharedLimits({ database, sharesDatabase: true, redisUrl: undefined, log });
      expect(pg.store).toBe(database);
      // a Redis nobody listens on: down, and every decision is the database's
      const port = await freePort();
      const down = openSharedLimits({
        database,
        sharesDatabase: false,
        redisUrl: `redis://127.0.0.1:${port}/0`,
        log,
      });
      try {
        expect(down.store).toBeInstanceOf(FallbackLimitStore);
        expect((down.store as FallbackLimitStore).fallback).toBe(database);
        expect(await down.redis()).toBe('down');
        const limiter = down.store!.rateLimiter('portal.test', { limit: 1, windowMs: 1000 });
        expect(await limiter.take('k', TEST_NOW)).toBe(0);
        expect(await limiter.take('k', TEST_NOW)).toBe(1);
        expect(log.lines.filter((l) => l.level === 'warn').length).toBeGreaterThanOrEqual(1);
        expect(log.lines.map((l) => l.message).join('\n')).toContain(`redis://127.0.0.1:${port}/0 is down`);
      } finally {
        await down.close();
      }
    } finally {
      await t.dispose();
    }
  });
});

describe.skipIf(!REDIS_UP)('the app with MOTCUA_REDIS_URL', () => {
  const apps: TestApp[] = [];
  let prefix: string;
  afterEach(async () => {
    for (const h of apps.splice(0)) await h.close();
    await deleteKeys(prefix);
  });
  const login = (h: TestApp, password: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chuyenvien', password },
      remoteAddress: '10.9.8.7',
    });

  it('shares the sign-in throttle between two servers on two SQLite databases, through Redis', async () => {
    prefix = testPrefix();
    const env = { MOTCUA_REDIS_URL: TEST_REDIS_URL };
    apps.push(await openTestApp('sqlite', undefined, { env, redisPrefix: prefix }));
    apps.push(await openTestApp('sqlite', undefined, { env, redisPrefix: prefix }));
    const [one, two] = apps as [TestApp, TestApp];
    for (let i = 0; i < FREE_FAILURES + 1; i++)
      expect((await login(one, 'wrong-password')).statusCode).toBe(401);
    const elsewhere = await login(two, 'wrong-password');
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.headers['retry-after']).toBe('1');
    expect(
      (await keysUnder((one.app.limits.store as FallbackLimitStore).primary.client, prefix)).sort(),
    ).toEqual([`${prefix}login.account:chuyenvien`, `${prefix}login.pair:["10.9.8.7","chuyenvien"]`]);
    const health = await two.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', redis: 'up' });
  });

  it('still throttles when Redis does not answer (the database decides), and says so on /api/health', async () => {
    prefix = testPrefix();
    const port = await freePort();
    apps.push(
      await openTestApp('sqlite', undefined, {
        env: { MOTCUA_REDIS_URL: `redis://127.0.0.1:${port}/0` },
        redisPrefix: prefix,
      }),
    );
    const [h] = apps as [TestApp];
    for (let i = 0; i < FREE_FAILURES + 1; i++)
      expect((await login(h, 'wrong-password')).statusCode).toBe(401);
    expect((await login(h, 'wrong-password')).statusCode).toBe(429);
    const health = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'degraded', redis: 'down' });
  });
});
