/**
 * The working-calendar engine: rules D1-D5 of DOMAIN.md section 3 on lazily compiled year tables.
 * A due date costs a few array look-ups whatever the limit (no day-by-day walk).
 */
import { CalendarError } from './errors.ts';
import { cutoffMillis, invalidUnit, limitValue } from './limit.ts';
import { type NormalizedSpec, normalizeSpec } from './spec.ts';
import { MAX_YEAR, MIN_YEAR, assertInstant, dateOfDayNumber, dayNumberOf, isoWeekday } from './time.ts';
import type { CalendarSpec, DayInfo, DeadlineLimit, SpecialDay, WorkingCalendar } from './types.ts';
import { type YearTable, compileYear, yearIndexOf } from './year-table.ts';

// Hot-path copies: the module loaders used in development and tests (tsx, vite) turn imported bindings into
// getters, so the per-due path reads module-local constants instead.
const DAY = 86_400_000;
const HOUR = 3_600_000;
const YEARS = MAX_YEAR - MIN_YEAR + 1;
const DEFAULT_CUTOFF_MS = cutoffMillis(undefined);
const checkInstant = assertInstant;
const checkedLimitValue = limitValue;
const cutoffOf = cutoffMillis;
const yearIndex = yearIndexOf;

/** Reason given for an ordinary weekly rest day. */
export const WEEKLY_REST_REASON = 'Nghỉ hằng tuần';

const EMPTY_TABLE: YearTable = {
  year: 0,
  first: 0,
  length: 0,
  end: 0,
  rankBefore: new Uint16Array(1),
  working: new Int32Array(0),
  reasons: new Map(),
};

function outOfRange(): never {
  throw new CalendarError('OUT_OF_RANGE', 'date', `must be within the years ${MIN_YEAR}-${MAX_YEAR}`);
}

class CompiledCalendar implements WorkingCalendar {
  readonly spec: Readonly<CalendarSpec>;
  readonly utcOffsetMinutes: number;
  readonly workingDayMillis: number;
  private readonly ns: NormalizedSpec;
  private readonly offsetMs: number;
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly lastEnd: number;
  private readonly tables: (YearTable | undefined)[] = Array.from({ length: YEARS }, () => undefined);
  /** The table used last: most look-ups stay in one year (starts as an empty sentinel). */
  private recent: YearTable = EMPTY_TABLE;

  constructor(spec: CalendarSpec) {
    this.ns = normalizeSpec(spec);
    this.spec = Object.freeze(structuredClone(spec));
    this.utcOffsetMinutes = this.ns.offsetMinutes;
    this.offsetMs = this.ns.offsetMs;
    this.starts = Float64Array.from(this.ns.starts);
    this.ends = Float64Array.from(this.ns.ends);
    this.lastEnd = this.ends[this.ends.length - 1] ?? 0;
    let total = 0;
    for (let p = 0; p < this.starts.length; p += 1) total += (this.ends[p] ?? 0) - (this.starts[p] ?? 0);
    this.workingDayMillis = total;
  }

  // ---- year tables -------------------------------------------------------------------------------

  private tableAt(index: number): YearTable {
    const cached = this.tables[index];
    if (cached) return cached;
    if (!(index >= 0 && index < YEARS)) return outOfRange();
    const table = compileYear(this.ns, MIN_YEAR + index);
    this.tables[index] = table;
    return table;
  }

  private tableOfDay(day: number): YearTable {
    const recent = this.recent;
    if (day >= recent.first && day < recent.end) return recent;
    const index = yearIndex(day);
    const table = index < 0 ? outOfRange() : this.tableAt(index);
    this.recent = table;
    return table;
  }

  private isWorkingDayNumber(day: number): boolean {
    const t = this.tableOfDay(day);
    const i = day - t.first;
    return t.rankBefore[i + 1] !== t.rankBefore[i];
  }

  /** The n-th working day strictly after `day` (n >= 1). */
  private nthWorkingDayAfter(day: number, n: number): number {
    let t = this.tableOfDay(day);
    let rank = (t.rankBefore[day - t.first + 1] ?? 0) + n;
    while (rank > t.working.length) {
      rank -= t.working.length;
      t = this.tableAt(t.year + 1 - MIN_YEAR);
    }
    return t.working[rank - 1] ?? outOfRange();
  }

  private nextWorkingDayFrom(day: number): number {
    return this.isWorkingDayNumber(day) ? day : this.nthWorkingDayAfter(day, 1);
  }

  /** Working days in [from, to). */
  private workingDaysBetween(from: number, to: number): number {
    const a = this.tableOfDay(from);
    const b = this.tableOfDay(to);
    const rankA = a.rankBefore[from - a.first] ?? 0;
    const rankB = b.rankBefore[to - b.first] ?? 0;
    if (a === b) return rankB - rankA;
    let count = a.working.length - rankA + rankB;
    for (let y = a.year + 1; y < b.year; y += 1) count += this.tableAt(y - MIN_YEAR).working.length;
    return count;
  }

  // ---- within a day --------------------------------------------------------------------------------

  private dayOf(instant: number): number {
    return Math.floor((instant + this.offsetMs) / DAY);
  }

  private dayStart(day: number): number {
    return day * DAY - this.offsetMs;
  }

  private endOfDay(day: number): number {
    return day * DAY - this.offsetMs + this.lastEnd;
  }

  /** Working milliseconds of a working day elapsed at `msOfDay`. */
  private workedAt(msOfDay: number): number {
    let worked = 0;
    for (let p = 0; p < this.starts.length; p += 1) {
      const start = this.starts[p] ?? 0;
      const end = this.ends[p] ?? 0;
      if (msOfDay >= end) worked += end - start;
      else {
        if (msOfDay > start) worked += msOfDay - start;
        break;
      }
    }
    return worked;
  }

  /** The earliest time of day at which `worked` (0 < worked <= one working day) has elapsed. */
  private timeAtWorked(worked: number): number {
    let left = worked;
    for (let p = 0; p < this.starts.length; p += 1) {
      const start = this.starts[p] ?? 0;
      const length = (this.ends[p] ?? 0) - start;
      if (left <= length) return start + left;
      left -= length;
    }
    return this.lastEnd;
  }

  // ---- public API ----------------------------------------------------------------------------------

  clockStart(instant: number): number {
    checkInstant(instant, 'instant');
    return this.startOf(instant);
  }

  /** D1 without input checks. */
  private startOf(instant: number): number {
    const local = instant + this.offsetMs;
    const day = Math.floor(local / DAY);
    const t = this.tableOfDay(day);
    const i = day - t.first;
    if (t.rankBefore[i + 1] !== t.rankBefore[i]) {
      const msOfDay = local - day * DAY;
      const { starts, ends } = this;
      for (let p = 0; p < starts.length; p += 1) {
        const start = starts[p] ?? 0;
        if (msOfDay < (ends[p] ?? 0)) return msOfDay >= start ? instant : instant - msOfDay + start;
      }
    }
    return this.dayStart(this.nthWorkingDayAfter(day, 1)) + (this.starts[0] ?? 0);
  }

  due(receivedAt: number, limit: DeadlineLimit): number {
    checkInstant(receivedAt, 'receivedAt');
    const value = checkedLimitValue(limit);
    const cutoff = limit.cutoff === undefined ? DEFAULT_CUTOFF_MS : cutoffOf(limit.cutoff);
    switch (limit.unit) {
      case 'working_day':
        return this.dueWorkingDays(receivedAt, value, cutoff);
      case 'working_hour':
        return this.dueWorkingHours(receivedAt, value);
      case 'calendar_day':
        return this.dueCalendarDays(receivedAt, value);
      default:
        return invalidUnit();
    }
  }

  /** D2 (N >= 1) and D3 (N = 0, cut-off strictly before). */
  private dueWorkingDays(receivedAt: number, n: number, cutoff: number): number {
    const start = this.startOf(receivedAt);
    const day = this.dayOf(start);
    if (n > 0) return this.endOfDay(this.nthWorkingDayAfter(day, n));
    const beforeCutoff = start - this.dayStart(day) < cutoff;
    return this.endOfDay(beforeCutoff ? day : this.nthWorkingDayAfter(day, 1));
  }

  /** D4: hours counted inside working periods; a due on a period end stays there. */
  private dueWorkingHours(receivedAt: number, hours: number): number {
    const start = this.startOf(receivedAt);
    if (hours === 0) return start;
    const day = this.dayOf(start);
    const target = this.workedAt(start - this.dayStart(day)) + hours * HOUR;
    let days = Math.floor(target / this.workingDayMillis);
    let rest = target - days * this.workingDayMillis;
    if (rest === 0) {
      days -= 1;
      rest = this.workingDayMillis;
    }
    const dueDay = days === 0 ? day : this.nthWorkingDayAfter(day, days);
    return this.dayStart(dueDay) + this.timeAtWorked(rest);
  }

  /** D5: end of the N-th calendar day after the start day, or of the next working day. */
  private dueCalendarDays(receivedAt: number, n: number): number {
    const day = this.dayOf(this.startOf(receivedAt));
    return this.endOfDay(this.nextWorkingDayFrom(day + n));
  }

  addWorkingHours(start: number, hours: number): number {
    return this.due(start, { value: hours, unit: 'working_hour' });
  }

  workingMillisBetween(a: number, b: number): number {
    checkInstant(a, 'a');
    checkInstant(b, 'b');
    if (b < a) return -this.workingMillisBetween(b, a);
    const dayA = this.dayOf(a);
    const dayB = this.dayOf(b);
    const workedA = this.isWorkingDayNumber(dayA) ? this.workedAt(a - this.dayStart(dayA)) : 0;
    const workedB = this.isWorkingDayNumber(dayB) ? this.workedAt(b - this.dayStart(dayB)) : 0;
    return this.workingDaysBetween(dayA, dayB) * this.workingDayMillis + workedB - workedA;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  dayInfo(date: string): DayInfo {
    const day = dayNumberOf(date);
    const working = this.isWorkingDayNumber(day);
    const reason = this.tableOfDay(day).reasons.get(day) ?? (working ? undefined : WEEKLY_REST_REASON);
    return reason === undefined ? { working } : { working, reason };
  }

  listSpecialDays(year: number): SpecialDay[] {
    if (!Number.isInteger(year)) outOfRange();
    const t = this.tableAt(year - MIN_YEAR);
    const out: SpecialDay[] = [];
    for (let i = 0; i < t.length; i += 1) {
      const day = t.first + i;
      const weekday = isoWeekday(day);
      const working = t.rankBefore[i + 1] !== t.rankBefore[i];
      if (working === this.ns.weekdayWorking[weekday]) continue;
      out.push({ date: dateOfDayNumber(day), weekday, working, reason: t.reasons.get(day) ?? '' });
    }
    return out;
  }

  endOfWorkingDay(date: string): number | undefined {
    const day = dayNumberOf(date);
    return this.isWorkingDayNumber(day) ? this.endOfDay(day) : undefined;
  }
}

/** Compiles a calendar spec (validated; throws CalendarError INVALID_SPEC). Years compile lazily. */
export function createCalendar(spec: CalendarSpec): WorkingCalendar {
  return new CompiledCalendar(spec);
}
