/**
 * SQLite's read workers (sqlite-worker-dialect.ts), SQLite only (a PostgreSQL connection already waits off the
 * event loop): the reports read through them give the same answers as the main connection, they cannot write,
 * their errors are ordinary query errors, and — the point of them — while a long read runs in a worker the
 * main connection keeps answering requests. Intake, dossier read and health are measured during a deliberately
 * slow recursive query; the same query on the main connection is the control that holds everything up.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { periodReport } from '../reports/period-report.ts';
import { dashboard } from '../reports/dashboard.ts';
import { loadRegister, MAX_REGISTER_ROWS } from '../documents/document.service.ts';
import { exportCatalog } from '../procedures/procedure.service.ts';
import { resolvePeriod } from '../platform/period.ts';
import { REPLICA_LAG_HEADER } from './replica.ts';
import type { Database } from './schema.ts';
import { openSqliteReadWorkers, SqliteReadError, SqliteReadWorkers } from './sqlite-worker-dialect.ts';

const at = (local: string): string => `${local}+07:00`;
const LINES = [
  legacyLine({
    code: 'L-1',
    channel: 'online',
    receivedAt: at('2025-07-10T08:00:00'),
    dueAt: at('2025-07-15T17:30:00'),
    events: [{ type: 'resolved', at: at('2025-07-14T10:00:00'), outcome: 'approved' }],
  }),
  legacyLine({
    code: 'L-2',
    receivedAt: at('2025-07-10T09:00:00'),
    dueAt: at('2025-07-15T17:30:00'),
    events: [{ type: 'resolved', at: at('2025-07-16T10:00:00'), outcome: 'approved' }],
  }),
  legacyLine({ code: 'L-3', receivedAt: at('2025-07-20T09:00:00'), dueAt: at('2025-07-25T17:30:00') }),
  legacyLine({
    code: 'L-4',
    unitCode: '25015',
    receivedAt: at('2025-07-11T09:00:00'),
    dueAt: at('2025-07-16T17:30:00'),
  }),
];
const PERIOD = { from: '2025-07-01', to: '2025-07-31' };

/** A read that takes a while in SQLite alone: counting to `n` through a recursive CTE (~0.3 s per million here). */
const slowCount = (db: Kysely<Database>, n: number) =>
  sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < ${n})
    select count(*) as n from c`.execute(db);
const SLOW_N = 4_000_000;

describe('SQLite read workers (sqlite)', () => {
  let h: TestApp;
  let counter: string;
  let specialist: string;
  let supervisor: string;
  let reads: Kysely<Database>;
  let staff: Staff;
  beforeAll(async () => {
    h = await openTestApp(
      'sqlite',
      async (t) => {
        staff = await seedCentre(t.db);
      },
      { sqliteReadWorkers: 2 },
    );
    reads = h.readWorkers!.db;
    await importLegacyDossiers(h.t.db, writeJsonl(LINES), { now: TEST_NOW });
    counter = await h.login('tiepnhan.dilinh');
    specialist = await h.login('chuyenvien.a');
    supervisor = await h.login('tinh.lamdong');
    for (let i = 0; i < 3; i++)
      expect(
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/dossiers',
            payload: buildIntake(),
            headers: { cookie: counter },
          })
        ).statusCode,
      ).toBe(201);
  });
  afterAll(async () => h?.close());

  const get = (url: string, cookie: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });

  it('gives the reports the same answers as the main connection', async () => {
    for (const unitCode of ['25000', '25015', '68']) {
      const input = { unitCode, ...PERIOD };
      expect(await periodReport(reads, input, TEST_NOW)).toEqual(await periodReport(h.t.db, input, TEST_NOW));
      expect(await dashboard(reads, input, TEST_NOW)).toEqual(await dashboard(h.t.db, input, TEST_NOW));
    }
    const today = { unitCode: '68', from: '2026-01-01', to: '2026-12-31' }; // the intakes above, at TEST_NOW
    const thisYear = await periodReport(reads, today, TEST_NOW);
    expect(thisYear).toEqual(await periodReport(h.t.db, today, TEST_NOW));
    expect(thisYear.totals.received.online + thisYear.totals.received.directOrPostal).toBe(3);
    const period = resolvePeriod(PERIOD.from, PERIOD.to);
    const actor = staff.supervisor;
    const q = { unitCode: '25000', fromMs: period.fromMs, endMs: period.endMs, now: TEST_NOW, maxRows: 100 };
    expect(MAX_REGISTER_ROWS.xlsx).toBeGreaterThan(100);
    const register = await loadRegister(reads, actor, q);
    expect(register).toEqual(await loadRegister(h.t.db, actor, q));
    expect(register.data.rows.length).toBe(3);
    expect(await exportCatalog(reads)).toEqual(await exportCatalog(h.t.db));
  });

  it('serves the report routes through the workers, with no replica lag header', async () => {
    const before = h.readWorkers!.workers.stats().done;
    const res = await get(`/api/reports/period?unit=68&from=${PERIOD.from}&to=${PERIOD.to}`, supervisor);
    expect(res.statusCode).toBe(200);
    const { reception, ...report } = res.json();
    expect(reception).toMatchObject({ total: 0 });
    expect(report).toEqual(await periodReport(h.t.db, { unitCode: '68', ...PERIOD }, TEST_NOW));
    expect(res.headers[REPLICA_LAG_HEADER]).toBeUndefined(); // the same file: nothing to lag behind
    const afterReport = h.readWorkers!.workers.stats().done;
    expect(afterReport).toBeGreaterThan(before);
    const board = await get(
      `/api/reports/dashboard?unit=25000&from=${PERIOD.from}&to=${PERIOD.to}`,
      specialist,
    );
    expect(board.statusCode).toBe(200);
    expect(board.json()).toEqual(
      JSON.parse(JSON.stringify(await dashboard(h.t.db, { unitCode: '25000', ...PERIOD }, TEST_NOW))),
    );
    const register = await get(
      `/api/registers/dossiers.xlsx?from=${PERIOD.from}&to=${PERIOD.to}`,
      specialist,
    );
    expect(register.statusCode).toBe(200);
    expect(h.readWorkers!.workers.stats().done).toBeGreaterThan(afterReport);
  });

  it("sees a write as soon as it is committed (WAL): the caller's own intake is in the next report", async () => {
    const input = { unitCode: '25000', from: '2026-01-01', to: '2026-12-31' };
    const before = (await periodReport(reads, input, TEST_NOW)).totals.received.total;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      payload: buildIntake(),
      headers: { cookie: counter },
    });
    expect(res.statusCode).toBe(201);
    expect((await periodReport(reads, input, TEST_NOW)).totals.received.total).toBe(before + 1);
  });

  it('refuses every write, and says so with SQLite’s error; the main connection still writes', async () => {
    await expect(
      reads
        .insertInto('settings')
        .values({ key: 'x', value: 'y', updated_at: 0 } as never)
        .execute(),
    ).rejects.toMatchObject({ name: 'SqliteError', code: 'SQLITE_READONLY' });
    await expect(sql`delete from dossiers`.execute(reads)).rejects.toBeInstanceOf(SqliteReadError);
    await expect(sql`create table t (x int)`.execute(reads)).rejects.toMatchObject({
      code: 'SQLITE_READONLY',
    });
    await expect(reads.transaction().execute(async () => 1)).rejects.toThrow(/no transactions/);
    expect((await sql<{ query_only: number }>`pragma query_only`.execute(reads)).rows).toEqual([
      { query_only: 1 },
    ]);
    const count = async (db: Kysely<Database>) =>
      Number((await sql<{ n: number }>`select count(*) as n from dossiers`.execute(db)).rows[0]!.n);
    expect(await count(reads)).toBe(await count(h.t.db)); // nothing was deleted
    expect(await count(reads)).toBeGreaterThan(0);
  });

  it('returns a failing query as an ordinary rejected query, and goes on answering', async () => {
    await expect(sql`select * from no_such_table`.execute(reads)).rejects.toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_ERROR',
      message: 'no such table: no_such_table',
    });
    expect((await sql<{ one: number }>`select ${1} as one`.execute(reads)).rows).toEqual([{ one: 1 }]);
  });

  it('keeps the main connection answering while a slow report query runs in a worker', async () => {
    const cookie = counter;
    const code = (
      await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie },
      })
    ).json().code as string;
    const started = performance.now();
    let slowEnded = 0;
    const slow = slowCount(h.app.reportDb, SLOW_N).then((r) => {
      slowEnded = performance.now() - started;
      return r.rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 20)); // the query is in its worker
    const health = await h.app.inject({ method: 'GET', url: '/api/health' });
    const healthAt = performance.now() - started;
    const read = await get(`/api/dossiers/${encodeURIComponent(code)}`, cookie);
    const intake = await h.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      payload: buildIntake(),
      headers: { cookie },
    });
    const answeredAt = performance.now() - started;
    expect([health.statusCode, read.statusCode, intake.statusCode]).toEqual([200, 200, 201]);
    expect(slowEnded).toBe(0); // all three answered while the report query was still running
    expect(await slow).toBe(SLOW_N);
    expect(answeredAt).toBeLessThan(slowEnded);
    console.info(
      `read workers: slow query ${Math.round(slowEnded)} ms; health answered at ${Math.round(healthAt)} ms, ` +
        `a dossier read and an intake by ${Math.round(answeredAt)} ms`,
    );

    // The control: the same query on the main connection holds the thread, and health waits for its end.
    const mainStarted = performance.now();
    let mainEnded = 0;
    const onMain = slowCount(h.t.db, SLOW_N).then(() => (mainEnded = performance.now() - mainStarted));
    const healthOnMain = h.app
      .inject({ method: 'GET', url: '/api/health' })
      .then(() => performance.now() - mainStarted);
    const [, healthMainAt] = await Promise.all([onMain, healthOnMain]);
    expect(healthMainAt).toBeGreaterThanOrEqual(mainEnded);
  }, 60_000);
});

describe('SQLite read workers: start and close', () => {
  it('fail at start on a file that does not exist, and refuse an in-memory database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-readers-'));
    try {
      await expect(openSqliteReadWorkers(join(dir, 'missing.db'), 1)).rejects.toThrow(
        /cannot open .*missing\.db read-only: unable to open database file/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => new SqliteReadWorkers({ file: ':memory:', size: 1 })).toThrow(/database file/);
  });

  it('end their threads when the app closes', async () => {
    const h = await openTestApp('sqlite', (t) => seedCentre(t.db), { sqliteReadWorkers: 2 });
    const workers = h.readWorkers!.workers;
    expect(workers.stats()).toMatchObject({ workers: 2, busy: 0, queued: 0 });
    expect(
      (await sql<{ n: number }>`select count(*) as n from unit_versions`.execute(h.app.reportDb)).rows[0]!.n,
    ).toBeGreaterThan(0);
    await h.close();
    expect(workers.stats()).toMatchObject({ workers: 0, busy: 0, queued: 0 });
    await expect(sql`select 1`.execute(h.app.reportDb)).rejects.toThrow(/closed|destroyed/);
  });
});
