/**
 * The SQL of the period report: aggregates over indexed dossier columns, never a replay of actions.
 *
 * The rows of a period are the union of three disjoint index ranges:
 *   new            received_at in [from, E)                      (unit|province, received_at)
 *   carried, open  received_at < from, ended_at IS NULL          (unit|province, ended_at)
 *   carried, ended received_at < from, ended_at >= from          (unit|province, ended_at)
 * (`+received_at` keeps the planner on the ended_at index for the last two.) Only the rows in progress at E
 * look up their supplement intervals and effective due (correlated subqueries on their own indexes).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ReportUnitFieldTable } from './report.table.ts';
import type { FlatCounts } from './report.types.ts';

type Db = Kysely<Database>;

export type ReportScope = { kind: 'unit'; unitCode: string } | { kind: 'province'; provinceCode: string };

export interface Bounds {
  fromMs: number;
  endMs: number;
}

export interface AggregateRow extends FlatCounts {
  unitCode: string;
  field: string;
  firstCreatedAt: number;
}

interface RawAggregate {
  unit_code: string;
  field: string;
  online: number | string;
  direct_or_postal: number | string;
  carried_over: number | string;
  resolved: number | string;
  early: number | string;
  late: number | string;
  returned: number | string;
  withdrawn: number | string;
  in_progress: number | string;
  awaiting: number | string;
  overdue: number | string;
  first_created_at: number | string;
}

export function scopeWhere(scope: ReportScope, alias = 'd'): RawBuilder<unknown> {
  return scope.kind === 'unit'
    ? sql`${sql.ref(`${alias}.unit_code`)} = ${scope.unitCode}`
    : sql`${sql.ref(`${alias}.province_code`)} = ${scope.provinceCode}`;
}

/** The dossiers counted in [from, E): new in the period, or carried over (received before, not ended before). */
export function periodRows(scope: ReportScope, b: Bounds, columns: RawBuilder<unknown>): RawBuilder<unknown> {
  const w = scopeWhere(scope);
  return sql`select ${columns} from dossiers d where ${w} and d.received_at >= ${b.fromMs} and d.received_at < ${b.endMs}
    union all
    select ${columns} from dossiers d where ${w} and +d.received_at < ${b.fromMs} and d.ended_at is null
    union all
    select ${columns} from dossiers d where ${w} and +d.received_at < ${b.fromMs} and d.ended_at >= ${b.fromMs}`;
}

/**
 * State at instant T of a row `r` not ended before T: 'a' awaiting a supplement (a supplement interval open at T,
 * or lasting until the dossier's own end), 'o' overdue (effective due < T), 'w' within the deadline.
 */
export function stateAt(t: number, alias = 'r'): RawBuilder<string> {
  const id = sql.ref(`${alias}.id`);
  const ended = sql.ref(`${alias}.ended_at`);
  return sql<string>`case
    when exists (select 1 from dossier_suspensions s where s.dossier_id = ${id} and s.started_at <= ${t}
      and (s.ended_at is null or s.ended_at > ${t} or s.ended_at >= ${ended})) then 'a'
    when (select u.due_at from dossier_dues u where u.dossier_id = ${id} and u.set_at <= ${t}
      order by u.set_at desc, u.due_at desc limit 1) < ${t} then 'o'
    else 'w' end`;
}

const ROW_COLUMNS = sql`d.id, d.unit_code, d.field, d.channel, d.received_at, d.ended_at, d.end_kind, d.resolution, d.created_at`;

const n = (v: number | string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/** One row per (unit, field) with the flat counters of the period. */
export async function aggregatePeriod(db: Db, scope: ReportScope, b: Bounds): Promise<AggregateRow[]> {
  const { fromMs: from, endMs: end } = b;
  const classified = sql`select r.*, case when r.ended_at is not null and r.ended_at < ${end} then null
      else ${stateAt(end)} end as ip
    from (${periodRows(scope, b, ROW_COLUMNS)}) r`;
  const ended = (cond: RawBuilder<unknown>) =>
    sql`sum(case when c.ended_at < ${end} and ${cond} then 1 else 0 end)`;
  const query = sql<RawAggregate>`select c.unit_code, c.field,
      sum(case when c.received_at >= ${from} and c.channel = 'online' then 1 else 0 end) as online,
      sum(case when c.received_at >= ${from} and c.channel <> 'online' then 1 else 0 end) as direct_or_postal,
      sum(case when c.received_at < ${from} then 1 else 0 end) as carried_over,
      ${ended(sql`c.end_kind = 'resolved'`)} as resolved,
      ${ended(sql`c.end_kind = 'resolved' and c.resolution = 'early'`)} as early,
      ${ended(sql`c.end_kind = 'resolved' and c.resolution = 'late'`)} as late,
      ${ended(sql`c.end_kind = 'returned'`)} as returned,
      ${ended(sql`c.end_kind = 'withdrawn'`)} as withdrawn,
      sum(case when c.ip is not null then 1 else 0 end) as in_progress,
      sum(case when c.ip = 'a' then 1 else 0 end) as awaiting,
      sum(case when c.ip = 'o' then 1 else 0 end) as overdue,
      min(c.created_at) as first_created_at
    from (${classified}) c
    group by c.unit_code, c.field`;
  const { rows } = await query.execute(db);
  return rows.map((r) => ({
    unitCode: r.unit_code,
    field: r.field,
    online: n(r.online),
    directOrPostal: n(r.direct_or_postal),
    carriedOver: n(r.carried_over),
    resolved: n(r.resolved),
    early: n(r.early),
    late: n(r.late),
    returned: n(r.returned),
    withdrawn: n(r.withdrawn),
    inProgress: n(r.in_progress),
    awaiting: n(r.awaiting),
    overdue: n(r.overdue),
    firstCreatedAt: n(r.first_created_at),
  }));
}

export interface KnownField {
  unitCode: string;
  field: string;
  firstSeenAt: number;
  firstSeenSeq: number;
}

/** The fields the communes had before E, in the order they were first recorded (report_unit_fields). */
export async function knownFields(db: Db, scope: ReportScope, endMs: number): Promise<KnownField[]> {
  const rdb = db.withTables<{ report_unit_fields: ReportUnitFieldTable }>();
  let q = rdb
    .selectFrom('report_unit_fields')
    .select(['unit_code', 'field', 'first_seen_at', 'first_seen_seq'])
    .where('min_received_at', '<', endMs);
  q = scope.kind === 'unit' ? q.where('unit_code', '=', scope.unitCode) : q.where('province_code', '=', scope.provinceCode);
  const rows = await q.execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    field: r.field,
    firstSeenAt: Number(r.first_seen_at),
    firstSeenSeq: Number(r.first_seen_seq),
  }));
}
