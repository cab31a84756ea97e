/**
 * Time arithmetic on epoch milliseconds with a fixed local offset. No Intl, no machine time zone.
 * A "day number" is the count of local days since 1970-01-01 (may be negative).
 */
import { CalendarError } from './errors.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const DEFAULT_UTC_OFFSET_MINUTES = 420;
/** Supported years of the working calendar. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month, day] of a day number. */
export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function isValidCivil(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const [y, m, d] = civilFromDays(daysFromCivil(year, month, day));
  return y === year && m === month && d === day;
}

/** Parses a 'YYYY-MM-DD' local date into a day number, or undefined when invalid. */
export function tryDayNumber(date: string): number | undefined {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

/** Parses a 'YYYY-MM-DD' local date into a day number; throws CalendarError INVALID_DATE. */
export function dayNumberOf(date: string, field = 'date'): number {
  const n = tryDayNumber(date);
  if (n === undefined) throw new CalendarError('INVALID_DATE', field, "must be a valid date 'YYYY-MM-DD'");
  return n;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function pad4(n: number): string {
  return n >= 0 && n < 10000 ? String(n).padStart(4, '0') : String(n);
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDayNumber(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day number. 1970-01-01 was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Local day number of an instant. */
export function dayNumberAt(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return Math.floor((ms + offsetMinutes * MINUTE_MS) / DAY_MS);
}

/** 'HH:MM' to minutes after midnight, or undefined when invalid (00:00-23:59). */
export function tryClockMinutes(clock: string): number | undefined {
  const m = typeof clock === 'string' ? CLOCK_RE.exec(clock) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The local date 'YYYY-MM-DD' of an instant. */
export function localDate(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  assertInstant(ms, 'instant');
  return dateOfDayNumber(dayNumberAt(ms, offsetMinutes));
}

/** Throws INVALID_INSTANT unless `ms` is a finite number of milliseconds. */
export function assertInstant(ms: number, field: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new CalendarError('INVALID_INSTANT', field, 'must be a finite number of epoch milliseconds');
  }
}

function parseOffsetMinutes(zone: string | undefined, defaultMinutes: number): number | undefined {
  if (zone === undefined) return defaultMinutes;
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/**
 * Parses an ISO 8601 instant: 'YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]'. Without an offset the time is
 * local (default UTC+7); a bare date is local midnight. Throws CalendarError INVALID_INSTANT.
 */
export function parseInstant(iso: string, defaultOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  const m = typeof iso === 'string' ? INSTANT_RE.exec(iso.trim()) : null;
  const fail = (): never => {
    throw new CalendarError(
      'INVALID_INSTANT',
      'instant',
      "must be an ISO 8601 date-time, e.g. '2026-02-13T16:00:00+07:00'",
    );
  };
  if (!m) return fail();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6);
  const offset = parseOffsetMinutes(m[8], defaultOffsetMinutes);
  if (!isValidCivil(year, month, day) || hour > 23 || minute > 59 || second > 59 || offset === undefined) {
    return fail();
  }
  const localMs =
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return localMs - offset * MINUTE_MS;
}

/** Formats an instant as local ISO 8601 with its offset, e.g. '2026-02-25T17:30:00+07:00'. */
export function formatInstant(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  assertInstant(ms, 'instant');
  const local = ms + offsetMinutes * MINUTE_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const inDay = local - dayNumber * DAY_MS;
  const h = Math.floor(inDay / HOUR_MS);
  const min = Math.floor((inDay % HOUR_MS) / MINUTE_MS);
  const s = Math.floor((inDay % MINUTE_MS) / 1000);
  const frac = Math.floor(inDay % 1000);
  const fracText = frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`;
  return `${dayText(dayNumber)}T${pad2(h)}:${pad2(min)}:${pad2(s)}${fracText}${zoneText(offsetMinutes)}`;
}

/**
 * The texts of days and offsets already written, so a page of dossiers (seven instants each, most on a few days)
 * does not convert the same day again: a cache of at most 4,096 days (emptied when full) and the offsets seen.
 */
const DAY_TEXTS = new Map<number, string>();
const ZONE_TEXTS = new Map<number, string>();

function dayText(dayNumber: number): string {
  let text = DAY_TEXTS.get(dayNumber);
  if (text === undefined) {
    if (DAY_TEXTS.size >= 4096) DAY_TEXTS.clear();
    text = dateOfDayNumber(dayNumber);
    DAY_TEXTS.set(dayNumber, text);
  }
  return text;
}

function zoneText(offsetMinutes: number): string {
  let text = ZONE_TEXTS.get(offsetMinutes);
  if (text === undefined) {
    const abs = Math.abs(offsetMinutes);
    text = `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    if (ZONE_TEXTS.size < 64) ZONE_TEXTS.set(offsetMinutes, text);
  }
  return text;
}
