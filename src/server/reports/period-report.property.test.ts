/**
 * Property: for random small histories and random periods, the report (import + SQL aggregates) equals a naive
 * classifier that replays each history's events in JavaScript, and the identity
 * new + carried over = resolved + returned + withdrawn + in progress holds.
 */
import fc from 'fast-check';
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
import { toCounts, ZERO_FLAT, type FlatCounts, type ReportCounts } from './report.types.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const H = 3_600_000;
const DAY = 24 * H;
const OFFSET = 7 * H;
const BASE = Date.UTC(2025, 6, 1) - OFFSET; // 2025-07-01 00:00 +07:00
const iso = (ms: number): string => new Date(ms + OFFSET).toISOString().replace(/\.\d{3}Z$/, '+07:00');
const localDay = (ms: number): number => Math.floor((ms + OFFSET) / DAY);

interface Ev {
  type: string;
  at: number;
  dueAt?: number;
}
interface Dossier {
  field: string;
  channel: string;
  receivedAt: number;
  dueAt: number;
  events: Ev[];
}

const ENDS = ['resolved', 'returned', 'withdrawn'];

/** Turns random steps into a valid history (time never goes back; nothing but delivery after the end). */
function history(
  steps: { pick: number; delay: number; offset: number; withDue: boolean }[],
  receivedAt: number,
): Ev[] {
  const events: Ev[] = [];
  let t = receivedAt;
  let awaiting = false;
  let ended: string | null = null;
  for (const s of steps) {
    const allowed: string[] = ended
      ? ended === 'resolved'
        ? ['delivered']
        : []
      : [
          awaiting ? 'supplement_received' : 'supplement_requested',
          'extended',
          'resolved',
          'returned',
          'withdrawn',
        ];
    const type: string | undefined = allowed[s.pick % Math.max(1, allowed.length)];
    if (!type) break;
    t += s.delay;
    const e: Ev = { type, at: t };
    if (type === 'extended' || (type === 'supplement_received' && s.withDue)) e.dueAt = t + s.offset;
    if (type === 'supplement_requested') awaiting = true;
    if (type === 'supplement_received') awaiting = false;
    if (ENDS.includes(type)) ended = type;
    events.push(e);
  }
  return events;
}

const instant = fc.oneof(
  fc.integer({ min: -15 * DAY, max: 50 * DAY }).map((x) => BASE + Math.floor(x / 60_000) * 60_000),
  fc.constantFrom(BASE + 8 * DAY, BASE + 8 * DAY - 1000, BASE + 37 * DAY, BASE + 37 * DAY - 1000),
);
const delay = fc.oneof(
  fc.constant(0),
  fc.constant(1000),
  fc.integer({ min: 1, max: 12 * 24 * 60 }).map((m) => m * 60_000),
);
const dossier: fc.Arbitrary<Dossier> = fc
  .record({
    field: fc.constantFrom('Hộ tịch', 'Đất đai', 'Chứng thực'),
    channel: fc.constantFrom('direct', 'online', 'postal'),
    receivedAt: instant,
    due: fc.oneof(fc.integer({ min: -DAY, max: 20 * DAY }), fc.constant(0)),
    steps: fc.array(
      fc.record({
        pick: fc.nat(),
        delay,
        offset: fc.integer({ min: -DAY, max: 15 * DAY }),
        withDue: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
  })
  .map((r) => ({
    field: r.field,
    channel: r.channel,
    receivedAt: r.receivedAt,
    dueAt: r.due === 0 ? BASE + 37 * DAY : r.receivedAt + r.due,
    events: history(r.steps, r.receivedAt),
  }));
const period = fc.record({ from: fc.integer({ min: 0, max: 35 }), length: fc.integer({ min: 0, max: 40 }) });

/** The rules of DOMAIN.md section 4, replaying events (independent of the import's derivation). */
function naive(d: Dossier, from: number, end: number): FlatCounts | null {
  const endIndex = d.events.findIndex((e) => ENDS.includes(e.type));
  const endEvent = endIndex >= 0 ? d.events[endIndex] : undefined;
  if (d.receivedAt >= end || (endEvent && endEvent.at < from)) return null;
  const c: FlatCounts = { ...ZERO_FLAT };
  if (d.receivedAt < from) c.carriedOver = 1;
  else if (d.channel === 'online') c.online = 1;
  else c.directOrPostal = 1;
  const before = endIndex >= 0 ? d.events.slice(0, endIndex) : d.events;
  const dueAt = (t: number) =>
    before.filter((e) => e.dueAt !== undefined && e.at <= t).reduce((due, e) => e.dueAt ?? due, d.dueAt);
  if (endEvent && endEvent.at < end) {
    if (endEvent.type === 'returned') c.returned = 1;
    if (endEvent.type === 'withdrawn') c.withdrawn = 1;
    if (endEvent.type === 'resolved') {
      c.resolved = 1;
      const due = dueAt(endEvent.at);
      if (endEvent.at > due) c.late = 1;
      else if (localDay(endEvent.at) < localDay(due)) c.early = 1;
    }
    return c;
  }
  c.inProgress = 1;
  let awaiting = false;
  for (const e of before) {
    if (e.at > end) break;
    if (e.type === 'supplement_requested') awaiting = true;
    if (e.type === 'supplement_received') awaiting = false;
  }
  if (awaiting) c.awaiting = 1;
  else if (dueAt(end) < end) c.overdue = 1;
  return c;
}

function expected(
  dossiers: Dossier[],
  from: number,
  end: number,
): { totals: ReportCounts; byField: Map<string, ReportCounts> } {
  let totals: FlatCounts = { ...ZERO_FLAT };
  const fields = new Map<string, FlatCounts>();
  const add = (a: FlatCounts, b: FlatCounts): FlatCounts => {
    const o = { ...a };
    for (const k of Object.keys(o) as (keyof FlatCounts)[]) o[k] += b[k];
    return o;
  };
  for (const d of dossiers) {
    const c = naive(d, from, end);
    if (!c) continue;
    totals = add(totals, c);
    fields.set(d.field, add(fields.get(d.field) ?? { ...ZERO_FLAT }, c));
  }
  return { totals: toCounts(totals), byField: new Map([...fields].map(([f, c]) => [f, toCounts(c)])) };
}

const COMMUNES = Array.from({ length: 120 }, (_, i) => ({
  code: String(30001 + i),
  name: `Xã Thử ${i + 1}`,
  provinceCode: '68',
  type: 'commune',
}));

for (const dialect of DIALECTS) {
  describe(`period report property (${dialect})`, () => {
    let t: TestDb;
    let run = 0;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(
        t.db,
        [{ code: '68', name: 'Tỉnh Lâm Đồng', provinceCode: '68', type: 'province' }, ...COMMUNES],
        [],
      );
    });
    afterAll(async () => t.dispose());

    it('equals a naive classifier and keeps the identity', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(dossier, { minLength: 1, maxLength: 12 }), period, async (dossiers, p) => {
          const unit = COMMUNES[run % COMMUNES.length]?.code ?? '30001';
          run += 1;
          const lines = dossiers.map((d, i) =>
            legacyLine({
              code: `P${run}-${i}`,
              unitCode: unit,
              field: d.field,
              channel: d.channel,
              receivedAt: iso(d.receivedAt),
              dueAt: iso(d.dueAt),
              events: d.events.map((e): LegacyEventInput => ({
                type: e.type,
                at: iso(e.at),
                ...(e.dueAt !== undefined ? { dueAt: iso(e.dueAt) } : {}),
                ...(e.type === 'resolved' ? { outcome: 'approved' } : {}),
              })),
            }),
          );
          const imported = await importLegacyDossiers(t.db, writeJsonl(lines), { now: TEST_NOW });
          expect(imported.status).toBe('imported');
          const fromMs = BASE + p.from * DAY;
          const endMs = fromMs + (p.length + 1) * DAY;
          const date = (ms: number) => iso(ms).slice(0, 10);
          const report = await periodReport(
            t.db,
            {
              unitCode: unit,
              from: date(fromMs),
              to: date(endMs - DAY),
            },
            TEST_NOW,
          );
          const want = expected(dossiers, fromMs, endMs);
          expect(report.totals).toEqual(want.totals);
          for (const row of report.byField) {
            const { field, ...counts } = row;
            expect(counts).toEqual(want.byField.get(field) ?? toCounts(ZERO_FLAT));
          }
          expect(report.byField.filter((f) => f.received.total > 0).length).toBe(want.byField.size);
          const tt = report.totals;
          expect(tt.received.online + tt.received.directOrPostal + tt.received.carriedOver).toBe(
            tt.resolved.total +
              tt.closedWithoutResult.returned +
              tt.closedWithoutResult.withdrawn +
              tt.inProgress.total,
          );
        }),
        { numRuns: dialect === 'sqlite' ? 120 : 40 },
      );
    }, 120_000);
  });
}
