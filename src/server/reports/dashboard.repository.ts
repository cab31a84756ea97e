/** The SQL of the dashboards: daily series, officers' workload, procedures' late rates, processing times. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dueInEffectAt, stateAt, type Bounds, type ReportScope } from './period-report.repository.ts';
import { scopeSql, withinScope, type Scope } from '../platform/tenant.ts';
import type { Satisfaction, Span } from './indicators.ts';

type Db = Kysely<Database>;
type Num = number | string | null;

const n = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));
/** Local (UTC+7) day number of an instant column, the same integer arithmetic on both dialects. */
const localDay = (column: string) => sql`((${sql.ref(column)} + 25200000) / 86400000)`;

export interface DayCount {
  day: number;
  count: number;
}

export async function receivedByDay(db: Db, scope: ReportScope, b: Bounds): Promise<DayCount[]> {
  const { rows } = await sql<{ day: Num; n: Num }>`select ${localDay('received_at')} as day, count(*) as n
    from dossiers where ${scopeSql(scope)} and received_at >= ${b.fromMs} and received_at < ${b.endMs}
    group by ${localDay('received_at')}`.execute(db);
  return rows.map((r) => ({ day: n(r.day), count: n(r.n) }));
}

export async function resolvedByDay(db: Db, scope: ReportScope, b: Bounds): Promise<DayCount[]> {
  const { rows } = await sql<{ day: Num; n: Num }>`select ${localDay('ended_at')} as day, count(*) as n
    from dossiers where ${scopeSql(scope)} and ended_at >= ${b.fromMs} and ended_at < ${b.endMs} and end_kind = 'resolved'
    group by ${localDay('ended_at')}`.execute(db);
  return rows.map((r) => ({ day: n(r.day), count: n(r.n) }));
}

export interface OfficerLoad {
  assigneeId: string | null;
  open: number;
  dueSoon: number;
  overdue: number;
}

/** Dossiers in progress at T by assignee: open, due within `soonMs` (not awaiting), overdue (not awaiting). */
export async function workloadAt(
  db: Db,
  scope: ReportScope,
  t: number,
  soonMs: number,
): Promise<OfficerLoad[]> {
  const { rows } = await sql<{ assignee_id: string | null; open: Num; due_soon: Num; overdue: Num }>`
    select x.assignee_id, count(*) as open,
      sum(case when x.st = 'w' and x.due < ${t + soonMs} then 1 else 0 end) as due_soon,
      sum(case when x.st = 'o' then 1 else 0 end) as overdue
    from (
      select d.assignee_id, ${stateAt(t)} as st, ${dueInEffectAt(t)} as due from dossiers d
      where ${scopeSql(scope, 'd')} and (d.ended_at is null or d.ended_at >= ${t}) and d.received_at < ${t}
    ) x
    group by x.assignee_id`.execute(db);
  return rows.map((r) => ({
    assigneeId: r.assignee_id,
    open: n(r.open),
    dueSoon: n(r.due_soon),
    overdue: n(r.overdue),
  }));
}

export interface ResolvedBy {
  key: string | null;
  name: string | null;
  resolved: number;
  late: number;
  /** Average of (resolution − receipt), in milliseconds. */
  avgMs: number;
}

/** Resolved in [from, E) grouped by assignee or by procedure. */
export async function resolvedBy(
  db: Db,
  scope: ReportScope,
  b: Bounds,
  by: 'assignee' | 'procedure',
): Promise<ResolvedBy[]> {
  const key = by === 'assignee' ? sql`assignee_id` : sql`procedure_code`;
  const name = by === 'assignee' ? sql`max(cast(null as text))` : sql`max(procedure_name)`;
  const { rows } = await sql<{
    k: string | null;
    name: string | null;
    resolved: Num;
    late: Num;
    avg_ms: Num;
  }>`
    select ${key} as k, ${name} as name, count(*) as resolved,
      sum(case when resolution = 'late' then 1 else 0 end) as late,
      avg(ended_at - received_at) as avg_ms
    from dossiers
    where ${scopeSql(scope)} and ended_at >= ${b.fromMs} and ended_at < ${b.endMs} and end_kind = 'resolved'
    group by ${key}`.execute(db);
  return rows.map((r) => ({
    key: r.k,
    name: r.name,
    resolved: n(r.resolved),
    late: n(r.late),
    avgMs: n(r.avg_ms),
  }));
}

/**
 * Receipt and resolution instants of the dossiers resolved in [from, E), with the intervals their clock stood still
 * awaiting a supplement, by assignee (null: none): indicator 2.2 and the officers' average processing time, both
 * in working days without the suspended time.
 */
export async function resolvedSpansByAssignee(
  db: Db,
  scope: ReportScope,
  b: Bounds,
): Promise<Map<string | null, Span[]>> {
  const { rows } = await sql<{ id: string; a: string | null; r: Num; e: Num }>`select id, assignee_id as a,
      received_at as r, ended_at as e from dossiers
    where ${scopeSql(scope)} and ended_at >= ${b.fromMs} and ended_at < ${b.endMs} and end_kind = 'resolved'`.execute(
    db,
  );
  const { rows: pauses } = await sql<{ id: string; s: Num; e: Num | null }>`select s.dossier_id as id,
      s.started_at as s, s.ended_at as e
    from dossier_suspensions s join dossiers d on d.id = s.dossier_id
    where ${scopeSql(scope, 'd')} and d.ended_at >= ${b.fromMs} and d.ended_at < ${b.endMs}
      and d.end_kind = 'resolved'`.execute(db);
  const pausesOf = new Map<string, [number, number | null][]>();
  for (const p of pauses) {
    const list = pausesOf.get(p.id) ?? [];
    list.push([n(p.s), p.e === null ? null : n(p.e)]);
    pausesOf.set(p.id, list);
  }
  const out = new Map<string | null, Span[]>();
  for (const x of rows) {
    const list = out.get(x.a) ?? [];
    list.push([n(x.r), n(x.e), pausesOf.get(x.id) ?? []]);
    out.set(x.a, list);
  }
  return out;
}

export interface OfficerTasks {
  assigneeId: string;
  open: number;
  overdue: number;
}

/**
 * Leaders' tasks (docs/TASKS.md) by officer at instant T: open (assigned by T, not ended by T) and overdue (open,
 * past their time, product not handed in by T).
 */
export async function tasksAt(db: Db, scope: ReportScope, t: number): Promise<OfficerTasks[]> {
  const { rows } = await sql<{
    a: string;
    open: Num;
    overdue: Num;
  }>`select assignee_id as a, count(*) as open,
      sum(case when due_at < ${t} and (submitted_at is null or submitted_at > ${t}) then 1 else 0 end) as overdue
    from tasks
    where ${scopeSql(scope)} and assigned_at <= ${t} and (ended_at is null or ended_at > ${t})
    group by assignee_id`.execute(db);
  return rows.map((r) => ({ assigneeId: r.a, open: n(r.open), overdue: n(r.overdue) }));
}

export async function userNames(db: Db, ids: string[], scope: Scope): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await withinScope(db.selectFrom('users').select(['id', 'display_name']), scope)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Indicator 5.4's counts over the dossiers resolved in [from, E): how many, and how many of them were late, or rated
 * dissatisfied (1-2 of 5, any source), or the subject of a complaint or feedback that was not rejected (accepted,
 * being handled or resolved, whatever its conclusion), each dossier counted once.
 */
export async function satisfactionOf(db: Db, scope: ReportScope, b: Bounds): Promise<Satisfaction> {
  const { rows } = await sql<{ resolved: Num; unsatisfied: Num }>`select count(*) as resolved,
      coalesce(sum(case when d.resolution = 'late'
        or exists (select 1 from dossier_ratings r where r.dossier_id = d.id and r.rating <= 2)
        or exists (select 1 from petitions p where p.dossier_id = d.id and p.kind in ('complaint', 'feedback')
          and p.status <> 'rejected')
        then 1 else 0 end), 0) as unsatisfied
    from dossiers d
    where ${scopeSql(scope, 'd')} and d.ended_at >= ${b.fromMs} and d.ended_at < ${b.endMs}
      and d.end_kind = 'resolved'`.execute(db);
  return { resolved: n(rows[0]?.resolved), unsatisfied: n(rows[0]?.unsatisfied) };
}
