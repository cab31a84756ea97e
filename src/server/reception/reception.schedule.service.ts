/**
 * The commune's citizen reception schedule (docs/RECEPTION.md): read and saved by its officers (Law on Citizen
 * Reception 2013 Art. 15.2.d: the chairman at least one day a week), and published for this week and the next
 * (Art. 24.2). All SQL in reception.repository.ts; the route owns the transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { authorize, can } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import type { Scope } from '../platform/tenant.ts';
import {
  findExceptions,
  findSlots,
  nextScheduleVersion,
  replaceSchedule,
  scheduleVersion,
} from './reception.repository.ts';
import {
  chairmanWeekly,
  dateOfDay,
  dayNumberOfDate,
  mondayOf,
  weekSchedule,
  type ScheduleDay,
} from './reception.rules.ts';
import type { TScheduleRequest } from './reception.schemas.ts';
import { communeOf } from './reception.service.ts';

type Db = Kysely<Database>;

/** The commune's schedule as stored (slots, exceptions), for officers who see the commune. */
export async function getSchedule(db: Db, actor: Actor, unitCode: string, now: number) {
  const { tenant } = await communeOf(db, unitCode, actor, now);
  authorize(actor, 'tenant.read', tenant);
  const scope = scopeOf(actor);
  return {
    unitCode: tenant.unitCode,
    slots: await findSlots(db, tenant.unitCode, scope),
    exceptions: await findExceptions(db, tenant.unitCode, scope),
    version: await scheduleVersion(db, tenant.unitCode),
    mayEdit: can(actor, 'reception.schedule.edit', tenant),
  };
}

/**
 * Replaces the commune's schedule (the caller's transaction). Art. 15.2.d: the chairman receives at least one day
 * a week, so the weekly slots must include one hosted by the chairman (400 naming `slots`). Each save is a new
 * version (concurrent saves wait for one another), kept whole in the audit log.
 */
export async function saveSchedule(
  trx: Db,
  actor: Actor,
  unitCode: string,
  input: TScheduleRequest,
  now: number,
) {
  const { tenant } = await communeOf(trx, unitCode, actor, now);
  authorize(actor, 'reception.schedule.edit', tenant);
  if (!chairmanWeekly(input.slots))
    throw invalidField('slots', 'reception.chairmanWeekly', '@reception.chairmanWeekly');
  const slots = input.slots.map((s) => ({
    id: randomUUID(),
    weekday: s.weekday,
    from_time: s.fromTime,
    to_time: s.toTime,
    host_role: s.hostRole,
    host_name: s.hostName,
    host_title: s.hostTitle,
    place: s.place,
    updated_at: now,
  }));
  const exceptions = input.exceptions.map((e) => ({
    id: randomUUID(),
    date: e.date,
    kind: e.kind,
    from_time: e.fromTime ?? null,
    to_time: e.toTime ?? null,
    host_role: e.hostRole ?? null,
    host_name: e.hostName ?? null,
    host_title: e.hostTitle ?? null,
    place: e.place ?? null,
    note: e.note ?? null,
    updated_at: now,
  }));
  const version = await nextScheduleVersion(trx, tenant.unitCode, now);
  await replaceSchedule(trx, tenant, slots, exceptions);
  await appendAudit(
    trx,
    {
      actor,
      action: 'reception.schedule.set',
      targetType: 'unit',
      targetId: tenant.unitCode,
      ...tenant,
      // The officials' public schedule, kept whole: the audit log is its version history.
      details: { version, slots: input.slots, exceptions: input.exceptions },
    },
    now,
  );
  return getSchedule(trx, actor, tenant.unitCode, now);
}

/**
 * The published schedule: this week and the next (from the week of `week`, default today), each day's sessions
 * from the weekly slots and the dated exceptions, on the province's calendar (no session on a public holiday
 * unless an extra one is set). Public: the unit must exist; no personal data leaves.
 */
export async function publicSchedule(db: Db, unitCode: string, now: number, week?: string) {
  const { unit, tenant } = await communeOf(db, unitCode, null, now);
  // The public page of one commune, read for no signed-in caller: the scope is that commune.
  const scope: Scope = { kind: 'unit', ...tenant };
  const monday = mondayOf(week ?? todayInVietnam(now));
  const last = dateOfDay(dayNumberOfDate(monday) + 13);
  const slots = (await findSlots(db, tenant.unitCode, scope)).map((s) => ({
    weekday: s.weekday,
    fromTime: s.from_time,
    toTime: s.to_time,
    hostRole: s.host_role,
    hostName: s.host_name,
    hostTitle: s.host_title,
    place: s.place,
  }));
  const exceptions = (await findExceptions(db, tenant.unitCode, scope, { from: monday, to: last })).map(
    (e) => ({
      date: e.date,
      kind: e.kind as 'cancelled' | 'extra',
      fromTime: e.from_time ?? undefined,
      toTime: e.to_time ?? undefined,
      hostRole: e.host_role ?? undefined,
      hostName: e.host_name ?? undefined,
      hostTitle: e.host_title ?? undefined,
      place: e.place ?? undefined,
      note: e.note,
    }),
  );
  const calendar = await loadCalendar(db, tenant.provinceCode);
  const weeks: { monday: string; days: ScheduleDay[] }[] = [0, 7].map((offset) => {
    const start = dateOfDay(dayNumberOfDate(monday) + offset);
    return { monday: start, days: weekSchedule(start, slots, exceptions, (d) => calendar.isWorkingDay(d)) };
  });
  return { unit: { code: unit.code, name: unit.name }, weeks };
}
