import { CalendarError, MAX_YEAR, MIN_YEAR, parseInstant } from '../../shared/calendar/index.ts';

/** Stable error codes and the HTTP status each maps to: the one table of the error model. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  RULE_VIOLATION: 409,
  EXTENSION_ALREADY_USED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  FILE_MISSING: 410,
  PAYLOAD_TOO_LARGE: 413,
  ARCHIVE_TOO_LARGE: 413,
  WORK_LIMIT_EXCEEDED: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The signer (certificate, token, remote service) failed: nothing was written. */
  SIGNING_FAILED: 502,
  STORAGE_FULL: 503,
  SERVER_BUSY: 503,
  SIGNER_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `applicant.idNumber`. */
  path: string;
  /** Machine-readable rule, e.g. `too_small`, `invalid_format`, `cccd.birth_year_mismatch`. */
  rule: string;
  /** Localised text (filled in by the error handler). */
  message: string;
}

export interface AppErrorOptions {
  /** Placeholders for the localised message. */
  params?: Record<string, unknown>;
  /** Structured details returned to the client as-is (besides `issues`). */
  details?: Record<string, unknown>;
  /** Field issues; their messages are keys ('@rule.x') or literal text. */
  issues?: FieldIssue[];
  headers?: Record<string, string>;
  cause?: unknown;
}

/** A known, expected failure with a stable code. Anything else is INTERNAL and never leaks. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly details: Record<string, unknown>;
  readonly issues: FieldIssue[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.params = options.params ?? {};
    this.details = options.details ?? {};
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (resource: string, id?: string): AppError =>
  new AppError('NOT_FOUND', {
    params: { resource: id ? `${resource} ${id}` : resource },
    details: { resource, id },
  });

export const invalidField = (path: string, rule: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, rule, message }] });

/** 400 naming `path` when a value an action needs is missing (empty strings and empty lists count as missing). */
export function requireField(value: unknown, path: string): void {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    throw invalidField(path, 'rule.required', '@rule.required');
}

/** 409 for a broken rule, named by its message key (the error handler says it in words). */
export const ruleViolation = (rule: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('RULE_VIOLATION', { params: { rule }, details: { rule, ...details } });

/** The calendar's first and last instants (1990-01-01 00:00 and 2101-01-01 00:00 in Vietnam, UTC+7). */
export const EARLIEST_INSTANT = Date.UTC(MIN_YEAR, 0, 1) - 7 * 3_600_000;
export const LATEST_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1) - 7 * 3_600_000;

/**
 * An ISO 8601 instant from a request field within the calendar's years (1990-2100), or 400 naming the field: a
 * date the working calendar cannot count from never reaches it (it would fail there as a CalendarError).
 */
export function instantField(value: string, path: string): number {
  let at: number;
  try {
    at = parseInstant(value);
  } catch {
    throw invalidField(path, 'instant', '@calendar.INVALID_INSTANT');
  }
  if (at < EARLIEST_INSTANT || at >= LATEST_INSTANT)
    throw invalidField(path, 'calendar.OUT_OF_RANGE', '@calendar.OUT_OF_RANGE');
  return at;
}

/** 503 when the disk (or the user's quota) is full: nothing was stored, try again once space is freed. */
export const storageFull = (cause: unknown): AppError =>
  new AppError('STORAGE_FULL', { cause, headers: { 'retry-after': '300' } });

/** Whether an error says the disk or quota is full (Node's fs, SQLite, PostgreSQL). */
export function isStorageFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === '53100';
}

/**
 * A CalendarError of the calendar core (bad limit, unit, date...) as a 400 naming the field: the one mapping,
 * applied by the error handler to anything a route lets through, and by the CLI.
 */
export function calendarErrorToAppError(e: CalendarError): AppError {
  return new AppError('VALIDATION_FAILED', {
    issues: [{ path: e.field, rule: e.code, message: `@calendar.${e.code}` }],
    details: { rule: e.rule },
  });
}

/**
 * Runs a calendar computation on a value of the request (a limit, a date); a CalendarError it throws (e.g. a due
 * past 2100) is a 400 naming the request's field `path`, not the calendar core's own name for its input.
 */
export function calendarAt<T>(path: string, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof CalendarError) throw calendarErrorToAppError(new CalendarError(e.code, path, e.rule));
    throw e;
  }
}
