/** D6, D7 and the resolution classification of DOMAIN.md section 4. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from './engine.ts';
import { CalendarError } from './errors.ts';
import {
  assertExtensionAllowed,
  classifyResolution,
  dueAfterSupplement,
  effectiveDueAt,
  isExtensionNoticeTimely,
} from './lifecycle.ts';
import { defaultCalendarSpec } from './official-schedules.ts';
import { formatInstant, parseInstant } from './time.ts';

const cal = createCalendar(defaultCalendarSpec());
const at = (local: string): number => parseInstant(`${local}+07:00`);

describe('D6: supplement restarts the clock with the full limit', () => {
  it('counts the full limit from the complete supplement', () => {
    const t = at('2026-03-04T16:00');
    expect(formatInstant(dueAfterSupplement(cal, t, { value: 3, unit: 'working_day' }))).toBe(
      '2026-03-09T17:30:00+07:00',
    );
    expect(
      formatInstant(dueAfterSupplement(cal, at('2026-03-04T18:00'), { value: 8, unit: 'working_hour' })),
    ).toBe('2026-03-05T17:30:00+07:00');
  });
});

describe('D7: one extension, to a later due', () => {
  const due = at('2026-03-10T17:30');
  it('allows the first extension to a later due', () => {
    expect(() =>
      assertExtensionAllowed(0, due, at('2026-03-13T17:30'), at('2026-03-09T09:00')),
    ).not.toThrow();
  });

  it('refuses a second extension with a clear error', () => {
    try {
      assertExtensionAllowed(1, due, at('2026-03-20T17:30'), at('2026-03-09T09:00'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      expect(e).toMatchObject({ code: 'EXTENSION_ALREADY_USED', field: 'extension' });
      expect((e as Error).message).toMatch(/only once/);
    }
  });

  it.each([
    ['the same due', at('2026-03-10T17:30')],
    ['an earlier due', at('2026-03-09T17:30')],
  ])('refuses %s', (_name, newDue) => {
    expect(() => assertExtensionAllowed(0, due, newDue, at('2026-03-09T09:00'))).toThrow(
      expect.objectContaining({ code: 'EXTENSION_NOT_LATER', field: 'newDue' }),
    );
  });

  it('refuses a new due in the past of the extension', () => {
    expect(() => assertExtensionAllowed(0, due, at('2026-03-11T08:00'), at('2026-03-12T09:00'))).toThrow(
      expect.objectContaining({ code: 'EXTENSION_NOT_LATER' }),
    );
  });

  it('validates its inputs', () => {
    expect(() => assertExtensionAllowed(-1, due, due + 1, due)).toThrow(CalendarError);
    expect(() => assertExtensionAllowed(0, Number.NaN, due, due)).toThrow(CalendarError);
  });

  it('tells whether the notice comes at least one working day before the due (advisory)', () => {
    expect(isExtensionNoticeTimely(cal, at('2026-03-09T17:30'), due)).toBe(true);
    expect(isExtensionNoticeTimely(cal, at('2026-03-10T09:00'), due)).toBe(false);
  });
});

describe('effectiveDueAt', () => {
  const history = [
    { at: at('2026-03-02T10:00'), due: at('2026-03-05T17:30') },
    { at: at('2026-03-04T10:00'), due: at('2026-03-09T17:30') },
  ];
  it.each([
    ['before any due', '2026-03-01T10:00', undefined],
    ['at the receipt', '2026-03-02T10:00', '2026-03-05T17:30'],
    ['before the extension', '2026-03-04T09:59', '2026-03-05T17:30'],
    ['at the extension', '2026-03-04T10:00', '2026-03-09T17:30'],
    ['after it', '2026-03-20T10:00', '2026-03-09T17:30'],
  ])('%s', (_name, instant, expected) => {
    const d = effectiveDueAt(history, at(instant));
    expect(d === undefined ? undefined : formatInstant(d).slice(0, 16)).toBe(expected);
  });

  it('does not depend on the order of the history', () => {
    expect(effectiveDueAt([...history].reverse(), at('2026-03-20T10:00'))).toBe(history[1]?.due);
  });
});

describe('classifyResolution: LATE if F > D, EARLY if F local date < D local date, else ON TIME', () => {
  const d = at('2026-02-25T17:30');
  it.each([
    ['exactly at the due', '2026-02-25T17:30:00', 'on_time'],
    ['1 ms after the due', '2026-02-25T17:30:00.001', 'late'],
    ['the evening of the due day', '2026-02-25T20:00:00', 'late'],
    ['the morning of the due day', '2026-02-25T08:00:00', 'on_time'],
    ['midnight starting the due day', '2026-02-25T00:00:00', 'on_time'],
    ['the day before, late evening', '2026-02-24T23:59:59', 'early'],
    ['a week before', '2026-02-13T16:30:00', 'early'],
  ])('%s', (_name, resolved, expected) => {
    expect(classifyResolution(at(resolved), d)).toBe(expected);
  });

  it('uses the local date of the given offset', () => {
    // The due is 2026-02-25T10:30Z. At UTC+0, 2026-02-25T06:00+07:00 (= 24 Feb 23:00Z) is the day before.
    expect(classifyResolution(at('2026-02-24T23:00:00'), d, 0)).toBe('early');
    expect(classifyResolution(at('2026-02-25T06:00:00'), d, 0)).toBe('early');
    expect(classifyResolution(at('2026-02-25T08:00:00'), d, 0)).toBe('on_time');
  });
});
