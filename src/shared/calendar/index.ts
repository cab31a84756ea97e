/** MộtCửa working calendar and deadline core: pure, no I/O. See docs/CALENDAR.md. */
export { CalendarError, type CalendarErrorCode } from './errors.ts';
export { createCalendar, WEEKLY_REST_REASON } from './engine.ts';
export { assertValidLimit, DEFAULT_CUTOFF, LIMIT_UNITS } from './limit.ts';
export {
  assertExtensionAllowed,
  classifyResolution,
  dueAfterSupplement,
  effectiveDueAt,
  isExtensionNoticeTimely,
  MAX_EXTENSIONS,
  type DueChange,
  type Resolution,
} from './lifecycle.ts';
export { hungKingsDayNumber, lunarNewYearDayNumber, lunarToDayNumber } from './lunar.ts';
export {
  defaultCalendarSpec,
  OFFICIAL_SCHEDULE_2025,
  OFFICIAL_SCHEDULE_2026,
  officialSchedules,
} from './official-schedules.ts';
export { normalizeSpec } from './spec.ts';
export {
  DEFAULT_WORKING_WEEKDAYS,
  HOLIDAY_REASONS,
  statutoryHolidayDays,
  statutoryYear,
  type StatutoryOptions,
} from './statutory.ts';
export {
  dateOfDayNumber,
  DEFAULT_UTC_OFFSET_MINUTES,
  formatInstant,
  localDate,
  MAX_YEAR,
  MIN_YEAR,
  parseInstant,
} from './time.ts';
export type {
  CalendarSpec,
  DayEntry,
  DayInfo,
  DeadlineLimit,
  LimitUnit,
  NationalDayAdjacent,
  SpecialDay,
  WorkingCalendar,
  WorkingPeriod,
  YearSchedule,
} from './types.ts';
