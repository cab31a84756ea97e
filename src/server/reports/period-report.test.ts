/**
 * Every rule of DOMAIN.md section 4 on hand-made histories, through the legacy import. Each case is alone in its
 * own field, so its byField row shows exactly how it was counted. Period 2025-07-09..2025-08-06, E = 2025-08-07
 * 00:00 (+07:00).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import {
  insertReportUnits,
  legacyLine,
  writeJsonl,
  type LegacyEventInput,
} from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { periodReport } from './period-report.ts';
import type { FieldRow } from './report.types.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const at = (local: string): string => `${local}+07:00`;
const FROM = '2025-07-09';
const TO = '2025-08-06';

interface Case {
  name: string;
  receivedAt: string;
  dueAt: string;
  events?: LegacyEventInput[];
  channel?: string;
  /** Expected flat outcome: which counters are 1. */
  expect: string[] | 'absent';
}

const resolved = (t: string): LegacyEventInput => ({ type: 'resolved', at: at(t), outcome: 'approved' });

const CASES: Case[] = [
  {
    name: 'early: resolved a day before the due date',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [resolved('2025-07-14T09:00:00')],
    expect: ['new', 'direct', 'early'],
  },
  {
    name: 'on time: resolved exactly at the due instant',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [resolved('2025-07-15T17:30:00')],
    expect: ['new', 'direct', 'onTime'],
  },
  {
    name: 'on time: same local date, before the due',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [resolved('2025-07-15T00:00:00')],
    expect: ['new', 'direct', 'onTime'],
  },
  {
    name: 'late: the due date, one second after the due',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [resolved('2025-07-15T17:30:01')],
    expect: ['new', 'direct', 'late'],
  },
  {
    name: 'late: a later day',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [resolved('2025-07-17T08:00:00')],
    expect: ['new', 'direct', 'late'],
  },
  {
    name: 'extension moves the effective due (resolved after the first due, before the new one)',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [
      { type: 'extended', at: at('2025-07-14T10:00:00'), dueAt: at('2025-07-22T17:30:00') },
      resolved('2025-07-18T09:00:00'),
    ],
    expect: ['new', 'direct', 'early'],
  },
  {
    name: 'an extension at the resolution instant (listed before it) counts',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [
      { type: 'extended', at: at('2025-07-16T10:00:00'), dueAt: at('2025-07-16T17:30:00') },
      resolved('2025-07-16T10:00:00'),
    ],
    expect: ['new', 'direct', 'onTime'],
  },
  {
    name: 'supplement received with a new due: judged against it',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [
      { type: 'supplement_requested', at: at('2025-07-11T08:00:00') },
      { type: 'supplement_received', at: at('2025-07-20T08:00:00'), dueAt: at('2025-07-25T17:30:00') },
      resolved('2025-07-25T16:00:00'),
    ],
    expect: ['new', 'direct', 'onTime'],
  },
  {
    name: 'awaiting a supplement at E: within the deadline although the due has passed',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [{ type: 'supplement_requested', at: at('2025-07-11T08:00:00') }],
    expect: ['new', 'direct', 'inProgress', 'awaiting'],
  },
  {
    name: 'supplement requested exactly at E: awaiting',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [{ type: 'supplement_requested', at: at('2025-08-07T00:00:00') }],
    expect: ['new', 'direct', 'inProgress', 'awaiting'],
  },
  {
    name: 'supplement received before E with a new due before E: overdue',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [
      { type: 'supplement_requested', at: at('2025-07-11T08:00:00') },
      { type: 'supplement_received', at: at('2025-07-30T08:00:00'), dueAt: at('2025-08-04T17:30:00') },
    ],
    expect: ['new', 'direct', 'inProgress', 'overdue'],
  },
  {
    name: 'supplement received after E: still awaiting at E',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [
      { type: 'supplement_requested', at: at('2025-07-11T08:00:00') },
      { type: 'supplement_received', at: at('2025-08-10T08:00:00'), dueAt: at('2025-08-14T17:30:00') },
    ],
    expect: ['new', 'direct', 'inProgress', 'awaiting'],
  },
  {
    name: 'returned while awaiting, exactly at E: in progress and awaiting at E',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-13T17:30:00',
    events: [
      { type: 'supplement_requested', at: at('2025-07-11T08:00:00') },
      { type: 'returned', at: at('2025-08-07T00:00:00'), reason: 'x' },
    ],
    expect: ['new', 'direct', 'inProgress', 'awaiting'],
  },
  {
    name: 'in progress, due exactly E: within the deadline',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-07T00:00:00',
    expect: ['new', 'direct', 'inProgress'],
  },
  {
    name: 'in progress, due one second before E: overdue',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-06T23:59:59',
    expect: ['new', 'direct', 'inProgress', 'overdue'],
  },
  {
    name: 'extension after E does not rescue it at E',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-05T17:30:00',
    events: [{ type: 'extended', at: at('2025-08-08T08:00:00'), dueAt: at('2025-08-20T17:30:00') }],
    expect: ['new', 'direct', 'inProgress', 'overdue'],
  },
  {
    name: 'extension before E with a due after E: within',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-05T17:30:00',
    events: [{ type: 'extended', at: at('2025-08-04T08:00:00'), dueAt: at('2025-08-12T17:30:00') }],
    expect: ['new', 'direct', 'inProgress'],
  },
  {
    name: 'resolved exactly at E: in progress at E (due after E)',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-08T17:30:00',
    events: [resolved('2025-08-07T00:00:00')],
    expect: ['new', 'direct', 'inProgress'],
  },
  {
    name: 'resolved one second before E: resolved',
    receivedAt: '2025-08-01T08:00:00',
    dueAt: '2025-08-08T17:30:00',
    events: [resolved('2025-08-06T23:59:59')],
    expect: ['new', 'direct', 'early'],
  },
  {
    name: 'carried over and resolved in the period',
    receivedAt: '2025-07-01T08:00:00',
    dueAt: '2025-07-10T17:30:00',
    events: [resolved('2025-07-10T09:00:00')],
    expect: ['carried', 'onTime'],
  },
  {
    name: 'carried over, still open at E',
    receivedAt: '2025-06-20T08:00:00',
    dueAt: '2025-06-30T17:30:00',
    expect: ['carried', 'inProgress', 'overdue'],
  },
  {
    name: 'carried over, ended exactly at from 00:00 (not before from)',
    receivedAt: '2025-07-01T08:00:00',
    dueAt: '2025-07-10T17:30:00',
    events: [{ type: 'withdrawn', at: at('2025-07-09T00:00:00') }],
    expect: ['carried', 'withdrawn'],
  },
  {
    name: 'ended before from: not counted',
    receivedAt: '2025-07-01T08:00:00',
    dueAt: '2025-07-10T17:30:00',
    events: [resolved('2025-07-08T23:59:59')],
    expect: 'absent',
  },
  {
    name: 'received at from 00:00: new',
    receivedAt: '2025-07-09T00:00:00',
    dueAt: '2025-07-15T17:30:00',
    channel: 'online',
    expect: ['new', 'online', 'inProgress', 'overdue'],
  },
  {
    name: 'received one second before E: new',
    receivedAt: '2025-08-06T23:59:59',
    dueAt: '2025-08-12T17:30:00',
    channel: 'postal',
    expect: ['new', 'direct', 'inProgress'],
  },
  {
    name: 'received at E: not counted',
    receivedAt: '2025-08-07T00:00:00',
    dueAt: '2025-08-12T17:30:00',
    expect: 'absent',
  },
  {
    name: 'returned in the period',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [{ type: 'returned', at: at('2025-07-11T08:00:00'), reason: 'Không thuộc thẩm quyền' }],
    expect: ['new', 'direct', 'returned'],
  },
  {
    name: 'withdrawn in the period',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    channel: 'online',
    events: [{ type: 'withdrawn', at: at('2025-07-12T08:00:00') }],
    expect: ['new', 'online', 'withdrawn'],
  },
  {
    name: 'refused after appraisal is resolved; delivery changes nothing',
    receivedAt: '2025-07-10T08:00:00',
    dueAt: '2025-07-15T17:30:00',
    events: [
      { type: 'resolved', at: at('2025-07-16T08:00:00'), outcome: 'refused' },
      { type: 'delivered', at: at('2025-08-10T08:00:00') },
    ],
    expect: ['new', 'direct', 'late'],
  },
];

function expectedRow(c: Case): Omit<FieldRow, 'field'> {
  const has = (k: string) => (c.expect !== 'absent' && c.expect.includes(k) ? 1 : 0);
  const resolved = has('early') + has('onTime') + has('late');
  const inProgress = has('inProgress');
  return {
    received: {
      total: has('new') + has('carried'),
      online: has('online'),
      directOrPostal: has('direct'),
      carriedOver: has('carried'),
    },
    resolved: { total: resolved, early: has('early'), onTime: has('onTime'), late: has('late') },
    inProgress: {
      total: inProgress,
      withinDeadline: inProgress - has('overdue'),
      overdue: has('overdue'),
      awaitingSupplement: has('awaiting'),
    },
    closedWithoutResult: {
      total: has('returned') + has('withdrawn'),
      returned: has('returned'),
      withdrawn: has('withdrawn'),
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`period report rules (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(t.db);
      const lines = CASES.map((c, i) =>
        legacyLine({
          code: `CASE-${i}`,
          field: `F${String(i).padStart(2, '0')}`,
          channel: c.channel,
          receivedAt: at(c.receivedAt),
          dueAt: at(c.dueAt),
          events: c.events,
        }),
      );
      const result = await importLegacyDossiers(t.db, writeJsonl(lines), { now: TEST_NOW });
      expect(result.status).toBe('imported');
    });
    afterAll(async () => t.dispose());

    it.each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
      const c = CASES[i] as Case;
      const report = await periodReport(t.db, { unitCode: '25000', from: FROM, to: TO }, TEST_NOW);
      const row = report.byField.find((f) => f.field === `F${String(i).padStart(2, '0')}`);
      const { field: _field, ...counts } = row ?? { field: '', ...expectedRow({ ...c, expect: [] }) };
      expect(counts).toEqual(expectedRow(c));
    });

    it('totals are the sum of the fields, and the identity holds', async () => {
      const r = await periodReport(t.db, { unitCode: '25000', from: FROM, to: TO }, TEST_NOW);
      const sum = (pick: (row: FieldRow) => number) => r.byField.reduce((s, f) => s + pick(f), 0);
      expect(r.totals.received.total).toBe(sum((f) => f.received.total));
      expect(r.totals.inProgress.overdue).toBe(sum((f) => f.inProgress.overdue));
      expect(r.totals.received.total).toBe(
        r.totals.resolved.total + r.totals.inProgress.total + r.totals.closedWithoutResult.total,
      );
      expect(r.totals.received.total).toBe(
        r.totals.received.online + r.totals.received.directOrPostal + r.totals.received.carriedOver,
      );
    });

    it('lists the fields in the order the import first met them, with zero rows for fields of ended dossiers', async () => {
      const r = await periodReport(t.db, { unitCode: '25000', from: FROM, to: TO }, TEST_NOW);
      const expected = CASES.map((c, i) => ({ c, f: `F${String(i).padStart(2, '0')}` }))
        .filter(({ c }) => c.receivedAt < '2025-08-07T00:00:00')
        .map(({ f }) => f);
      expect(r.byField.map((f) => f.field)).toEqual(expected);
    });

    it('a province report aggregates its communes and has one row per commune', async () => {
      const commune = await periodReport(t.db, { unitCode: '25000', from: FROM, to: TO }, TEST_NOW);
      const province = await periodReport(t.db, { unitCode: '68', from: FROM, to: TO }, TEST_NOW);
      expect(province.unit).toEqual({ code: '68', name: 'Tỉnh Lâm Đồng' });
      expect(province.totals).toEqual(commune.totals);
      expect(province.byField).toEqual(commune.byField);
      expect(province.byUnit?.map((u) => u.unit)).toEqual([
        { code: '25000', name: 'Xã Di Linh' },
        { code: '25015', name: 'Xã Gia Hiệp' },
      ]);
      const { unit: _u, ...diLinh } = province.byUnit?.[0] ?? { unit: null };
      expect(diLinh).toEqual(commune.totals);
      expect(province.byUnit?.[1]?.received.total).toBe(0);
      expect('byUnit' in commune).toBe(false);
    });

    it('a former commune code reports on the current commune', async () => {
      const r = await periodReport(t.db, { unitCode: '25027', from: FROM, to: TO }, TEST_NOW);
      expect(r.unit).toEqual({ code: '25000', name: 'Xã Di Linh' });
    });

    it('rejects bad input with VALIDATION_FAILED naming the field', async () => {
      const fails = async (input: { unitCode: string; from: string; to: string }, path: string) => {
        const e = await periodReport(t.db, input, TEST_NOW).catch((x: unknown) => x);
        expect(e).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path })] });
      };
      await fails({ unitCode: '25000', from: '2025-08-07', to: '2025-08-06' }, 'from');
      await fails({ unitCode: '25000', from: '2025-02-30', to: '2025-08-06' }, 'from');
      await fails({ unitCode: '25000', from: '2025-07-09', to: '6/8/2025' }, 'to');
      await fails({ unitCode: '99999', from: FROM, to: TO }, 'unit');
      await fails({ unitCode: 'abc', from: FROM, to: TO }, 'unit');
    });
  });
}
