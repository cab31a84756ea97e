/**
 * The period report of a commune or a province (DOMAIN.md section 4; JSON shape in docs/REPORTS.md).
 * Commune: totals and byField. Province: the same over all its communes, plus byUnit (one row per commune).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { findVersions } from '../units/unit.repository.ts';
import { findUnitByCode, type Unit } from '../units/unit.service.ts';
import { COMMUNE_TYPES, PROVINCE_TYPES } from '../units/unit.table.ts';
import {
  aggregatePeriod,
  knownFields,
  registeredUnits,
  type AggregateRow,
  type KnownField,
  type ReportScope,
} from './period-report.repository.ts';
import { resolvePeriod, type PeriodBounds } from '../platform/period.ts';
import { singleFlight } from '../platform/single-flight.ts';
import {
  addFlat,
  toCounts,
  ZERO_FLAT,
  type FieldRow,
  type FlatCounts,
  type PeriodInput,
  type PeriodReport,
  type ReportUnitRef,
  type UnitRow,
} from './report.types.ts';
import { todayInVietnam } from '../platform/clock.ts';

type Db = Kysely<Database>;

export interface ReportTarget {
  unit: Unit;
  scope: ReportScope;
  isProvince: boolean;
  /** Province reports: the current communes (byUnit rows, names). */
  communes: ReportUnitRef[];
  /** The date the units were resolved for (today in Vietnam). */
  asOf: string;
}

const collator = new Intl.Collator('vi');

/** The unit of a report (a current or former code); VALIDATION_FAILED on `unit` when unknown. */
export async function resolveReportUnit(db: Db, unitCode: unknown, now: number): Promise<ReportTarget> {
  const asOf = todayInVietnam(now);
  const code = typeof unitCode === 'string' ? unitCode.trim() : '';
  const unit = /^\d{2}$|^\d{3,5}$/.test(code)
    ? await findUnitByCode(db, code.length > 2 ? code.padStart(5, '0') : code, { asOf })
    : null;
  if (!unit)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unit', rule: 'unknown_unit', message: `unknown unit "${code}"` }],
    });
  if (!(PROVINCE_TYPES as readonly string[]).includes(unit.type))
    return {
      unit,
      isProvince: false,
      communes: [],
      asOf,
      scope: { kind: 'units', provinceCode: unit.provinceCode, unitCodes: [unit.code] },
    };
  const rows = await findVersions(db, {
    asOf,
    types: COMMUNE_TYPES,
    provinceCode: unit.code,
  });
  const communes = rows.map((r) => ({ code: r.code, name: r.name }));
  const codes = new Set([...communes.map((c) => c.code), ...(await registeredUnits(db, unit.code))]);
  return {
    unit,
    isProvince: true,
    communes,
    asOf,
    scope: { kind: 'units', provinceCode: unit.code, unitCodes: [...codes].sort() },
  };
}

interface FieldAcc {
  field: string;
  counts: FlatCounts;
  /** Order: first recorded (registry), else the earliest receipt among the dossiers counted. */
  seenAt: number;
  seenSeq: number;
}

/** byField rows: every field with a dossier counted, plus the fields the unit already had before E (zeros). */
export function groupByField(rows: AggregateRow[], known: KnownField[]): FieldRow[] {
  const acc = new Map<string, FieldAcc>();
  for (const k of known) {
    const a = acc.get(k.field);
    const earlier =
      !a || k.firstSeenAt < a.seenAt || (k.firstSeenAt === a.seenAt && k.firstSeenSeq < a.seenSeq);
    if (!a)
      acc.set(k.field, {
        field: k.field,
        counts: { ...ZERO_FLAT },
        seenAt: k.firstSeenAt,
        seenSeq: k.firstSeenSeq,
      });
    else if (earlier) Object.assign(a, { seenAt: k.firstSeenAt, seenSeq: k.firstSeenSeq });
  }
  const registered = new Set(acc.keys());
  for (const r of rows) {
    let a = acc.get(r.field);
    if (!a) {
      a = {
        field: r.field,
        counts: { ...ZERO_FLAT },
        seenAt: r.firstReceivedAt,
        seenSeq: Number.MAX_SAFE_INTEGER,
      };
      acc.set(r.field, a);
    } else if (!registered.has(r.field)) a.seenAt = Math.min(a.seenAt, r.firstReceivedAt);
    a.counts = addFlat(a.counts, r);
  }
  return [...acc.values()]
    .sort((x, y) => x.seenAt - y.seenAt || x.seenSeq - y.seenSeq || collator.compare(x.field, y.field))
    .map((a) => ({ field: a.field, ...toCounts(a.counts) }));
}

/** byUnit rows: every current commune of the province (zeros included), and any other unit met, by code. */
async function groupByUnit(db: Db, target: ReportTarget, rows: AggregateRow[]): Promise<UnitRow[]> {
  const names = new Map(target.communes.map((c) => [c.code, c.name]));
  const sums = new Map<string, FlatCounts>(target.communes.map((c) => [c.code, { ...ZERO_FLAT }]));
  for (const r of rows) sums.set(r.unitCode, addFlat(sums.get(r.unitCode) ?? { ...ZERO_FLAT }, r));
  for (const code of sums.keys()) {
    if (!names.has(code))
      names.set(code, (await findUnitByCode(db, code, { asOf: target.asOf }))?.name ?? code);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, counts]) => ({ unit: { code, name: names.get(code) ?? code }, ...toCounts(counts) }));
}

const sharedReport = singleFlight<Db, PeriodReport>();

/**
 * Builds the report of an already resolved unit and period. Callers asking for the same unit, composition date and
 * period while one is being built share it (platform/single-flight.ts); each gets its own copy.
 */
export async function buildPeriodReport(
  db: Db,
  target: ReportTarget,
  period: PeriodBounds,
): Promise<PeriodReport> {
  const key = `${target.unit.code}|${target.asOf}|${period.from}|${period.to}`;
  return structuredClone(await sharedReport(db, key, () => computePeriodReport(db, target, period)));
}

async function computePeriodReport(
  db: Db,
  target: ReportTarget,
  period: PeriodBounds,
): Promise<PeriodReport> {
  const rows = await aggregatePeriod(db, target.scope, period);
  const known = await knownFields(db, target.scope, period.endMs);
  const total = rows.reduce<FlatCounts>((s, r) => addFlat(s, r), { ...ZERO_FLAT });
  const report: PeriodReport = {
    unit: { code: target.unit.code, name: target.unit.name },
    period: { from: period.from, to: period.to },
    totals: toCounts(total),
    byField: groupByField(rows, known),
  };
  if (target.isProvince) report.byUnit = await groupByUnit(db, target, rows);
  return report;
}

/** periodReport(db, {unitCode, from, to}): validates (from ≤ to, real dates, unit exists) and reports. */
export async function periodReport(db: Db, input: PeriodInput, now: number): Promise<PeriodReport> {
  const period = resolvePeriod(input.from, input.to);
  const target = await resolveReportUnit(db, input.unitCode, now);
  return buildPeriodReport(db, target, period);
}
