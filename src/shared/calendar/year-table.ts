/**
 * One compiled year: prefix sums of working days and the ordered list of working days, so "the N-th
 * working day after d" and "working days between" are array look-ups, never a day-by-day walk.
 */
import type { NormalizedSpec } from './spec.ts';
import { statutoryYear } from './statutory.ts';
import { MAX_YEAR, MIN_YEAR, daysFromCivil, isoWeekday, tryDayNumber } from './time.ts';

export interface YearTable {
  year: number;
  /** Day number of 1 January. */
  first: number;
  /** Number of days in the year. */
  length: number;
  /** Day number of the next 1 January (first + length). */
  end: number;
  /** rankBefore[i] = working days among the first i days of the year (length + 1 entries). */
  rankBefore: Uint16Array;
  /** Day numbers of the working days, in order. */
  working: Int32Array;
  /** Day number -> reason, for days the schedule or an override names. */
  reasons: Map<number, string>;
}

/** Day number of 1 January of MIN_YEAR ... MAX_YEAR + 1. */
const YEAR_FIRST: Int32Array = Int32Array.from({ length: MAX_YEAR - MIN_YEAR + 2 }, (_, i) =>
  daysFromCivil(MIN_YEAR + i, 1, 1),
);
const FIRST_DAY = YEAR_FIRST[0] ?? 0;
const END_DAY = YEAR_FIRST[YEAR_FIRST.length - 1] ?? 0;

/** Index (year - MIN_YEAR) of the year containing a day number, or -1 outside MIN_YEAR..MAX_YEAR. */
export function yearIndexOf(day: number): number {
  if (!(day >= FIRST_DAY && day < END_DAY)) return -1;
  let i = Math.floor((day - FIRST_DAY) / 365.2425);
  if ((YEAR_FIRST[i] ?? 0) > day) i -= 1;
  else if ((YEAR_FIRST[i + 1] ?? 0) <= day) i += 1;
  return i;
}

function applyEntries(
  entries: Iterable<[number, string]>,
  working: boolean,
  flags: Uint8Array,
  first: number,
  reasons: Map<number, string>,
): void {
  for (const [day, reason] of entries) {
    const i = day - first;
    if (i < 0 || i >= flags.length) continue;
    flags[i] = working ? 1 : 0;
    reasons.set(day, reason);
  }
}

function scheduleOf(
  spec: NormalizedSpec,
  year: number,
): { daysOff: Map<number, string>; workingDays: Map<number, string> } {
  const explicit = spec.years.get(year);
  if (explicit) return explicit;
  const computed = statutoryYear(year, {
    workingWeekdays: spec.workingWeekdays,
    nationalDayAdjacent: spec.nationalDayAdjacent,
  });
  const toMap = (entries: { date: string; reason: string }[]): Map<number, string> =>
    new Map(entries.map((e) => [tryDayNumber(e.date) ?? Number.NaN, e.reason]));
  return { daysOff: toMap(computed.daysOff), workingDays: toMap(computed.workingDays) };
}

/** Compiles one year: weekly pattern, then the year's schedule, then the province overrides. */
export function compileYear(spec: NormalizedSpec, year: number): YearTable {
  const index = year - MIN_YEAR;
  const first = YEAR_FIRST[index] ?? 0;
  const length = (YEAR_FIRST[index + 1] ?? 0) - first;
  const flags = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) flags[i] = spec.weekdayWorking[isoWeekday(first + i)] ? 1 : 0;
  const reasons = new Map<number, string>();
  const schedule = scheduleOf(spec, year);
  applyEntries(schedule.daysOff, false, flags, first, reasons);
  applyEntries(schedule.workingDays, true, flags, first, reasons);
  applyEntries(spec.extraDaysOff, false, flags, first, reasons);
  applyEntries(spec.extraWorkingDays, true, flags, first, reasons);
  const rankBefore = new Uint16Array(length + 1);
  const working: number[] = [];
  for (let i = 0; i < length; i += 1) {
    rankBefore[i + 1] = (rankBefore[i] ?? 0) + (flags[i] ?? 0);
    if (flags[i]) working.push(first + i);
  }
  return { year, first, length, end: first + length, rankBefore, working: Int32Array.from(working), reasons };
}
