/**
 * Pure helpers for the dossier lifecycle: supplement restart (D6), the single extension (D7), the effective
 * due at an instant and the early / on-time / late classification (DOMAIN.md section 4).
 */
import { CalendarError } from './errors.ts';
import { DEFAULT_UTC_OFFSET_MINUTES, assertInstant, dayNumberAt } from './time.ts';
import type { DeadlineLimit, WorkingCalendar } from './types.ts';

export type Resolution = 'early' | 'on_time' | 'late';

export interface DueChange {
  /** When the due was set (receipt, supplement completed, extension...). */
  at: number;
  /** The due set then. */
  due: number;
}

/** Extensions allowed per dossier (Decree 118/2025, Art. 19.6). */
export const MAX_EXTENSIONS = 1;

/** D6: the clock restarts from zero when the complete supplement arrives at T: full limit counted from T. */
export function dueAfterSupplement(
  cal: WorkingCalendar,
  completeSupplementAt: number,
  limit: DeadlineLimit,
): number {
  return cal.due(completeSupplementAt, limit);
}

/**
 * D7: an extension is allowed once, to an explicit due later than the current one (and than `at`).
 * Throws CalendarError EXTENSION_ALREADY_USED or EXTENSION_NOT_LATER.
 */
export function assertExtensionAllowed(
  previousExtensions: number,
  currentDue: number,
  newDue: number,
  at: number,
): void {
  if (!Number.isInteger(previousExtensions) || previousExtensions < 0) {
    throw new CalendarError('INVALID_LIMIT', 'previousExtensions', 'must be a non-negative integer');
  }
  assertInstant(currentDue, 'currentDue');
  assertInstant(newDue, 'newDue');
  assertInstant(at, 'at');
  if (previousExtensions >= MAX_EXTENSIONS) {
    throw new CalendarError(
      'EXTENSION_ALREADY_USED',
      'extension',
      'may be granted only once per dossier (Decree 118/2025/NĐ-CP, Art. 19.6)',
    );
  }
  if (!(newDue > currentDue)) {
    throw new CalendarError('EXTENSION_NOT_LATER', 'newDue', 'must be later than the current due');
  }
  if (!(newDue > at)) {
    throw new CalendarError('EXTENSION_NOT_LATER', 'newDue', 'must be later than the time of the extension');
  }
}

/**
 * Advisory check of Art. 19.6: the apology and extension letter is issued at least one working day before the
 * deadline, i.e. at least one working day of working time remains between `at` and `currentDue`.
 */
export function isExtensionNoticeTimely(cal: WorkingCalendar, at: number, currentDue: number): boolean {
  return cal.workingMillisBetween(at, currentDue) >= cal.workingDayMillis;
}

/** The latest due set at or before `instant` (ties: the later entry wins); undefined if none. */
export function effectiveDueAt(dueHistory: readonly DueChange[], instant: number): number | undefined {
  let best: DueChange | undefined;
  for (const change of dueHistory) {
    if (change.at <= instant && (best === undefined || change.at >= best.at)) best = change;
  }
  return best?.due;
}

/** Section 4: LATE if F > D; EARLY if F's local date is before D's; ON TIME otherwise. */
export function classifyResolution(
  resolvedAt: number,
  effectiveDue: number,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): Resolution {
  assertInstant(resolvedAt, 'resolvedAt');
  assertInstant(effectiveDue, 'effectiveDue');
  if (resolvedAt > effectiveDue) return 'late';
  return dayNumberAt(resolvedAt, utcOffsetMinutes) < dayNumberAt(effectiveDue, utcOffsetMinutes)
    ? 'early'
    : 'on_time';
}
