import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { parseInstant } from '../../shared/calendar/index.ts';
import { insertReportUnits, legacyLine, writeJsonl } from './legacy.fixtures.ts';
import { listActions, listDues } from '../dossiers/dossier.repository.ts';
import { formatImportResult, importLegacyDossiers } from './legacy.import.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const at = (local: string): string => `${local}+07:00`;
const ms = (local: string): number => parseInstant(at(local));
const NOW = Date.UTC(2026, 0, 5);

const good = (code: string, extra: Partial<Parameters<typeof legacyLine>[0]> = {}) =>
  legacyLine({ code, receivedAt: at('2025-07-10T08:15:00'), dueAt: at('2025-07-15T17:30:00'), ...extra });

const TABLES = [
  'dossiers',
  'dossier_actions',
  'dossier_dues',
  'dossier_suspensions',
  'procedures',
  'report_unit_fields',
] as const;

async function counts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await t.db
      .withTables<Record<string, Record<string, unknown>>>()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Each invalid line, the reason the import must give (a fragment naming the field). */
const BAD: [string, string | Record<string, unknown>, string][] = [
  ['bad JSON', '{"code": "X", ', 'bad JSON'],
  ['not an object', '[1, 2]', 'must be a JSON object'],
  ['missing code', { ...good('B1'), code: undefined }, 'code: missing'],
  ['empty procedure name', { ...good('B2'), procedureName: '  ' }, 'procedureName: must not be empty'],
  ['unknown channel', { ...good('B3'), channel: 'fax' }, 'channel: must be one of direct, online, postal'],
  ['applicant without name', { ...good('B4'), applicant: { idNumber: '1' } }, 'applicant.name: missing'],
  [
    'impossible date',
    { ...good('B5'), receivedAt: '2025-02-30T08:00:00+07:00' },
    'receivedAt: not a valid date-time',
  ],
  ['not a date', { ...good('B6'), dueAt: 'tomorrow' }, 'dueAt: not a valid date-time'],
  [
    'event type unknown',
    good('B7', { events: [{ type: 'approved', at: at('2025-07-11T08:00:00') }] }),
    'events[0].type: unknown event type',
  ],
  [
    'event before receipt',
    good('B8', { events: [{ type: 'withdrawn', at: at('2025-07-09T08:00:00') }] }),
    'events[0].at: before receivedAt',
  ],
  [
    'events out of order',
    good('B9', {
      events: [
        { type: 'extended', at: at('2025-07-12T08:00:00'), dueAt: at('2025-07-20T17:30:00') },
        { type: 'withdrawn', at: at('2025-07-11T08:00:00') },
      ],
    }),
    'events[1].at: before events[0].at',
  ],
  [
    'event after the end',
    good('B10', {
      events: [
        { type: 'returned', at: at('2025-07-11T08:00:00') },
        { type: 'extended', at: at('2025-07-12T08:00:00'), dueAt: at('2025-07-20T17:30:00') },
      ],
    }),
    'events[1].type: "extended" after the dossier ended (returned)',
  ],
  [
    'delivered before the result',
    good('B11', { events: [{ type: 'delivered', at: at('2025-07-11T08:00:00') }] }),
    '"delivered" before the dossier was resolved',
  ],
  [
    'supplement received, never requested',
    good('B12', { events: [{ type: 'supplement_received', at: at('2025-07-11T08:00:00') }] }),
    'without a supplement_requested',
  ],
  [
    'extension without a due',
    good('B13', { events: [{ type: 'extended', at: at('2025-07-11T08:00:00') }] }),
    'events[0].dueAt: missing',
  ],
  [
    'resolved without outcome',
    good('B14', { events: [{ type: 'resolved', at: at('2025-07-11T08:00:00') }] }),
    'events[0].outcome: must be "approved" or "refused"',
  ],
  ['unknown unit', good('B15', { unitCode: '99999' }), 'unitCode: unknown commune "99999"'],
  ['a province is not a commune', good('B16', { unitCode: '68' }), 'unitCode: unknown commune "68"'],
];

for (const dialect of DIALECTS) {
  describe(`legacy import (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(t.db);
    });
    afterAll(async () => t.dispose());

    it('a file with two bad lines imports nothing and lists both, with line numbers and fields', async () => {
      const file = writeJsonl([
        good('A-1'),
        { ...good('A-2'), channel: 'fax' },
        good('A-3'),
        '{oops',
        good('A-4'),
      ]);
      const result = await importLegacyDossiers(t.db, file, { now: TEST_NOW });
      expect(result).toEqual({
        status: 'rejected',
        lines: 5,
        errors: [
          { line: 2, reason: 'channel: must be one of direct, online, postal' },
          { line: 4, reason: expect.stringMatching(/^bad JSON/) },
        ],
      });
      expect(formatImportResult(result).at(-1)).toBe('2 invalid line(s) of 5: nothing was imported.');
      expect(await counts(t)).toEqual({
        dossiers: 0,
        dossier_actions: 0,
        dossier_dues: 0,
        dossier_suspensions: 0,
        procedures: 0,
        report_unit_fields: 0,
      });
    });

    it.each(BAD)('rejects %s', async (_name, line, reason) => {
      const result = await importLegacyDossiers(t.db, writeJsonl([good('OK-1'), line]), { now: TEST_NOW });
      expect(result.status).toBe('rejected');
      if (result.status !== 'rejected') return;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.line).toBe(2);
      expect(result.errors[0]?.reason).toContain(reason);
    });

    it('rejects a code repeated within the file, naming the first line', async () => {
      const result = await importLegacyDossiers(t.db, writeJsonl([good('R-1'), good('R-2'), good('R-1')]), {
        now: TEST_NOW,
      });
      expect(result).toMatchObject({
        status: 'rejected',
        errors: [{ line: 3, reason: 'code: "R-1" repeats line 1' }],
      });
    });

    it('writes the dossier, its actions, dues and supplement intervals; former codes resolve', async () => {
      const line = legacyLine({
        code: '000.00.25.H41-250710-0001',
        unitCode: '25030',
        procedureCode: 'HT-KH',
        procedureName: 'Đăng ký kết hôn',
        channel: 'online',
        applicant: { name: 'Trần Thị Đào', idNumber: '068185072933' },
        receivedAt: at('2025-07-10T08:15:00'),
        dueAt: at('2025-07-15T17:30:00'),
        events: [
          { type: 'supplement_requested', at: at('2025-07-11T09:00:00') },
          { type: 'supplement_received', at: at('2025-07-14T10:00:00'), dueAt: at('2025-07-21T17:30:00') },
          { type: 'extended', at: at('2025-07-18T10:00:00'), dueAt: at('2025-07-25T17:30:00') },
          { type: 'resolved', at: at('2025-07-24T15:00:00'), outcome: 'refused' },
          { type: 'delivered', at: at('2025-07-26T08:00:00') },
        ],
      });
      const result = await importLegacyDossiers(t.db, writeJsonl(['', line, '   ']), { now: NOW });
      expect(result).toMatchObject({
        status: 'imported',
        lines: 3,
        dossiers: 1,
        imported: 1,
        skipped: 0,
        formerCodes: { '25030': '25000' },
      });
      const d = await t.db
        .selectFrom('dossiers')
        .selectAll()
        .where('code', '=', '000.00.25.H41-250710-0001')
        .executeTakeFirstOrThrow();
      expect(d).toMatchObject({
        province_code: '68',
        unit_code: '25000',
        procedure_code: 'HT-KH',
        field: 'Hộ tịch',
        channel: 'online',
        applicant_name: 'Trần Thị Đào',
        applicant_id_number: '068185072933',
        search_folded: 'tran thi dao 000.00.25.h41-250710-0001',
        status: 'delivered',
        received_at: ms('2025-07-10T08:15:00'),
        due_at: ms('2025-07-25T17:30:00'),
        clock_stopped_at: null,
        ended_at: ms('2025-07-24T15:00:00'),
        end_kind: 'resolved',
        outcome: 'refused',
        resolution: 'early',
        resolution_due_at: ms('2025-07-25T17:30:00'),
        delivered_at: ms('2025-07-26T08:00:00'),
        extension_count: 1,
        source: 'import',
        action_count: 6,
        created_at: NOW,
      });
      // The former system's history lives on the dossier row, not as dossier_actions rows; readers see actions.
      const stored = await t.db
        .selectFrom('dossier_actions')
        .select('seq')
        .where('dossier_id', '=', d.id)
        .execute();
      expect(stored).toEqual([]);
      const actions = (await listActions(t.db, d)).map((a) => ({
        seq: a.seq,
        type: a.type,
        from_status: a.from_status,
        to_status: a.to_status,
      }));
      expect(actions).toEqual([
        { seq: 1, type: 'imported', from_status: null, to_status: 'processing' },
        { seq: 2, type: 'request_supplement', from_status: 'processing', to_status: 'supplement_requested' },
        { seq: 3, type: 'receive_supplement', from_status: 'supplement_requested', to_status: 'processing' },
        { seq: 4, type: 'extend', from_status: 'processing', to_status: 'processing' },
        { seq: 5, type: 'refuse', from_status: 'processing', to_status: 'result_ready' },
        { seq: 6, type: 'deliver', from_status: 'result_ready', to_status: 'delivered' },
      ]);
      const dues = await t.db
        .selectFrom('dossier_dues')
        .select(['set_at', 'due_at', 'reason', 'unit_code'])
        .where('dossier_id', '=', d.id)
        .orderBy('set_at')
        .execute();
      expect(dues).toEqual([
        {
          set_at: ms('2025-07-10T08:15:00'),
          due_at: ms('2025-07-15T17:30:00'),
          reason: 'import',
          unit_code: '25000',
        },
        {
          set_at: ms('2025-07-14T10:00:00'),
          due_at: ms('2025-07-21T17:30:00'),
          reason: 'supplement_received',
          unit_code: '25000',
        },
        {
          set_at: ms('2025-07-18T10:00:00'),
          due_at: ms('2025-07-25T17:30:00'),
          reason: 'extended',
          unit_code: '25000',
        },
      ]);
      const suspensions = await t.db
        .selectFrom('dossier_suspensions')
        .select(['started_at', 'ended_at'])
        .where('dossier_id', '=', d.id)
        .execute();
      expect(suspensions).toEqual([
        { started_at: ms('2025-07-11T09:00:00'), ended_at: ms('2025-07-14T10:00:00') },
      ]);
    });

    it('a dossier whose due never changed has no due rows: its one due is due_at', async () => {
      await importLegacyDossiers(
        t.db,
        writeJsonl([
          good('ONE-DUE', {
            events: [{ type: 'resolved', at: at('2025-07-16T09:00:00'), outcome: 'approved' }],
          }),
        ]),
        { now: TEST_NOW },
      );
      const d = await t.db
        .selectFrom('dossiers')
        .selectAll()
        .where('code', '=', 'ONE-DUE')
        .executeTakeFirstOrThrow();
      expect(d).toMatchObject({ due_at: ms('2025-07-15T17:30:00'), resolution: 'late', action_count: 2 });
      const rows = await t.db
        .selectFrom('dossier_dues')
        .select('set_at')
        .where('dossier_id', '=', d.id)
        .execute();
      expect(rows).toEqual([]);
      expect(await listDues(t.db, d)).toEqual([
        { set_at: ms('2025-07-10T08:15:00'), due_at: ms('2025-07-15T17:30:00'), reason: 'import' },
      ]);
      expect((await listActions(t.db, d)).map((a) => [a.seq, a.type, a.actor_name])).toEqual([
        [1, 'imported', 'legacy-import'],
        [2, 'approve', 'legacy-import'],
      ]);
    });

    it('a dossier still awaiting a supplement keeps its clock stopped', async () => {
      const line = good('AW-1', {
        events: [{ type: 'supplement_requested', at: at('2025-07-11T09:00:00') }],
      });
      await importLegacyDossiers(t.db, writeJsonl([line]), { now: TEST_NOW });
      const d = await t.db
        .selectFrom('dossiers')
        .selectAll()
        .where('code', '=', 'AW-1')
        .executeTakeFirstOrThrow();
      expect(d).toMatchObject({
        status: 'supplement_requested',
        clock_stopped_at: ms('2025-07-11T09:00:00'),
        ended_at: null,
        end_kind: null,
      });
    });

    it('registers an unknown procedure as imported (limit unknown) and keeps a known procedure’s limit', async () => {
      const registered = await t.db
        .selectFrom('procedures')
        .selectAll()
        .where('code', '=', 'HT-KH')
        .executeTakeFirstOrThrow();
      expect(registered).toMatchObject({
        name: 'Đăng ký kết hôn',
        field: 'Hộ tịch',
        origin: 'imported',
        limit_value: 0,
        limit_unit: 'working_day',
        active: 0,
      });
      expect(registered.fee_text).toMatch(/imported; limit unknown/);
      await t.db
        .updateTable('procedures')
        .set({ limit_value: 5, limit_unit: 'working_day', origin: 'catalog' })
        .where('code', '=', 'HT-KH')
        .execute();
      await importLegacyDossiers(
        t.db,
        writeJsonl([good('LIM-1', { procedureCode: 'HT-KH', procedureName: 'Đăng ký kết hôn' })]),
        { now: TEST_NOW },
      );
      const d = await t.db
        .selectFrom('dossiers')
        .select(['limit_value', 'limit_unit'])
        .where('code', '=', 'LIM-1')
        .executeTakeFirstOrThrow();
      expect(d).toEqual({ limit_value: 5, limit_unit: 'working_day' });
    });

    it('re-importing changes nothing and says how many were skipped; new codes in the same file are added', async () => {
      const file = writeJsonl([good('RE-1'), good('RE-2')]);
      expect(await importLegacyDossiers(t.db, file, { now: TEST_NOW })).toMatchObject({
        imported: 2,
        skipped: 0,
      });
      const before = await counts(t);
      const snapshot = await t.db.selectFrom('dossiers').selectAll().orderBy('code').execute();
      expect(await importLegacyDossiers(t.db, file, { now: TEST_NOW })).toMatchObject({
        status: 'imported',
        imported: 0,
        skipped: 2,
      });
      expect(await counts(t)).toEqual(before);
      expect(await t.db.selectFrom('dossiers').selectAll().orderBy('code').execute()).toEqual(snapshot);
      expect(
        await importLegacyDossiers(t.db, writeJsonl([good('RE-1'), good('RE-3')]), { now: TEST_NOW }),
      ).toMatchObject({
        imported: 1,
        skipped: 1,
      });
    });
  });
}

describe('legacy import: worker thread and in-thread parsing write the same rows', () => {
  it('gives identical tables', async () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      good(`W-${i}`, {
        unitCode: i % 3 === 0 ? '25027' : '25000',
        channel: ['direct', 'online', 'postal'][i % 3],
        events:
          i % 2
            ? [{ type: 'supplement_requested', at: at('2025-07-11T09:00:00') }]
            : [{ type: 'resolved', at: at(`2025-07-1${i % 10}T16:00:00`), outcome: 'approved' }],
      }),
    );
    const file = writeJsonl(lines);
    const dump = async (worker: boolean) => {
      const t = await openTestDb('sqlite');
      try {
        await insertReportUnits(t.db);
        await importLegacyDossiers(t.db, file, { worker, now: NOW });
        const out: unknown[] = [];
        for (const table of TABLES)
          out.push(
            await t.db
              .withTables<Record<string, Record<string, unknown>>>()
              .selectFrom(table)
              .selectAll()
              .execute(),
          );
        return out;
      } finally {
        await t.dispose();
      }
    };
    const [inThread, inWorker] = [await dump(false), await dump(true)];
    expect(inWorker).toEqual(inThread);
    expect((inThread[0] as unknown[]).length).toBe(40);
  });
});

describe.skipIf(!DIALECTS.includes('postgres'))('legacy import on PostgreSQL: a large import', () => {
  it('vacuums and analyses the imported tables, so reports can read their covering indexes alone', async () => {
    const t = await openTestDb('postgres');
    try {
      await insertReportUnits(t.db);
      const lines = Array.from({ length: 10_000 }, (_, i) => good(`BIG-${i}`));
      const result = await importLegacyDossiers(t.db, writeJsonl(lines), { now: NOW });
      expect(result).toMatchObject({ status: 'imported', imported: 10_000 });
      const { rows } = await sql<{ relname: string; vacuumed: boolean; analysed: boolean }>`
        select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analysed
        from pg_stat_user_tables where schemaname = current_schema() and relname = 'dossiers'`.execute(t.db);
      expect(rows).toEqual([{ relname: 'dossiers', vacuumed: true, analysed: true }]);
    } finally {
      await t.dispose();
    }
  }, 60_000);
});
