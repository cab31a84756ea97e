/**
 * Days off of a year computed from the statute (Labour Code 2019, Art. 111.3 and 112), for years without an
 * official government notice in the spec.
 */
import { CalendarError } from './errors.ts';
import { hungKingsDayNumber, lunarNewYearDayNumber } from './lunar.ts';
import { MAX_YEAR, MIN_YEAR, dateOfDayNumber, daysFromCivil, isoWeekday } from './time.ts';
import type { DayEntry, NationalDayAdjacent, YearSchedule } from './types.ts';

export const HOLIDAY_REASONS = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  cultureDay: 'Ngày Văn hóa Việt Nam',
} as const;

/**
 * The first year of 24 November, Vietnamese Culture Day, as a paid holiday (Resolution 28/2026/QH16 amending
 * Labour Code Art. 112, in force 1 July 2026; DOMAIN.md section 3).
 */
export const CULTURE_DAY_FIRST_YEAR = 2026;

export const MAKE_UP_PREFIX = 'Nghỉ bù';
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];

export interface StatutoryOptions {
  /** ISO weekdays that are working days (default Monday-Friday); holidays on other days are made up. */
  workingWeekdays?: readonly number[];
  /** The day adjacent to 2 September that is also off (default 'before' = 1 September). */
  nationalDayAdjacent?: NationalDayAdjacent;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', 'year', `must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
}

/** The statutory holidays of a year as day numbers with reasons, in date order, without make-up days. */
export function statutoryHolidayDays(
  year: number,
  nationalDayAdjacent: NationalDayAdjacent = 'before',
): { day: number; reason: string }[] {
  assertYear(year);
  const tet = lunarNewYearDayNumber(year);
  const nationalDay = daysFromCivil(year, 9, 2);
  const days = [
    { day: daysFromCivil(year, 1, 1), reason: HOLIDAY_REASONS.newYear },
    // Lunar New Year's Eve (last day of the 12th lunar month, 29th or 30th) and lunar days 1-4.
    ...[-1, 0, 1, 2, 3].map((k) => ({ day: tet + k, reason: HOLIDAY_REASONS.tet })),
    { day: hungKingsDayNumber(year), reason: HOLIDAY_REASONS.hungKings },
    { day: daysFromCivil(year, 4, 30), reason: HOLIDAY_REASONS.victory },
    { day: daysFromCivil(year, 5, 1), reason: HOLIDAY_REASONS.labour },
    { day: nationalDay + (nationalDayAdjacent === 'after' ? 1 : -1), reason: HOLIDAY_REASONS.nationalDay },
    { day: nationalDay, reason: HOLIDAY_REASONS.nationalDay },
    ...(year >= CULTURE_DAY_FIRST_YEAR
      ? [{ day: daysFromCivil(year, 11, 24), reason: HOLIDAY_REASONS.cultureDay }]
      : []),
  ];
  days.sort((a, b) => a.day - b.day);
  // Two holidays on one date (does not happen 1990-2100) are kept as one day with both reasons.
  const merged: { day: number; reason: string }[] = [];
  for (const d of days) {
    const last = merged[merged.length - 1];
    if (last && last.day === d.day) last.reason = `${last.reason}; ${d.reason}`;
    else merged.push({ ...d });
  }
  return merged;
}

/**
 * The schedule a year gets from the statute: every holiday, and for each holiday on a non-working weekday a
 * make-up day off on the next working weekday that is neither a holiday nor already a make-up day
 * (Labour Code Art. 111.3).
 */
export function statutoryYear(year: number, options: StatutoryOptions = {}): YearSchedule {
  const weekdays = new Set(options.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  const holidays = statutoryHolidayDays(year, options.nationalDayAdjacent ?? 'before');
  const taken = new Set(holidays.map((h) => h.day));
  const daysOff: { day: number; reason: string }[] = [...holidays];
  if (weekdays.size > 0) {
    for (const h of holidays) {
      if (weekdays.has(isoWeekday(h.day))) continue;
      let d = h.day + 1;
      while (taken.has(d) || !weekdays.has(isoWeekday(d))) d += 1;
      taken.add(d);
      daysOff.push({ day: d, reason: `${MAKE_UP_PREFIX} ${h.reason}` });
    }
  }
  daysOff.sort((a, b) => a.day - b.day);
  const entries: DayEntry[] = daysOff.map((d) => ({ date: dateOfDayNumber(d.day), reason: d.reason }));
  return {
    daysOff: entries,
    workingDays: [],
    source:
      'Tính theo Bộ luật Lao động 2019, Điều 111.3 và 112 (âm lịch Việt Nam, UTC+7)' +
      (year >= CULTURE_DAY_FIRST_YEAR ? '; 24/11 theo Nghị quyết 28/2026/QH16' : ''),
  };
}
