/**
 * Reports off the primary (issue 14 item 6): a private PostgreSQL primary and a real streaming replica
 * (pg_basebackup -R), a `motcua serve` with DATABASE_REPLICA_URL. Reports are served from the replica — with its
 * replay paused, a new intake is missing from the report and the lag shows — and catch up once it resumes.
 * `npm run test:cluster` (needs PostgreSQL 15's programs; run as root, they run as the postgres user).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { loadOrCreateAuditKey, useAuditKey } from '../../src/server/audit/audit-key.ts';
import { todayInVietnam } from '../../src/server/platform/clock.ts';
import { buildIntake, seedCentre } from '../support/dossiers.ts';
import {
  sleep,
  startPrimary,
  startReplica,
  startServer,
  stopServer,
  type PgInstance,
  type Server,
} from './harness.ts';

describe('reports on a streaming replica', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-replica-'));
  let primary: PgInstance | undefined;
  let replica: PgInstance | undefined;
  let handle: DbHandle | undefined;
  let server: Server | undefined;

  const onReplica = async <T extends pg.QueryResultRow>(query: string) => {
    const c = new pg.Client({ connectionString: replica!.url('motcua') });
    await c.connect();
    try {
      return (await c.query<T>(query)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    primary = await startPrimary(dir);
    const c = new pg.Client({ connectionString: primary.url() });
    await c.connect();
    await c.query('CREATE DATABASE motcua');
    await c.end();
    replica = await startReplica(dir, primary);
    handle = await connect(primary.url('motcua'));
    await migrateToLatest(handle.db);
    const keyFile = join(dir, 'audit.key');
    useAuditKey(loadOrCreateAuditKey(keyFile, [], Date.now()));
    await seedCentre(handle.db);
    server = await startServer({
      DATABASE_URL: primary.url('motcua'),
      DATABASE_REPLICA_URL: replica.url('motcua'),
      MOTCUA_AUDIT_KEY_FILE: keyFile,
      MOTCUA_FILES_DIR: join(dir, 'files'),
      MOTCUA_LOG_LEVEL: 'warn',
    });
  }, 180_000);

  afterAll(async () => {
    stopServer(server);
    await sleep(300);
    await handle?.close();
    replica?.stop();
    primary?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves reports from the replica and shows its lag', async () => {
    expect(server!.output()).toContain('Reports and dashboards read the replica');
    const base = `http://127.0.0.1:${server!.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan.dilinh', password: 'test-password' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((x) => x.startsWith('motcua_session='))!
      .split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const intake = async () => {
      const res = await fetch(`${base}/api/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(buildIntake()),
      });
      expect(res.status).toBe(201);
    };
    const today = todayInVietnam(Date.now());
    const report = async () => {
      const res = await fetch(`${base}/api/reports/period?unit=25000&from=${today}&to=${today}`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { totals: { received: { total: number } } };
      return { received: body.totals.received.total, lag: res.headers.get('x-motcua-replica-lag-ms') };
    };
    const until = async (received: number) => {
      for (let i = 0; i < 100; i++) {
        const r = await report();
        if (r.received === received) return r;
        await sleep(100);
      }
      throw new Error(`the replica never showed ${received} dossiers`);
    };

    await intake();
    await intake();
    const caughtUp = await until(2);
    expect(Number(caughtUp.lag)).toBeGreaterThanOrEqual(0);

    // replay paused: the primary has a third dossier, the report (from the replica) does not, and says it lags
    await onReplica('select pg_wal_replay_pause()');
    await intake();
    await sleep(1200);
    const primaryCount = await handle!.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(primaryCount.n)).toBe(3);
    const behind = await report();
    expect(behind.received).toBe(2);
    expect(Number(behind.lag)).toBeGreaterThanOrEqual(1000);

    await onReplica('select pg_wal_replay_resume()');
    const resumed = await until(3);
    expect(resumed.lag).toBe('0');
  }, 120_000);
});
