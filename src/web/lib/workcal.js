/**
 * A rough client-side working clock, for "about N working days left" and the queue's amber badge.
 * It reads the province's calendar (GET /api/calendar/:province/:year: working weekdays, periods and special
 * days) and sums the working minutes between two instants. The server stays the authority on due dates.
 */
import { api } from './api.js';
import { DAY_MS, localIsoDate, localMidnight, localParts } from './format.js';

/**
 * @typedef {{date: string, weekday: number, working: boolean, reason: string}} SpecialDay
 * @typedef {{province: string, year: number, workingWeekdays: number[], periods: {start: string, end: string}[],
 *   workingDays: number, days: SpecialDay[]}} CalendarYear
 */

/** @type {Map<string, Promise<CalendarYear | null>>} */
const cache = new Map();

/**
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

/** @param {string} hhmm */
const minutesOf = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A synchronous working clock over the years loaded.
 * @param {CalendarYear[]} years
 */
export function workingClock(years) {
  /** @type {Map<string, boolean>} */
  const special = new Map();
  for (const y of years) for (const d of y.days) special.set(d.date, d.working);
  const base = years[0];
  const weekdays = new Set(base?.workingWeekdays ?? [1, 2, 3, 4, 5]);
  const periods = (
    base?.periods ?? [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:30' },
    ]
  ).map((p) => ({ start: minutesOf(p.start) * 60_000, end: minutesOf(p.end) * 60_000 }));

  /** @param {string} isoDate */
  const isWorking = (isoDate) =>
    special.get(isoDate) ?? weekdays.has(localParts(localMidnight(isoDate)).weekday);

  /**
   * Working minutes in [a, b) (0 when b ≤ a). Capped at 400 days of walking.
   * @param {number} a
   * @param {number} b
   */
  function minutesBetween(a, b) {
    if (b <= a) return 0;
    let total = 0;
    let day = localMidnight(localIsoDate(a));
    for (let i = 0; i < 400 && day < b; i += 1, day += DAY_MS) {
      if (!isWorking(localIsoDate(day))) continue;
      for (const p of periods) {
        const s = Math.max(a, day + p.start);
        const e = Math.min(b, day + p.end);
        if (e > s) total += (e - s) / 60_000;
      }
    }
    return total;
  }
  return {
    minutesBetween,
    isWorking,
    minutesPerDay: periods.reduce((s, p) => s + (p.end - p.start) / 60_000, 0) || 480,
  };
}

/**
 * Loads the calendar years covering [from, to] and returns the clock.
 * @param {string} province
 * @param {number} from
 * @param {number} to
 */
export async function loadClock(province, from, to) {
  const y0 = localParts(Math.min(from, to)).year;
  const y1 = Math.min(localParts(Math.max(from, to)).year, y0 + 2);
  /** @type {CalendarYear[]} */
  const years = [];
  for (let y = y0; y <= y1; y += 1) {
    const c = await calendarYear(province, y);
    if (c) years.push(c);
  }
  return workingClock(years);
}
