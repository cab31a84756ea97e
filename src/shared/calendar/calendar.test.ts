/** The calendar spec: official data, province overrides, other working weeks, day info, validation. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from './engine.ts';
import { CalendarError } from './errors.ts';
import { defaultCalendarSpec } from './official-schedules.ts';
import { formatInstant, parseInstant } from './time.ts';
import type { CalendarSpec, DeadlineLimit } from './types.ts';

const at = (local: string): number => parseInstant(`${local}+07:00`);
const spec = (overrides: Partial<CalendarSpec> = {}): CalendarSpec => ({
  ...defaultCalendarSpec(),
  ...overrides,
});

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('official national data', () => {
  const cal = createCalendar(defaultCalendarSpec());
  it.each([
    ['2025-01-01', false],
    ['2025-01-27', false],
    ['2025-01-31', false],
    ['2025-02-03', true],
    ['2025-04-07', false],
    ['2025-04-26', true],
    ['2025-04-30', false],
    ['2025-05-02', false],
    ['2025-09-01', false],
    ['2025-09-02', false],
    ['2025-09-03', true],
    ['2026-01-01', false],
    ['2026-01-02', false], // swapped with Saturday 10/1 (letter 12729/VPCP-KGVX)
    ['2026-01-09', true],
    ['2026-01-10', true],
    ['2026-11-23', true],
    ['2026-11-24', false], // Vietnamese Culture Day (Resolution 28/2026/QH16)
    ['2026-11-25', true],
    ['2026-02-13', true],
    ['2026-02-16', false],
    ['2026-02-20', false],
    ['2026-02-23', true],
    ['2026-04-27', false],
    ['2026-04-28', true],
    ['2026-04-30', false],
    ['2026-05-01', false],
    ['2026-08-22', true],
    ['2026-08-31', false],
    ['2026-09-01', false],
    ['2026-09-02', false],
    ['2026-09-03', true],
  ])('%s working = %s', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it('explains days', () => {
    expect(cal.dayInfo('2026-02-17')).toEqual({ working: false, reason: 'Tết Nguyên đán' });
    expect(cal.dayInfo('2026-04-26')).toEqual({ working: false, reason: 'Giỗ Tổ Hùng Vương' });
    expect(cal.dayInfo('2026-03-07')).toEqual({ working: false, reason: 'Nghỉ hằng tuần' });
    expect(cal.dayInfo('2026-03-02')).toEqual({ working: true });
    expect(cal.dayInfo('2025-04-26').reason).toMatch(/^Làm bù/);
    expect(cal.dayInfo('2025-05-02').reason).toMatch(/^Nghỉ bù/);
  });

  it('lists the special days of 2025 (non-working weekdays, working weekend days)', () => {
    const days = cal.listSpecialDays(2025).map((d) => `${d.date}${d.working ? ' W' : ''}`);
    expect(days).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-26 W',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(cal.listSpecialDays(2025).every((d) => d.reason.length > 0)).toBe(true);
  });

  it('lists computed special days for a year without a notice', () => {
    const days = cal.listSpecialDays(2027);
    expect(days.map((d) => d.date)).toContain('2027-02-10');
    expect(days.find((d) => d.date === '2027-05-03')?.reason).toBe('Nghỉ bù Quốc tế Lao động');
  });

  it('gives the end of a working day', () => {
    expect(formatInstant(cal.endOfWorkingDay('2026-02-25') ?? 0)).toBe('2026-02-25T17:30:00+07:00');
    expect(cal.endOfWorkingDay('2026-02-17')).toBeUndefined();
    expect(cal.workingDayMillis).toBe(8 * 3_600_000);
  });

  it('computes a year from the statute when the spec has no schedule for it', () => {
    const statutory = createCalendar(spec({ years: {} }));
    expect(statutory.isWorkingDay('2026-01-02')).toBe(true); // the swap is in the notice, not the statute
    expect(statutory.isWorkingDay('2026-11-24')).toBe(false);
    expect(statutory.isWorkingDay('2026-08-31')).toBe(true);
    expect(statutory.isWorkingDay('2026-04-27')).toBe(false);
    expect(statutory.isWorkingDay('2025-01-27')).toBe(true);
    expect(statutory.isWorkingDay('2025-02-03')).toBe(false); // 1/2/2025 (4th day of Tết) was a Saturday
  });

  it('is not affected by later edits of the spec object', () => {
    const s = defaultCalendarSpec();
    const c = createCalendar(s);
    s.years['2026']?.daysOff.push({ date: '2026-03-02', reason: 'edited' });
    expect(c.isWorkingDay('2026-03-02')).toBe(true);
    expect(Object.isFrozen(c.spec)).toBe(true);
  });
});

describe('province overrides and other working weeks', () => {
  it('adds days off and working days', () => {
    const cal = createCalendar(
      spec({
        extraDaysOff: [{ date: '2026-03-03', reason: 'Ngày lễ địa phương' }],
        extraWorkingDays: [
          { date: '2026-03-07', reason: 'Làm bù theo quyết định của tỉnh' },
          { date: '2026-02-16', reason: 'Trực Tết' },
        ],
      }),
    );
    const d = (r: string, value: number): string =>
      formatInstant(cal.due(at(r), { value, unit: 'working_day' }));
    expect(d('2026-03-02T10:00', 1)).toBe('2026-03-04T17:30:00+07:00');
    expect(d('2026-03-02T10:00', 4)).toBe('2026-03-07T17:30:00+07:00');
    expect(cal.dayInfo('2026-03-03')).toEqual({ working: false, reason: 'Ngày lễ địa phương' });
    expect(cal.isWorkingDay('2026-02-16')).toBe(true);
    expect(d('2026-02-13T16:00', 3)).toBe('2026-02-24T17:30:00+07:00');
  });

  it('uses the province periods', () => {
    const cal = createCalendar(
      spec({
        periods: [
          { start: '07:00', end: '11:00' },
          { start: '13:00', end: '17:00' },
        ],
      }),
    );
    expect(formatInstant(cal.due(at('2026-02-13T16:00'), { value: 3, unit: 'working_day' }))).toBe(
      '2026-02-25T17:00:00+07:00',
    );
    expect(formatInstant(cal.clockStart(at('2026-03-02T11:00')))).toBe('2026-03-02T13:00:00+07:00');
  });

  it('supports a Monday-Saturday week with one period', () => {
    const cal = createCalendar(
      spec({ workingWeekdays: [1, 2, 3, 4, 5, 6], periods: [{ start: '08:00', end: '16:00' }], years: {} }),
    );
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(formatInstant(cal.due(at('2026-03-06T10:00'), { value: 1, unit: 'working_day' }))).toBe(
      '2026-03-07T16:00:00+07:00',
    );
    // Hùng Kings 2026 is a Sunday: made up on Monday 27/4 in this week too.
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    // 1/5/2027 is a Saturday, a working day here: nothing to make up.
    expect(cal.isWorkingDay('2027-05-03')).toBe(true);
  });

  it('supports another fixed offset', () => {
    const cal = createCalendar(spec({ utcOffsetMinutes: 0 }));
    const due = cal.due(Date.UTC(2026, 1, 13, 16), { value: 3, unit: 'working_day' });
    expect(formatInstant(due, 0)).toBe('2026-02-25T17:30:00+00:00');
  });

  it('puts the second National Day holiday after 2 September when asked', () => {
    const cal = createCalendar(spec({ nationalDayAdjacent: 'after' }));
    expect(cal.isWorkingDay('2027-09-01')).toBe(true);
    expect(cal.isWorkingDay('2027-09-03')).toBe(false);
  });
});

describe('validation', () => {
  const cal = createCalendar(defaultCalendarSpec());
  const r = at('2026-03-02T10:00');
  it.each<[string, unknown, string, string]>([
    ['negative', { value: -1, unit: 'working_day' }, 'INVALID_LIMIT', 'limit'],
    ['fractional', { value: 1.5, unit: 'working_day' }, 'INVALID_LIMIT', 'limit'],
    ['NaN', { value: Number.NaN, unit: 'working_hour' }, 'INVALID_LIMIT', 'limit'],
    ['Infinity', { value: Number.POSITIVE_INFINITY, unit: 'calendar_day' }, 'INVALID_LIMIT', 'limit'],
    ['a string', { value: '3', unit: 'working_day' }, 'INVALID_LIMIT', 'limit'],
    ['null', null, 'INVALID_LIMIT', 'limit'],
    ['unknown unit', { value: 3, unit: 'week' }, 'INVALID_UNIT', 'limit.unit'],
    ['bad cut-off', { value: 0, unit: 'working_day', cutoff: '25:00' }, 'INVALID_CUTOFF', 'limit.cutoff'],
    ['bad cut-off text', { value: 0, unit: 'working_day', cutoff: '3pm' }, 'INVALID_CUTOFF', 'limit.cutoff'],
  ])('rejects a limit: %s', (_name, limit, code, field) => {
    const e = errorOf(() => cal.due(r, limit as DeadlineLimit));
    expect(e).toMatchObject({ code, field });
    expect(e.rule.length).toBeGreaterThan(0);
  });

  it('names the rule of a bad limit value', () => {
    expect(errorOf(() => cal.due(r, { value: -1, unit: 'working_day' })).rule).toBe(
      'must be a non-negative integer',
    );
  });

  it('rejects bad instants, bad dates and years outside 1990-2100', () => {
    expect(errorOf(() => cal.due(Number.NaN, { value: 1, unit: 'working_day' })).code).toBe(
      'INVALID_INSTANT',
    );
    expect(errorOf(() => cal.isWorkingDay('2026-02-30')).code).toBe('INVALID_DATE');
    expect(errorOf(() => cal.dayInfo('13/02/2026')).code).toBe('INVALID_DATE');
    expect(errorOf(() => cal.isWorkingDay('2101-01-01')).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => cal.due(at('1989-12-29T10:00'), { value: 1, unit: 'working_day' })).code).toBe(
      'OUT_OF_RANGE',
    );
    expect(errorOf(() => cal.due(at('2100-12-30T10:00'), { value: 5, unit: 'working_day' })).code).toBe(
      'OUT_OF_RANGE',
    );
    expect(errorOf(() => cal.due(r, { value: 1e9, unit: 'calendar_day' })).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => cal.listSpecialDays(1989)).code).toBe('OUT_OF_RANGE');
  });

  it('computes dues at the edges of the supported range', () => {
    expect(formatInstant(cal.due(at('1990-01-02T10:00'), { value: 1, unit: 'working_day' }))).toBe(
      '1990-01-03T17:30:00+07:00',
    );
    expect(formatInstant(cal.due(at('2100-12-28T10:00'), { value: 2, unit: 'working_day' }))).toBe(
      '2100-12-30T17:30:00+07:00',
    );
  });

  it.each<[string, Partial<CalendarSpec>, string]>([
    ['offset', { utcOffsetMinutes: 7.5 }, 'utcOffsetMinutes'],
    ['weekday 0', { workingWeekdays: [0, 1] }, 'workingWeekdays'],
    ['no weekday', { workingWeekdays: [] }, 'workingWeekdays'],
    ['repeated weekday', { workingWeekdays: [1, 1] }, 'workingWeekdays'],
    ['no period', { periods: [] }, 'periods'],
    ['bad time', { periods: [{ start: '7:30', end: '11:30' }] }, 'periods[0].start'],
    ['end before start', { periods: [{ start: '11:30', end: '07:30' }] }, 'periods[0].end'],
    [
      'overlap',
      {
        periods: [
          { start: '07:30', end: '11:30' },
          { start: '11:00', end: '17:00' },
        ],
      },
      'periods[1].start',
    ],
    [
      'touching',
      {
        periods: [
          { start: '07:30', end: '11:30' },
          { start: '11:30', end: '17:00' },
        ],
      },
      'periods[1].start',
    ],
    ['year key', { years: { '1800': { daysOff: [], workingDays: [] } } }, 'years.1800'],
    [
      'date in another year',
      { years: { '2027': { daysOff: [{ date: '2026-01-01', reason: 'x' }], workingDays: [] } } },
      'years.2027.daysOff[0].date',
    ],
    [
      'invalid date',
      { years: { '2027': { daysOff: [{ date: '2027-02-30', reason: 'x' }], workingDays: [] } } },
      'years.2027.daysOff[0].date',
    ],
    ['empty reason', { extraDaysOff: [{ date: '2027-02-03', reason: ' ' }] }, 'extraDaysOff[0].reason'],
    [
      'off and working',
      {
        extraDaysOff: [{ date: '2027-02-03', reason: 'a' }],
        extraWorkingDays: [{ date: '2027-02-03', reason: 'b' }],
      },
      'extraWorkingDays',
    ],
  ])('rejects a spec: %s', (_name, overrides, field) => {
    expect(errorOf(() => createCalendar(spec(overrides)))).toMatchObject({ code: 'INVALID_SPEC', field });
  });
});
