import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './errors.ts';
import {
  civilFromDays,
  dateOfDayNumber,
  daysFromCivil,
  formatInstant,
  isoWeekday,
  localDate,
  parseInstant,
  tryDayNumber,
} from './time.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-02-13T16:00:00+07:00', Date.UTC(2026, 1, 13, 9)],
    ['2026-02-13T09:00:00Z', Date.UTC(2026, 1, 13, 9)],
    ['2026-02-13T09:00:00.250z', Date.UTC(2026, 1, 13, 9, 0, 0, 250)],
    ['2026-02-13T16:00', Date.UTC(2026, 1, 13, 9)],
    ['2026-02-13 16:00:00', Date.UTC(2026, 1, 13, 9)],
    ['2026-02-13', Date.UTC(2026, 1, 12, 17)],
    ['2026-02-13T16:00:00+0700', Date.UTC(2026, 1, 13, 9)],
    ['2026-02-13T04:00:00-05:00', Date.UTC(2026, 1, 13, 9)],
    ['2024-02-29T00:00:00+07:00', Date.UTC(2024, 1, 28, 17)],
  ])('%s', (iso, expected) => {
    expect(parseInstant(iso)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2026-02-30T10:00:00+07:00',
    '2025-02-29',
    '2026-13-01',
    '2026-02-13T24:00:00Z',
    '2026-02-13T10:60:00Z',
    '2026-02-13T10:00:00+25:00',
    '2026-2-13T10:00:00Z',
  ])('rejects %j', (iso) => {
    expect(() => parseInstant(iso)).toThrow(CalendarError);
    try {
      parseInstant(iso);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_INSTANT', field: 'instant' });
    }
  });

  it('reads a string without offset in the given local offset', () => {
    expect(parseInstant('2026-02-13T16:00:00', 0)).toBe(Date.UTC(2026, 1, 13, 16));
  });
});

describe('formatInstant and localDate', () => {
  it('formats in UTC+7 by default', () => {
    expect(formatInstant(Date.UTC(2026, 1, 25, 10, 30))).toBe('2026-02-25T17:30:00+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 25, 17, 30))).toBe('2026-02-26T00:30:00+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 25, 10, 30, 5, 7))).toBe('2026-02-25T17:30:05.007+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 25, 10, 30), 0)).toBe('2026-02-25T10:30:00+00:00');
    expect(formatInstant(Date.UTC(2026, 1, 25, 10, 30), -150)).toBe('2026-02-25T08:00:00-02:30');
  });

  it('gives the local date', () => {
    expect(localDate(Date.UTC(2026, 1, 25, 16, 59))).toBe('2026-02-25');
    expect(localDate(Date.UTC(2026, 1, 25, 17, 0))).toBe('2026-02-26');
    expect(localDate(Date.UTC(2026, 1, 25, 17, 0), 0)).toBe('2026-02-25');
  });

  it('rejects a non-finite instant', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(CalendarError);
    expect(() => localDate(Number.POSITIVE_INFINITY)).toThrow(CalendarError);
  });

  it('round-trips format -> parse for any instant 1990-2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) }),
        fc.integer({ min: -720, max: 840 }),
        (ms, offset) => parseInstant(formatInstant(ms, offset)) === ms,
      ),
    );
  });
});

describe('day numbers', () => {
  it('agree with Date.UTC and the ISO weekday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const [y, m, d] = civilFromDays(n);
        const iso = new Date(n * 86_400_000).toISOString();
        const jsWeekday = new Date(n * 86_400_000).getUTCDay();
        return (
          daysFromCivil(y, m, d) === n &&
          Date.UTC(y, m - 1, d) === n * 86_400_000 &&
          (y < 0 || y > 9999 || iso.startsWith(dateOfDayNumber(n))) &&
          isoWeekday(n) === (jsWeekday === 0 ? 7 : jsWeekday)
        );
      }),
    );
  });

  it('parses only valid YYYY-MM-DD dates', () => {
    expect(tryDayNumber('1970-01-01')).toBe(0);
    expect(tryDayNumber('2026-02-29')).toBeUndefined();
    expect(tryDayNumber('2026-2-1')).toBeUndefined();
    expect(tryDayNumber('2026-02-01T00:00')).toBeUndefined();
  });
});
