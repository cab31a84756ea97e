/**
 * One "server process" for the two-process test of the shared limits in Redis (accounts/shared-limits.redis.test.ts):
 * connects, says `ready`, waits for `go` on stdin, then takes `count` slots of a portal limit and makes `count / 5`
 * sign-in attempts on one pair, all at once, and prints the answers as one JSON line.
 *
 *   node --import tsx test/support/redis-limits.fixture.ts <redis url> <key prefix> <count> <now>
 */
import { createInterface } from 'node:readline';
import { SharedLoginThrottle } from '../../src/server/accounts/login-throttle.ts';
import { RedisClient } from '../../src/server/platform/redis-client.ts';
import { RedisLimitStore } from '../../src/server/platform/redis-limits.ts';

const [url, prefix, count, now] = process.argv.slice(2) as [string, string, string, string];
const client = new RedisClient(url);
await client.connect();
const store = new RedisLimitStore(client, prefix);
const limiter = store.rateLimiter('portal.test', { limit: 10, windowMs: 60_000 });
const throttle = new SharedLoginThrottle(store);
const lines = createInterface({ input: process.stdin });
console.log('ready');
for await (const line of lines) if (line === 'go') break;
const n = Number(count);
const at = Number(now);
const [takes, begins] = await Promise.all([
  Promise.all(Array.from({ length: n }, (_, i) => limiter.take('1.2.3.4', at + i))),
  Promise.all(Array.from({ length: n / 5 }, () => throttle.begin('10.0.0.1', 'chuyenvien', 0, at))),
]);
console.log(JSON.stringify({ takes, begins: begins.map((b) => (typeof b === 'number' ? b : 'ticket')) }));
lines.close();
await client.close();
