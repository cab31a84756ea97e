/**
 * The rules of citizen reception, pure (no I/O): the commune chairman's weekly day (Law on Citizen Reception 2013
 * Art. 15.2.d), the reply deadline (Art. 28, 10 working days on the province's calendar), whether a reply is
 * overdue, and the schedule of a given week (weekly slots with their dated exceptions). docs/RECEPTION.md.
 */
import type { WorkingCalendar } from '../../shared/calendar/index.ts';

export const RECEPTION_KINDS = ['complaint', 'denunciation', 'feedback', 'other'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];

/** guided (hướng dẫn), received as a petition (tiếp nhận đơn), forwarded to the competent agency (chuyển đơn). */
export const RECEPTION_HANDLINGS = ['guided', 'petition', 'forwarded'] as const;
export type ReceptionHandling = (typeof RECEPTION_HANDLINGS)[number];

/** Who receives in a slot: the chairman himself (Art. 15.2.d), a vice-chairman, or an officer on duty. */
export const HOST_ROLES = ['chairman', 'vice_chairman', 'officer'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

export const EXCEPTION_KINDS = ['cancelled', 'extra'] as const;

/**
 * A delegation (đoàn đông người): five people or more (Law on Citizen Reception 2013 Art. 29: five to ten people send
 * one or two representatives; Circular 07/2014/TT-TTCP Art. 6.4.b counts "05 người trở lên").
 */
export const DELEGATION_SIZE = 5;

/** Art. 28: the reply or notice is due 10 working days after the reception. */
export const REPLY_LIMIT = { value: 10, unit: 'working_day' } as const;

/** Whether a reception awaits a reply (Art. 28): a complaint, denunciation or feedback received or forwarded. */
export const awaitsReply = (kind: ReceptionKind, handling: ReceptionHandling): boolean =>
  kind !== 'other' && handling !== 'guided';

/** The reply deadline of a reception received at `receivedAt`, or null when none is due. */
export function replyBy(
  calendar: WorkingCalendar,
  kind: ReceptionKind,
  handling: ReceptionHandling,
  receivedAt: number,
): number | null {
  return awaitsReply(kind, handling) ? calendar.due(receivedAt, REPLY_LIMIT) : null;
}

/** Overdue: a reply was due, is not recorded, and its deadline has passed. */
export const replyOverdue = (
  r: { reply_by: number | null; replied_at: number | null },
  now: number,
): boolean => r.reply_by !== null && r.replied_at === null && now > r.reply_by;

export const isDelegation = (peopleCount: number): boolean => peopleCount >= DELEGATION_SIZE;

export interface SlotLike {
  weekday: number;
  hostRole: string;
}

/** Art. 15.2.d: the chairman receives at least one day a week: the slots must name one weekday he hosts. */
export const chairmanWeekly = (slots: readonly SlotLike[]): boolean =>
  slots.some((s) => s.hostRole === 'chairman');

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayNumberOfDate = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday (1 Monday … 7 Sunday) of a day number (day 0, 1970-01-01, was a Thursday). */
export const weekdayOfDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export interface ScheduledSlot {
  weekday: number;
  fromTime: string;
  toTime: string;
  hostRole: string;
  hostName: string;
  hostTitle: string;
  place: string;
}

export interface ScheduleException extends Partial<Omit<ScheduledSlot, 'weekday'>> {
  date: string;
  kind: 'cancelled' | 'extra';
  note?: string | null;
}

export interface ScheduleDay {
  date: string;
  weekday: number;
  sessions: (Omit<ScheduledSlot, 'weekday'> & { extra: boolean })[];
  /** The weekly sessions of that day that were cancelled, and why. */
  cancelled: { fromTime: string; toTime: string; note: string | null }[];
  /** A public holiday (no reception unless an extra session says otherwise). */
  holiday: boolean;
}

/**
 * The schedule of the seven days from `monday`: each day's weekly slots, less those a `cancelled` exception of
 * that day removes (a cancellation without times removes the whole day) or a public holiday removes, plus its
 * `extra` sessions.
 */
export function weekSchedule(
  monday: string,
  slots: readonly ScheduledSlot[],
  exceptions: readonly ScheduleException[],
  isWorkingDay: (date: string) => boolean,
): ScheduleDay[] {
  const first = dayNumberOfDate(monday);
  return Array.from({ length: 7 }, (_, i) => {
    const date = dateOfDay(first + i);
    const weekday = weekdayOfDay(first + i);
    const own = exceptions.filter((e) => e.date === date);
    const holiday = weekday <= 5 && !isWorkingDay(date);
    const cancels = own.filter((e) => e.kind === 'cancelled');
    const cancelledSlot = (s: ScheduledSlot) => cancels.find((c) => !c.fromTime || c.fromTime === s.fromTime);
    const weekly = slots.filter((s) => s.weekday === weekday);
    const sessions = [
      ...weekly
        .filter((s) => !holiday && !cancelledSlot(s))
        .map(({ weekday: _w, ...s }) => ({ ...s, extra: false })),
      ...own
        .filter((e) => e.kind === 'extra')
        .map((e) => ({
          fromTime: e.fromTime ?? '',
          toTime: e.toTime ?? '',
          hostRole: e.hostRole ?? 'officer',
          hostName: e.hostName ?? '',
          hostTitle: e.hostTitle ?? '',
          place: e.place ?? '',
          extra: true,
        })),
    ].sort((a, b) => a.fromTime.localeCompare(b.fromTime));
    const cancelled = weekly
      .filter((s) => !holiday && cancelledSlot(s))
      .map((s) => ({ fromTime: s.fromTime, toTime: s.toTime, note: cancelledSlot(s)?.note ?? null }));
    return { date, weekday, sessions, cancelled, holiday };
  });
}

/** The Monday of the week of a date. */
export const mondayOf = (date: string): string => {
  const day = dayNumberOfDate(date);
  return dateOfDay(day - (weekdayOfDay(day) - 1));
};
