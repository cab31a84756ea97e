/**
 * Public types of the working calendar. Everything here is plain data so a spec can be stored in the
 * database as JSON and edited by an administrator.
 */

/** A dated entry of a schedule: 'YYYY-MM-DD', a human reason (Vietnamese) and where the rule comes from. */
export interface DayEntry {
  date: string;
  reason: string;
  /** The legal text or notice that makes the day what it is (article, number and date). */
  source?: string;
}

/** The official schedule of one year: the days off and the (weekend) days worked instead. */
export interface YearSchedule {
  daysOff: DayEntry[];
  workingDays: DayEntry[];
  /** Where the data comes from (a decree, the government's yearly notice...). */
  source?: string;
}

/** Which neighbour of 2 September is the second day of the National Day holiday (Labour Code Art. 112.1.đ). */
export type NationalDayAdjacent = 'before' | 'after';

export interface WorkingPeriod {
  /** 'HH:MM' local time, inclusive. */
  start: string;
  /** 'HH:MM' local time, exclusive: an instant exactly at the end is outside the period. */
  end: string;
}

export interface CalendarSpec {
  /** Fixed offset of local time from UTC, in minutes (420 = UTC+7). No DST. */
  utcOffsetMinutes: number;
  /** ISO weekdays that are working days: 1 = Monday ... 7 = Sunday. */
  workingWeekdays: number[];
  /** Working periods of a working day, in order, not overlapping nor touching. */
  periods: WorkingPeriod[];
  /** Explicit official schedules by year ('2025', '2026'...). Other years are computed from the statute. */
  years: Record<string, YearSchedule>;
  /** Province overrides: extra days off. */
  extraDaysOff?: DayEntry[];
  /** Province overrides: extra working days (win over every other rule). */
  extraWorkingDays?: DayEntry[];
  /** Second day of the National Day holiday in computed years; default 'before' (1 September). */
  nationalDayAdjacent?: NationalDayAdjacent;
}

export type LimitUnit = 'working_day' | 'working_hour' | 'calendar_day';

export interface DeadlineLimit {
  /** A non-negative integer. */
  value: number;
  unit: LimitUnit;
  /** 'HH:MM', only for `working_day` 0 (same day); default '15:00'. */
  cutoff?: string;
}

export interface DayInfo {
  working: boolean;
  /** Why the day is what it is, when it is not an ordinary working day. */
  reason?: string;
}

export interface SpecialDay {
  date: string;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  working: boolean;
  reason: string;
}

export interface WorkingCalendar {
  readonly spec: Readonly<CalendarSpec>;
  readonly utcOffsetMinutes: number;
  /** Working milliseconds in one working day (8 h by default). */
  readonly workingDayMillis: number;
  isWorkingDay(date: string): boolean;
  dayInfo(date: string): DayInfo;
  /** Non-working weekdays and working weekend days of a year, in date order. */
  listSpecialDays(year: number): SpecialDay[];
  /** D1: the instant itself when inside a working period, else the start of the next working period. */
  clockStart(instant: number): number;
  /** D1-D5: the due instant of a limit counted from the receipt instant. */
  due(receivedAt: number, limit: DeadlineLimit): number;
  /** D4: `hours` working hours from `start` (0 hours = the clock start). */
  addWorkingHours(start: number, hours: number): number;
  /** Working time between two instants (negative when b < a). */
  workingMillisBetween(a: number, b: number): number;
  /** End of the last working period of a working day (undefined when the date is not a working day). */
  endOfWorkingDay(date: string): number | undefined;
}
