/**
 * Two `motcua serve` processes on one PostgreSQL with MOTCUA_REDIS_URL (issue 14 item 5, "or Redis when
 * configured"): the sign-in throttle set through one server holds on the other and lives in Redis, not in
 * `shared_limits`. Then Redis goes away (the proxy in front of it stops): the throttle still holds, decided in the
 * database, each server logs it and says `redis: down` on /api/health; when Redis is back they return to it.
 * `npm run test:cluster` (needs PostgreSQL and a Redis, test/support/redis.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadOrCreateAuditKey } from '../../src/server/audit/audit-key.ts';
import { FREE_FAILURES } from '../../src/server/accounts/login-throttle.ts';
import { eventually, REDIS_UP, RedisProxy, testRedis } from '../support/redis.ts';
import { adminQuery, clusterDatabaseUrl, sleep, startServer, stopServer, type Server } from './harness.ts';

/** The Redis keys of a username's sign-in counters from this machine (the servers' own prefix). */
const keysOf = (username: string) => [
  `motcua:login.account:${username}`,
  `motcua:login.pair:["127.0.0.1","${username}"]`,
];

describe.skipIf(!REDIS_UP)('two servers on one PostgreSQL sharing their limits through Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cluster-redis-'));
  const database = `cluster_${randomBytes(5).toString('hex')}`;
  const dbUrl = clusterDatabaseUrl(database);
  // the servers write under the real prefix: the usernames are this run's own, and their keys are deleted after
  const run = randomBytes(4).toString('hex');
  const users = [`redis-a-${run}`, `redis-b-${run}`];
  const proxy = new RedisProxy(1024);
  let handle: DbHandle;
  let servers: Server[] = [];

  const login = async (port: number, username: string) =>
    (
      await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'wrong-password' }),
      })
    ).status;
  const health = async (port: number) =>
    (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { status: string; redis: string };
  const sharedRows = async () =>
    (
      await handle.db
        .selectFrom('shared_limits')
        .select(['bucket', 'key'])
        .where('bucket', 'like', 'login.%')
        .execute()
    ).length;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${database}`);
    handle = await connect(dbUrl);
    await migrateToLatest(handle.db);
    const keyFile = join(dir, 'audit.key');
    loadOrCreateAuditKey(keyFile, [], Date.now()); // made before the two processes start
    await proxy.start();
    const env = {
      DATABASE_URL: dbUrl,
      MOTCUA_REDIS_URL: proxy.url(),
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_AUDIT_KEY_FILE: keyFile,
    };
    servers = [await startServer(env), await startServer(env)];
  });

  afterAll(async () => {
    for (const s of servers) stopServer(s);
    await proxy.stop();
    await sleep(500);
    await handle?.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    const redis = await testRedis();
    await redis.call('DEL', ...users.flatMap((u) => keysOf(u)));
    await redis.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds a sign-in throttle set through one server on the other, in Redis', async () => {
    const [a, b] = servers as [Server, Server];
    expect(await health(a.port)).toMatchObject({ status: 'ok', redis: 'up' });
    for (let i = 0; i < FREE_FAILURES + 1; i++) expect(await login(a.port, users[0]!)).toBe(401);
    expect(await login(b.port, users[0]!)).toBe(429);
    const redis = await testRedis();
    expect(await redis.call('EXISTS', ...keysOf(users[0]!))).toBe(2);
    await redis.close();
    expect(await sharedRows()).toBe(0);
  });

  it('still holds it when Redis goes away (the database decides), and returns to Redis when it is back', async () => {
    const [a, b] = servers as [Server, Server];
    await proxy.stop();
    for (let i = 0; i < FREE_FAILURES + 1; i++) expect(await login(b.port, users[1]!)).toBe(401);
    expect(await login(a.port, users[1]!)).toBe(429);
    expect(await sharedRows()).toBe(2); // the pair and the account, in shared_limits
    for (const s of [a, b]) expect(await health(s.port)).toMatchObject({ status: 'degraded', redis: 'down' });
    expect(a.output()).toMatch(/deciding in the database until it answers/);
    expect(b.output()).toMatch(/deciding in the database until it answers/);
    await proxy.start();
    for (const s of [a, b]) await eventually(async () => (await health(s.port)).redis === 'up', 15_000);
    // back on Redis, which never saw users[1]'s failures: the counting starts afresh there (docs/OPERATIONS.md)
    expect(await login(a.port, users[1]!)).toBe(401);
    expect(await health(b.port)).toMatchObject({ status: 'ok', redis: 'up' });
  });
});
