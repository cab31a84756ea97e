/**
 * The benchmark's yardstick: one hand-written SQL aggregate over the same rows as the province's period report
 * (same rules; the natural single WHERE, no index ranges split), grouped by commune and field.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';

export interface BaselineTotals {
  groups: number;
  received: number;
  resolved: number;
  inProgress: number;
  overdue: number;
}

export async function baselineAggregate(
  db: Kysely<Database>,
  provinceCode: string,
  fromMs: number,
  endMs: number,
): Promise<BaselineTotals> {
  const { rows } = await sql<{
    unit_code: string;
    field: string;
    received: number;
    resolved: number;
    in_progress: number;
    overdue: number;
    awaiting: number;
  }>`
    select d.unit_code, d.field,
      count(*) as received,
      sum(case when d.ended_at < ${endMs} and d.end_kind = 'resolved' then 1 else 0 end) as resolved,
      sum(case when d.ended_at < ${endMs} and d.end_kind = 'resolved' and d.resolution = 'early' then 1 else 0 end) as early,
      sum(case when d.ended_at < ${endMs} and d.end_kind = 'resolved' and d.resolution = 'late' then 1 else 0 end) as late,
      sum(case when d.ended_at < ${endMs} and d.end_kind = 'returned' then 1 else 0 end) as returned,
      sum(case when d.ended_at < ${endMs} and d.end_kind = 'withdrawn' then 1 else 0 end) as withdrawn,
      sum(case when d.received_at >= ${fromMs} and d.channel = 'online' then 1 else 0 end) as online,
      sum(case when d.received_at < ${fromMs} then 1 else 0 end) as carried_over,
      sum(case when d.ended_at is null or d.ended_at >= ${endMs} then 1 else 0 end) as in_progress,
      sum(case when (d.ended_at is null or d.ended_at >= ${endMs}) and exists (select 1 from dossier_suspensions s
        where s.dossier_id = d.id and s.started_at <= ${endMs}
          and (s.ended_at is null or s.ended_at > ${endMs} or s.ended_at >= d.ended_at))
        then 1 else 0 end) as awaiting,
      sum(case when d.ended_at is null or d.ended_at >= ${endMs} then
        case when exists (select 1 from dossier_suspensions s where s.dossier_id = d.id and s.started_at <= ${endMs}
            and (s.ended_at is null or s.ended_at > ${endMs} or s.ended_at >= d.ended_at)) then 0
          when coalesce((select u.due_at from dossier_dues u where u.dossier_id = d.id and u.set_at <= ${endMs}
            order by u.set_at desc, u.due_at desc limit 1), d.due_at) < ${endMs} then 1 else 0 end
        else 0 end) as overdue
    from dossiers d
    where d.province_code = ${provinceCode} and d.received_at < ${endMs}
      and (d.ended_at is null or d.ended_at >= ${fromMs})
    group by d.unit_code, d.field`.execute(db);
  const sum = (k: 'received' | 'resolved' | 'in_progress' | 'overdue') =>
    rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    groups: rows.length,
    received: sum('received'),
    resolved: sum('resolved'),
    inProgress: sum('in_progress'),
    overdue: sum('overdue'),
  };
}

/**
 * The same figures, hand-written over the two index ranges the report reads (ended in the period; in progress at
 * E): the fastest single statement we know, to measure the report's own overhead (unit resolution, names, field
 * order, JSON shaping).
 */
export async function rangeAggregate(
  db: Kysely<Database>,
  provinceCode: string,
  fromMs: number,
  endMs: number,
): Promise<BaselineTotals> {
  const state = sql`case
      when exists (select 1 from dossier_suspensions s where s.dossier_id = d.id and s.started_at <= ${endMs}
        and (s.ended_at is null or s.ended_at > ${endMs} or s.ended_at >= d.ended_at)) then 'a'
      when coalesce((select u.due_at from dossier_dues u where u.dossier_id = d.id and u.set_at <= ${endMs}
        order by u.set_at desc, u.due_at desc limit 1), d.due_at) < ${endMs} then 'o' else 'w' end`;
  const units = sql`(select code from unit_versions where province_code = ${provinceCode} and valid_to is null)`;
  const { rows } = await sql<{ received: number; resolved: number; in_progress: number; overdue: number }>`
    select c.unit_code, c.field, count(*) as received,
      sum(case when c.ip is null and c.end_kind = 'resolved' then 1 else 0 end) as resolved,
      sum(case when c.ip is not null then 1 else 0 end) as in_progress,
      sum(case when c.ip = 'o' then 1 else 0 end) as overdue
    from (
      select d.unit_code, d.field, d.end_kind, null as ip from dossiers d
        where d.unit_code in ${units} and d.ended_at >= ${fromMs} and d.ended_at < ${endMs}
      union all
      select d.unit_code, d.field, null, ${state} from dossiers d
        where d.unit_code in ${units} and d.ended_at is null and +d.received_at < ${endMs}
      union all
      select d.unit_code, d.field, null, ${state} from dossiers d
        where d.unit_code in ${units} and d.ended_at >= ${endMs} and +d.received_at < ${endMs}
    ) c
    group by c.unit_code, c.field`.execute(db);
  const sum = (k: 'received' | 'resolved' | 'in_progress' | 'overdue') =>
    rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    groups: rows.length,
    received: sum('received'),
    resolved: sum('resolved'),
    inProgress: sum('in_progress'),
    overdue: sum('overdue'),
  };
}
