/**
 * The province's working calendar in the browser, for "about N working days left" and the queue's amber badge: the
 * server's own engine (`createCalendar` of src/shared/calendar, served compiled by the server), fed with the years
 * the API publishes for the province (GET /api/calendar/:province/:year: offset, working weekdays and periods, and
 * every day that differs from the week's pattern, with the province's overrides already applied). Over the years
 * loaded it answers exactly what the server computes; the server stays the authority on due dates.
 */
import { createCalendar, localDate } from '../../shared/calendar/index.ts';
import { api } from './api.js';
import { num, t } from './i18n.js';

/**
 * @typedef {import('zod').infer<typeof import('../../server/calendar/calendar.schemas.ts').ZCalendarYear>} CalendarYear
 * @typedef {import('../../shared/calendar/index.ts').WorkingCalendar} WorkingCalendar
 * @typedef {import('../../shared/calendar/index.ts').CalendarSpec} CalendarSpec
 */

/** At most this many calendar years are loaded for one range (a due date is months away, not years). */
const MAX_YEARS = 3;

/** @type {Map<string, Promise<CalendarYear | null>>} */
const cache = new Map();

/**
 * One year of the province's calendar, asked once per page load.
 * @param {string} province
 * @param {number} year
 * @returns {Promise<CalendarYear | null>}
 */
export function calendarYear(province, year) {
  const key = `${province}/${year}`;
  let p = cache.get(key);
  if (!p) {
    p = api(`/api/calendar/${province}/${year}`).then(
      (c) => /** @type {CalendarYear} */ (c),
      () => {
        cache.delete(key);
        return null;
      },
    );
    cache.set(key, p);
  }
  return p;
}

/**
 * The calendar spec of the years given: their special days become each year's explicit schedule, so the engine
 * compiles exactly the days the server published.
 * @param {CalendarYear[]} years at least one
 * @returns {CalendarSpec}
 */
export function specOf(years) {
  const base = years[0];
  if (!base) throw new Error('specOf: no year');
  /** @param {CalendarYear['days']} days */
  const entries = (days) => days.map((d) => ({ date: d.date, reason: d.reason || '—' }));
  return {
    utcOffsetMinutes: base.utcOffsetMinutes,
    workingWeekdays: base.workingWeekdays,
    periods: base.periods,
    years: Object.fromEntries(
      years.map((y) => [
        String(y.year),
        {
          daysOff: entries(y.days.filter((d) => !d.working)),
          workingDays: entries(y.days.filter((d) => d.working)),
        },
      ]),
    ),
  };
}

/** @param {number} instant */
const yearOf = (instant) => Number(localDate(instant).slice(0, 4));

/**
 * The province's calendar over the years that [from, to] touches (at most three); null when the server cannot
 * give them (the screens then fall back to calendar days).
 * @param {string} province
 * @param {number} from
 * @param {number} to
 * @returns {Promise<WorkingCalendar | null>}
 */
export async function loadCalendar(province, from, to) {
  if (!province || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const first = yearOf(Math.min(from, to));
  const last = Math.min(yearOf(Math.max(from, to)), first + MAX_YEARS - 1);
  const years = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, i) => calendarYear(province, first + i)),
  );
  const loaded = years.filter((y) => y !== null);
  return loaded.length === years.length ? createCalendar(specOf(loaded)) : null;
}

/**
 * Roughly how much working time is left before `due` (or how late it is), in words: "còn khoảng 2 ngày làm việc",
 * "quá hạn khoảng 3 giờ làm việc". Days are rounded to the half day.
 * @param {WorkingCalendar} calendar
 * @param {number} now
 * @param {number} due
 */
export function workingTimeLeftText(calendar, now, due) {
  const late = due < now;
  const minutes = Math.abs(calendar.workingMillisBetween(now, due)) / 60_000;
  const days = minutes / (calendar.workingDayMillis / 60_000);
  const amount =
    days >= 1
      ? t('remaining.days', { n: num(Math.round(days * 2) / 2) })
      : minutes >= 60
        ? t('remaining.hours', { n: num(Math.round(minutes / 60)) })
        : t('remaining.lessThanHour');
  return late ? t('remaining.late', { amount }) : t('remaining.left', { amount });
}
