/** Validation of a DeadlineLimit, written for the hot path (no allocation on valid input). */
import { CalendarError } from './errors.ts';
import { MINUTE_MS, tryClockMinutes } from './time.ts';
import type { DeadlineLimit, LimitUnit } from './types.ts';

export const LIMIT_UNITS: readonly LimitUnit[] = ['working_day', 'working_hour', 'calendar_day'];
export const DEFAULT_CUTOFF = '15:00';
const DEFAULT_CUTOFF_MS = 15 * 60 * MINUTE_MS;

const cutoffCache = new Map<string, number>();

/** The limit's value, checked to be a non-negative integer. */
export function limitValue(limit: DeadlineLimit): number {
  if (typeof limit !== 'object' || limit === null) {
    throw new CalendarError('INVALID_LIMIT', 'limit', 'must be an object { value, unit }');
  }
  const value = limit.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new CalendarError('INVALID_LIMIT', 'limit', 'must be a non-negative integer');
  }
  return value;
}

export function invalidUnit(): never {
  throw new CalendarError('INVALID_UNIT', 'limit.unit', `must be one of ${LIMIT_UNITS.join(', ')}`);
}

/** Milliseconds after local midnight of a cut-off 'HH:MM' (default 15:00). */
export function cutoffMillis(cutoff: string | undefined): number {
  if (cutoff === undefined) return DEFAULT_CUTOFF_MS;
  const cached = cutoffCache.get(cutoff);
  if (cached !== undefined) return cached;
  const minutes = tryClockMinutes(cutoff);
  if (minutes === undefined)
    throw new CalendarError('INVALID_CUTOFF', 'limit.cutoff', "must be a time 'HH:MM'");
  if (cutoffCache.size < 1000) cutoffCache.set(cutoff, minutes * MINUTE_MS);
  return minutes * MINUTE_MS;
}

/** Validates a whole limit (for callers that store limits, e.g. a procedure editor). */
export function assertValidLimit(limit: DeadlineLimit): void {
  limitValue(limit);
  if (!LIMIT_UNITS.includes(limit.unit)) invalidUnit();
  if (limit.cutoff !== undefined) cutoffMillis(limit.cutoff);
}
