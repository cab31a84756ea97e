/**
 * Validation of a CalendarSpec (data an administrator edits) into the normalised form the engine compiles.
 * Every problem is a CalendarError INVALID_SPEC naming the field, e.g. 'years.2026.daysOff[2].date'.
 */
import { CalendarError } from './errors.ts';
import { MAX_YEAR, MIN_YEAR, MINUTE_MS, civilFromDays, tryClockMinutes, tryDayNumber } from './time.ts';
import type { CalendarSpec, DayEntry, NationalDayAdjacent, YearSchedule } from './types.ts';

/** Day number -> reason. */
export type DayReasons = Map<number, string>;

export interface NormalizedSpec {
  offsetMinutes: number;
  offsetMs: number;
  /** Index 1..7 (ISO weekday); index 0 unused. */
  weekdayWorking: boolean[];
  workingWeekdays: number[];
  /** Period bounds in milliseconds after local midnight. */
  starts: number[];
  ends: number[];
  years: Map<number, { daysOff: DayReasons; workingDays: DayReasons }>;
  extraDaysOff: DayReasons;
  extraWorkingDays: DayReasons;
  nationalDayAdjacent: NationalDayAdjacent;
}

function invalid(field: string, rule: string): never {
  throw new CalendarError('INVALID_SPEC', field, rule);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normalizeEntries(value: unknown, field: string, year?: number): DayReasons {
  if (value === undefined) return new Map();
  if (!Array.isArray(value)) return invalid(field, 'must be an array of { date, reason }');
  const out: DayReasons = new Map();
  value.forEach((raw: unknown, i) => {
    const f = `${field}[${i}]`;
    if (!isRecord(raw)) invalid(f, 'must be an object { date, reason }');
    const entry = raw as Partial<DayEntry>;
    const day = typeof entry.date === 'string' ? tryDayNumber(entry.date) : undefined;
    if (day === undefined) invalid(`${f}.date`, "must be a valid date 'YYYY-MM-DD'");
    const entryYear = civilFromDays(day)[0];
    if (year !== undefined && entryYear !== year) invalid(`${f}.date`, `must be in ${year}`);
    if (entryYear < MIN_YEAR || entryYear > MAX_YEAR)
      invalid(`${f}.date`, `must be from ${MIN_YEAR} to ${MAX_YEAR}`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '')
      invalid(`${f}.reason`, 'must be a non-empty string');
    if (out.has(day)) invalid(`${f}.date`, 'must not repeat a date of the same list');
    out.set(day, entry.reason);
  });
  return out;
}

function assertDisjoint(a: DayReasons, b: DayReasons, field: string): void {
  for (const day of a.keys()) {
    if (b.has(day)) invalid(field, 'must not list a date both as a day off and as a working day');
  }
}

function normalizeYear(key: string, raw: unknown): { daysOff: DayReasons; workingDays: DayReasons } {
  const field = `years.${key}`;
  const year = Number(key);
  if (!/^\d{4}$/.test(key) || year < MIN_YEAR || year > MAX_YEAR) {
    invalid(field, `must be keyed by a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  if (!isRecord(raw)) invalid(field, 'must be an object { daysOff, workingDays }');
  const schedule = raw as Partial<YearSchedule>;
  const daysOff = normalizeEntries(schedule.daysOff ?? [], `${field}.daysOff`, year);
  const workingDays = normalizeEntries(schedule.workingDays ?? [], `${field}.workingDays`, year);
  assertDisjoint(daysOff, workingDays, field);
  return { daysOff, workingDays };
}

function normalizePeriods(value: unknown): { starts: number[]; ends: number[] } {
  if (!Array.isArray(value) || value.length === 0)
    invalid('periods', 'must be a non-empty array of { start, end }');
  const starts: number[] = [];
  const ends: number[] = [];
  value.forEach((raw: unknown, i) => {
    const p = isRecord(raw) ? raw : {};
    const start = typeof p.start === 'string' ? tryClockMinutes(p.start) : undefined;
    const end = typeof p.end === 'string' ? tryClockMinutes(p.end) : undefined;
    if (start === undefined) invalid(`periods[${i}].start`, "must be a time 'HH:MM'");
    if (end === undefined) invalid(`periods[${i}].end`, "must be a time 'HH:MM'");
    if (end <= start) invalid(`periods[${i}].end`, 'must be after the start');
    const previousEnd = ends[ends.length - 1];
    if (previousEnd !== undefined && start * MINUTE_MS <= previousEnd) {
      invalid(`periods[${i}].start`, 'must be after the end of the previous period (periods may not touch)');
    }
    starts.push(start * MINUTE_MS);
    ends.push(end * MINUTE_MS);
  });
  return { starts, ends };
}

function normalizeWeekdays(value: unknown): number[] {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
    new Set(value).size === value.length;
  if (!ok) invalid('workingWeekdays', 'must be a non-empty list of distinct ISO weekdays 1-7');
  return [...(value as number[])].sort((a, b) => a - b);
}

/** Validates a spec and returns its normalised form; throws CalendarError INVALID_SPEC. */
export function normalizeSpec(spec: CalendarSpec): NormalizedSpec {
  if (!isRecord(spec)) invalid('spec', 'must be an object');
  const offset = spec.utcOffsetMinutes;
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    invalid('utcOffsetMinutes', 'must be an integer from -720 to 840');
  }
  const workingWeekdays = normalizeWeekdays(spec.workingWeekdays);
  const weekdayWorking = Array.from({ length: 8 }, (_, d) => workingWeekdays.includes(d));
  const { starts, ends } = normalizePeriods(spec.periods);
  if (!isRecord(spec.years)) invalid('years', 'must be an object keyed by year');
  const years = new Map<number, { daysOff: DayReasons; workingDays: DayReasons }>();
  for (const [key, raw] of Object.entries(spec.years)) years.set(Number(key), normalizeYear(key, raw));
  const extraDaysOff = normalizeEntries(spec.extraDaysOff, 'extraDaysOff');
  const extraWorkingDays = normalizeEntries(spec.extraWorkingDays, 'extraWorkingDays');
  assertDisjoint(extraDaysOff, extraWorkingDays, 'extraWorkingDays');
  const adjacent = spec.nationalDayAdjacent ?? 'before';
  if (adjacent !== 'before' && adjacent !== 'after')
    invalid('nationalDayAdjacent', "must be 'before' or 'after'");
  return {
    offsetMinutes: offset,
    offsetMs: offset * MINUTE_MS,
    weekdayWorking,
    workingWeekdays,
    starts,
    ends,
    years,
    extraDaysOff,
    extraWorkingDays,
    nationalDayAdjacent: adjacent,
  };
}
