/**
 * The dashboards' data (`GET /api/reports/dashboard`): daily received/resolved series, officers' workload (dossiers
 * and leaders' tasks),
 * procedures' late rates, the communes of a province ranked by on-time rate, and the Decision 766/QĐ-TTg
 * indicators the data supports (formulas in docs/REPORTS.md).
 */
import type { Kysely } from 'kysely';
import { dateOfDayNumber, type WorkingCalendar } from '../../shared/calendar/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { onTimeRate, share } from './brief.format.ts';
import {
  satisfactionOf,
  receivedByDay,
  resolvedBy,
  resolvedByDay,
  resolvedSpansByAssignee,
  tasksAt,
  userNames,
  workloadAt,
} from './dashboard.repository.ts';
import { buildPeriodReport, resolveReportUnit, type ReportTarget } from './period-report.ts';
import { DAY_MS, resolvePeriod, type PeriodBounds } from '../platform/period.ts';
import type { PeriodInput, PeriodReport, ReportUnitRef } from './report.types.ts';
import { receptionSummary, type ReceptionSummary } from '../reception/reception.service.ts';
import { averageWorkingDays, indicators766, type Indicators766, type Span } from './indicators.ts';
import { electronicResultsOf } from '../results/result.repository.ts';

type Db = Kysely<Database>;

const SOON_MS = 48 * 3_600_000;
const round1 = (v: number): number => Math.round(v * 10) / 10;

export interface Dashboard {
  unit: ReportUnitRef;
  period: { from: string; to: string };
  daily: { date: string; received: number; resolved: number }[];
  /** Workload at `workloadAt` (the end of the period, or now if earlier). */
  workloadAt: string;
  officers: {
    assigneeId: string | null;
    name: string | null;
    open: number;
    dueSoon: number;
    overdue: number;
    resolved: number;
    /** Mean working days from receipt to resolution, on the province's calendar (as indicator 2.2). */
    avgProcessingDays: number | null;
    /** Leaders' tasks (docs/TASKS.md) open at `workloadAt`, and those past their time. */
    tasksOpen: number;
    tasksOverdue: number;
  }[];
  procedures: { code: string; name: string; resolved: number; late: number; lateRate: number }[];
  communes?: {
    rank: number;
    unit: ReportUnitRef;
    received: number;
    resolved: number;
    onTimeRate: number | null;
  }[];
  indicators: Indicators766;
  /** Citizen reception in the period (docs/RECEPTION.md), overdue replies counted at `workloadAt`. */
  reception: ReceptionSummary;
}

function dailySeries(period: PeriodBounds, received: Map<number, number>, resolved: Map<number, number>) {
  const first = Math.floor((period.fromMs + 7 * 3_600_000) / DAY_MS);
  const days = Math.round((period.endMs - period.fromMs) / DAY_MS);
  return Array.from({ length: days }, (_, i) => ({
    date: dateOfDayNumber(first + i),
    received: received.get(first + i) ?? 0,
    resolved: resolved.get(first + i) ?? 0,
  }));
}

async function officers(
  db: Db,
  scope: Parameters<typeof workloadAt>[1],
  period: PeriodBounds,
  t: number,
  spans: Map<string | null, Span[]>,
  calendar: WorkingCalendar,
) {
  const loads = await workloadAt(db, scope, t, SOON_MS);
  const done = await resolvedBy(db, scope, period, 'assignee');
  const tasks = await tasksAt(db, scope, t);
  const ids = new Set<string | null>([
    ...loads.map((l) => l.assigneeId),
    ...done.map((d) => d.key),
    ...tasks.map((x) => x.assigneeId),
  ]);
  const names = await userNames(
    db,
    [...ids].filter((i): i is string => i !== null),
    // Officers of the province, whichever unit their account belongs to.
    { kind: 'province', provinceCode: scope.provinceCode },
  );
  return [...ids]
    .map((id) => {
      const load = loads.find((l) => l.assigneeId === id);
      const d = done.find((x) => x.key === id);
      const task = tasks.find((x) => x.assigneeId === id);
      return {
        assigneeId: id,
        name: id === null ? null : (names.get(id) ?? null),
        open: load?.open ?? 0,
        dueSoon: load?.dueSoon ?? 0,
        overdue: load?.overdue ?? 0,
        resolved: d?.resolved ?? 0,
        avgProcessingDays: averageWorkingDays(spans.get(id) ?? [], calendar),
        tasksOpen: task?.open ?? 0,
        tasksOverdue: task?.overdue ?? 0,
      };
    })
    .sort((a, b) => b.open - a.open || (a.assigneeId ?? '').localeCompare(b.assigneeId ?? ''));
}

function rankCommunes(report: PeriodReport): Dashboard['communes'] {
  if (!report.byUnit) return undefined;
  const rows = report.byUnit.map((u) => ({
    unit: u.unit,
    received: u.received.total,
    resolved: u.resolved.total,
    onTimeRate: u.resolved.total ? round1(onTimeRate(u)) : null,
  }));
  rows.sort(
    (a, b) =>
      (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
      b.resolved - a.resolved ||
      a.unit.code.localeCompare(b.unit.code),
  );
  return rows.map((r, i) => ({ rank: i + 1, ...r }));
}

/** The dashboard of an already resolved unit and period; workload at the end of the period or `now`. */
export async function buildDashboard(
  db: Db,
  target: ReportTarget,
  period: PeriodBounds,
  now: number,
): Promise<Dashboard> {
  const report = await buildPeriodReport(db, target, period);
  const received = new Map((await receivedByDay(db, target.scope, period)).map((d) => [d.day, d.count]));
  const resolved = new Map((await resolvedByDay(db, target.scope, period)).map((d) => [d.day, d.count]));
  const t = Math.min(period.endMs, now);
  const procedures = (await resolvedBy(db, target.scope, period, 'procedure'))
    .map((p) => ({
      code: p.key ?? '',
      name: p.name ?? '',
      resolved: p.resolved,
      late: p.late,
      lateRate: round1(share(p.late, p.resolved)),
    }))
    .sort((a, b) => b.lateRate - a.lateRate || b.resolved - a.resolved || a.code.localeCompare(b.code));
  const calendar = await loadCalendar(db, target.scope.provinceCode);
  const byAssignee = await resolvedSpansByAssignee(db, target.scope, period);
  const spans = [...byAssignee.values()].flat();
  const result: Dashboard = {
    unit: report.unit,
    period: report.period,
    daily: dailySeries(period, received, resolved),
    workloadAt: new Date(t).toISOString(),
    officers: await officers(db, target.scope, period, t, byAssignee, calendar),
    procedures,
    indicators: indicators766(
      report.totals,
      spans,
      calendar,
      await satisfactionOf(db, target.scope, period),
      await electronicResultsOf(db, target.scope, period),
    ),
    reception: await receptionSummary(db, target.scope, period, t),
  };
  const communes = rankCommunes(report);
  if (communes) result.communes = communes;
  return result;
}

/** dashboard(db, {unitCode, from, to}): validates like the period report. */
export async function dashboard(db: Db, input: PeriodInput, now: number): Promise<Dashboard> {
  const period = resolvePeriod(input.from, input.to);
  return buildDashboard(db, await resolveReportUnit(db, input.unitCode, now), period, now);
}
