/** Report periods: local dates [from, to] inclusive; E = `to` + 1 day at 00:00 local time (UTC+7). */
import { parseInstant } from '../../shared/calendar/index.ts';
import { AppError, EARLIEST_INSTANT, LATEST_INSTANT, type FieldIssue } from './app-error.ts';

export const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export interface PeriodBounds {
  from: string;
  to: string;
  /** `from` 00:00 local. */
  fromMs: number;
  /** E: the instant after the period (`to` + 1 day, 00:00 local). */
  endMs: number;
}

function dateIssue(field: string, value: unknown): FieldIssue | number {
  if (typeof value !== 'string' || !DATE_RE.test(value))
    return { path: field, rule: 'invalid_date', message: '@period.notDate' };
  let at: number;
  try {
    at = parseInstant(value);
  } catch {
    return { path: field, rule: 'invalid_date', message: '@period.notRealDate' };
  }
  // The working calendar counts 1990-2100 only: a period outside is a 400 naming the field, not a CalendarError.
  if (at < EARLIEST_INSTANT || at >= LATEST_INSTANT)
    return { path: field, rule: 'calendar.OUT_OF_RANGE', message: '@calendar.OUT_OF_RANGE' };
  return at;
}

/** Validates the period; VALIDATION_FAILED names `from` and/or `to`. */
export function resolvePeriod(from: unknown, to: unknown): PeriodBounds {
  const a = dateIssue('from', from);
  const b = dateIssue('to', to);
  const issues = [a, b].filter((x): x is FieldIssue => typeof x !== 'number');
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
  const fromMs = a as number;
  const toMs = b as number;
  if (fromMs > toMs)
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'from',
          rule: 'after_to',
          message: '@period.fromAfterTo',
        },
      ],
    });
  return { from: from as string, to: to as string, fromMs, endMs: toMs + DAY_MS };
}
