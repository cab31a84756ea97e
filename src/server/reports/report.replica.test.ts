/**
 * DATABASE_REPLICA_URL (db/replica.ts): the reports and dashboards read `app.reportDb` and say how far behind it
 * is; everything else reads the primary. PostgreSQL only (the lag comes from PostgreSQL's recovery functions). Here
 * the "replica" is a second database holding other dossiers than the primary, so the answer shows which one was
 * read; test/cluster/replica.test.ts (npm run test:cluster) does the same on a real streaming replica.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { insertReportUnits, legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { REPLICA_LAG_HEADER, replicaStatus } from '../db/replica.ts';

const Q = 'unit=25000&from=2025-07-01&to=2025-07-31';
const line = (code: string) =>
  legacyLine({ code, receivedAt: '2025-07-10T09:00:00+07:00', dueAt: '2025-07-15T17:30:00+07:00' });

describe.runIf(process.env.TEST_DATABASE_URL)('reports on a replica (postgres)', () => {
  let replica: TestDb;
  let h: TestApp;
  let cookie: string;
  beforeAll(async () => {
    replica = await openTestDb('postgres');
    await insertReportUnits(replica.db);
    await importLegacyDossiers(replica.db, writeJsonl([line('R-1'), line('R-2'), line('R-3')]), {
      now: TEST_NOW,
    });
    h = await openTestApp('postgres', (t) => insertReportUnits(t.db), { reportDb: replica.db });
    await importLegacyDossiers(h.t.db, writeJsonl([line('P-1')]), { now: TEST_NOW });
    await h.user('lanhdao.dilinh', '25000', ['commune_leader']);
    cookie = await h.login('lanhdao.dilinh');
  });
  afterAll(async () => {
    await h?.close();
    await replica?.dispose();
  });

  it('answers the period report and the dashboard from the replica, with its lag', async () => {
    const report = await h.app.inject({
      method: 'GET',
      url: `/api/reports/period?${Q}`,
      headers: { cookie },
    });
    expect(report.statusCode).toBe(200);
    expect(report.json().totals.received.total).toBe(3); // the replica's three, not the primary's one
    // not a standby: nothing to replay, no lag
    expect(report.headers[REPLICA_LAG_HEADER]).toBe('0');
    const dashboard = await h.app.inject({
      method: 'GET',
      url: `/api/reports/dashboard?${Q}`,
      headers: { cookie },
    });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.headers[REPLICA_LAG_HEADER]).toBe('0');
  });

  it('reads everything else from the primary, and sends no lag on an error', async () => {
    const refused = await h.app.inject({
      method: 'GET',
      url: `/api/reports/period?unit=25015&from=2025-07-01&to=2025-07-31`,
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers[REPLICA_LAG_HEADER]).toBeUndefined();
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200); // the session lives on the primary only
    expect(me.headers[REPLICA_LAG_HEADER]).toBeUndefined();
  });

  it('tells a primary from a standby', async () => {
    expect(await replicaStatus(replica.db)).toEqual({ replica: false, lagMs: 0 });
  });
});
