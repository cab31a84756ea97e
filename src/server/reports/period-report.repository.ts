/**
 * The SQL of the period report: one aggregate over a covering index of the dossiers, never a replay of actions.
 *
 * Every dossier counted in [from, E) either ENDED within the period or is IN PROGRESS at E (that is the identity
 * new + carried over = resolved + returned + withdrawn + in progress), so the report reads exactly two ranges of
 * `dossiers_report_ended (unit_code, ended_at, received_at, field, channel, end_kind, resolution, id)`:
 *   ended in the period   ended_at in [from, E)
 *   in progress at E      ended_at IS NULL, or ended_at >= E; and received_at < E
 * Whether a dossier was new or carried over is its received_at against `from`. Only the in-progress rows look up
 * their supplement intervals and effective due at E (correlated subqueries on covering indexes).
 * (`+received_at` keeps the planner on the ended_at index.)
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { scopeSql, withinScope, type UnitsScope } from '../platform/tenant.ts';
import type { ReportUnitFieldTable } from './report.table.ts';
import type { FlatCounts } from './report.types.ts';

type Db = Kysely<Database>;

/** The report's communes (one, or all of a province). */
/** A report's communes (platform/tenant.ts). */
export type ReportScope = UnitsScope;

export interface Bounds {
  fromMs: number;
  endMs: number;
}

export interface AggregateRow extends FlatCounts {
  unitCode: string;
  field: string;
  /** The earliest receipt among the rows counted (orders fields the registry does not know). */
  firstReceivedAt: number;
}

type Num = number | string | null;

interface RawCounts {
  unit_code: string;
  field: string;
  online: Num;
  direct_or_postal: Num;
  carried_over: Num;
  resolved: Num;
  early: Num;
  late: Num;
  returned: Num;
  withdrawn: Num;
  in_progress: Num;
  awaiting: Num;
  overdue: Num;
  first_received_at: Num;
}

const n = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The effective due at instant T of a dossier row `alias`: the latest due set at or before T; an imported dossier
 * whose due never changed has no due rows, and its one due is its due_at.
 */
export function dueInEffectAt(t: number, alias = 'd'): RawBuilder<number> {
  const id = sql.ref(`${alias}.id`);
  // tenant: the dues of the dossier row given, already read within the report's scope
  return sql<number>`coalesce((select u.due_at from dossier_dues u where u.dossier_id = ${id} and u.set_at <= ${t}
    order by u.set_at desc, u.due_at desc limit 1), ${sql.ref(`${alias}.due_at`)})`;
}

/**
 * State at instant T of a dossier `d` not ended before T: 'a' awaiting a supplement (an interval open at T, or
 * lasting until the dossier's own end), 'o' overdue (its effective due — the latest set at or before T — is
 * before T: dueInEffectAt), 'w' within the deadline.
 */
export function stateAt(t: number, alias = 'd'): RawBuilder<string> {
  const id = sql.ref(`${alias}.id`);
  const ended = sql.ref(`${alias}.ended_at`);
  // tenant: the suspensions of the dossier row given, already read within the report's scope
  return sql<string>`case
    when exists (select 1 from dossier_suspensions s where s.dossier_id = ${id} and s.started_at <= ${t}
      and (s.ended_at is null or s.ended_at > ${t} or s.ended_at >= ${ended})) then 'a'
    when ${dueInEffectAt(t, alias)} < ${t} then 'o'
    else 'w' end`;
}

/**
 * The in-progress state at E of a dossier row `y`, set-based for speed: the dossiers awaiting a supplement at E and
 * those whose due changed after E are two small sets, each read once through an index on unit_code, so a dossier
 * whose due did not change after E is judged on its denormalised `due_at` without any lookup. Same rules as
 * stateAt(). (A receipt due is set at the receipt, before E for a dossier in progress at E: not a change.)
 */
function stateAtEnd(scope: ReportScope, t: number): RawBuilder<string> {
  const awaiting = sql`select s.dossier_id from dossier_suspensions s where ${scopeSql(scope, 's')}
    and s.started_at <= ${t} and (s.ended_at is null or s.ended_at > ${t})`;
  const changed = sql`select u.dossier_id from dossier_dues u where ${scopeSql(scope, 'u')}
    and u.set_at > ${t} and u.reason not in ('receipt', 'import')`;
  // tenant: the correlated lookups below are keyed by y.id, a dossier read within the report's scope
  return sql<string>`case
    when y.id in (${awaiting}) then 'a'
    when y.ended_at = ${t} and exists (select 1 from dossier_suspensions s where s.dossier_id = y.id
      and s.started_at <= ${t} and s.ended_at >= y.ended_at) then 'a'
    when (case when y.id in (${changed}) then (select u.due_at from dossier_dues u where u.dossier_id = y.id
      and u.set_at <= ${t} order by u.set_at desc, u.due_at desc limit 1) else y.due_at end) < ${t} then 'o'
    else 'w' end`;
}

/**
 * The dossiers ended within [from, E), and those in progress at E with their state at E (`ip`: 'a' awaiting a
 * supplement, 'o' overdue, 'w' within; null for the ended). The in-progress rows are a MATERIALIZED common table
 * expression (same syntax on SQLite ≥ 3.35 and PostgreSQL ≥ 12), so the state's two sets are read once.
 */
export function periodRows(scope: ReportScope, b: Bounds): RawBuilder<unknown> {
  const { fromMs: from, endMs: end } = b;
  const y = sql`d.id, d.unit_code, d.field, d.channel, d.received_at, d.ended_at, d.due_at`;
  return sql`with y as materialized (
      select ${y} from dossiers d where ${scopeSql(scope, 'd')} and d.ended_at is null and +d.received_at < ${end}
      union all
      select ${y} from dossiers d where ${scopeSql(scope, 'd')} and d.ended_at >= ${end} and +d.received_at < ${end}
    )
    select d.unit_code, d.field, d.channel, d.received_at, d.end_kind, d.resolution, cast(null as text) as ip
      from dossiers d where ${scopeSql(scope, 'd')} and d.ended_at >= ${from} and d.ended_at < ${end} and +d.received_at < ${end}
    union all
    select y.unit_code, y.field, y.channel, y.received_at, cast(null as text), cast(null as text), ${stateAtEnd(scope, end)}
      from y`;
}

/** One row per (unit, field) with the flat counters of the period. */
export async function aggregatePeriod(db: Db, scope: ReportScope, b: Bounds): Promise<AggregateRow[]> {
  const from = b.fromMs;
  const ended = (cond: RawBuilder<unknown>) => sql`sum(case when c.ip is null and ${cond} then 1 else 0 end)`;
  const query = sql<RawCounts>`select c.unit_code, c.field,
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
      min(c.received_at) as first_received_at
    from (${periodRows(scope, b)}) c
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
    firstReceivedAt: n(r.first_received_at),
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
  const rows = await withinScope(
    rdb.selectFrom('report_unit_fields').select(['unit_code', 'field', 'first_seen_at', 'first_seen_seq']),
    scope,
  )
    .where('min_received_at', '<', endMs)
    .where('province_code', '=', scope.provinceCode)
    .execute();
  const units = new Set(scope.unitCodes);
  return rows
    .filter((r) => units.has(r.unit_code))
    .map((r) => ({
      unitCode: r.unit_code,
      field: r.field,
      firstSeenAt: Number(r.first_seen_at),
      firstSeenSeq: Number(r.first_seen_seq),
    }));
}

/** Communes of a province that have imported dossiers (report_unit_fields), current or not. */
export async function registeredUnits(db: Db, provinceCode: string): Promise<string[]> {
  const rows = await withinScope(
    db
      .withTables<{ report_unit_fields: ReportUnitFieldTable }>()
      .selectFrom('report_unit_fields')
      .select('unit_code'),
    { kind: 'province', provinceCode },
  )
    .distinct()
    .execute();
  return rows.map((r) => r.unit_code);
}
