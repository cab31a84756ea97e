import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../shared/calendar/index.ts';
import { parseLegacyInstant } from './fast-instant.ts';

const outcome = (f: () => number): number | 'error' => {
  try {
    return f();
  } catch {
    return 'error';
  }
};

describe('parseLegacyInstant', () => {
  it('agrees with the calendar parser on valid and invalid date-times', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 1, max: 2400 }).map((y) => String(y).padStart(4, '0')),
        two(13),
        two(32),
        two(25),
        two(61),
        two(61),
        fc.constantFrom('Z', '+07:00', '-05:30', '+14:00', '+24:00', '+07:60', ''),
      )
      .map(([y, mo, d, h, mi, s, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(outcome(() => parseLegacyInstant(t))).toEqual(outcome(() => parseInstant(t)));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles leap days and other shapes through the general parser', () => {
    expect(parseLegacyInstant('2024-02-29T23:59:59+07:00')).toBe(parseInstant('2024-02-29T23:59:59+07:00'));
    expect(() => parseLegacyInstant('2025-02-29T08:00:00+07:00')).toThrow();
    expect(parseLegacyInstant('2025-07-10T08:15:00.250+07:00')).toBe(
      parseInstant('2025-07-10T08:15:00.250+07:00'),
    );
    expect(parseLegacyInstant('2025-07-10')).toBe(parseInstant('2025-07-10'));
  });
});
