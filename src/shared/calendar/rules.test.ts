/** Rules D1-D5 of DOMAIN.md section 3, one table per rule, on the default (national) calendar. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from './engine.ts';
import { defaultCalendarSpec } from './official-schedules.ts';
import { formatInstant, parseInstant } from './time.ts';
import type { LimitUnit } from './types.ts';

const cal = createCalendar(defaultCalendarSpec());
const at = (local: string): number => parseInstant(`${local}+07:00`);
const due = (received: string, value: number, unit: LimitUnit, cutoff?: string): string =>
  formatInstant(cal.due(at(received), cutoff === undefined ? { value, unit } : { value, unit, cutoff }));
const local = (iso: string): string => `${iso}:00+07:00`;

describe('D1: the clock starts at the next working period when received outside one', () => {
  it.each([
    ['inside a period', '2026-03-02T09:00:00', '2026-03-02T09:00'],
    ['at a period start', '2026-03-02T07:30:00', '2026-03-02T07:30'],
    ['before opening', '2026-03-02T06:00:00', '2026-03-02T07:30'],
    ['at lunch (12:00)', '2026-03-02T12:00:00', '2026-03-02T13:30'],
    ['exactly at 11:30 (period end)', '2026-03-02T11:30:00', '2026-03-02T13:30'],
    ['one ms before 11:30', '2026-03-02T11:29:59.999', '2026-03-02T11:29:59.999'],
    ['exactly at 17:30 (day end)', '2026-03-02T17:30:00', '2026-03-03T07:30'],
    ['at night (22:00)', '2026-03-02T22:00:00', '2026-03-03T07:30'],
    ['on a Saturday', '2026-03-07T10:00:00', '2026-03-09T07:30'],
    ['on a Sunday', '2026-03-08T10:00:00', '2026-03-09T07:30'],
    ['Friday evening before Tết 2026', '2026-02-13T18:00:00', '2026-02-23T07:30'],
    ['during Tết 2026', '2026-02-18T10:00:00', '2026-02-23T07:30'],
    ['on the swapped working Saturday 26/4/2025', '2025-04-26T09:00:00', '2025-04-26T09:00'],
    ['on the made-up Hùng Kings day Mon 27/4/2026', '2026-04-27T09:00:00', '2026-04-28T07:30'],
  ])('%s', (_name, received, expected) => {
    const start = formatInstant(cal.clockStart(at(received)));
    expect(start.startsWith(expected)).toBe(true);
    expect(start.endsWith('+07:00')).toBe(true);
  });
});

describe('D2: N working days = end of the N-th working day after the start day', () => {
  it.each([
    ['canonical: Fri 13/2/2026 16:00, Tết 16-20/2', '2026-02-13T16:00', 3, '2026-02-25T17:30'],
    ['Fri before Tết, 1 day', '2026-02-13T10:00', 1, '2026-02-23T17:30'],
    ['received during Tết', '2026-02-18T10:00', 1, '2026-02-24T17:30'],
    ['swapped Saturday 26/4/2025 counts', '2025-04-24T10:00', 2, '2025-04-26T17:30'],
    ['across 26/4/2025 and the 30/4-2/5 break', '2025-04-25T10:00', 3, '2025-04-29T17:30'],
    ['across the 30/4-2/5/2025 break', '2025-04-25T10:00', 4, '2025-05-05T17:30'],
    ['Hùng Kings 2026 made up on Mon 27/4', '2026-04-24T09:00', 1, '2026-04-28T17:30'],
    ['received at lunch', '2026-03-02T12:00', 1, '2026-03-03T17:30'],
    ['received at night', '2026-03-02T22:00', 1, '2026-03-04T17:30'],
    ['received exactly at 17:30', '2026-03-02T17:30', 1, '2026-03-04T17:30'],
    ['received on a weekend', '2026-03-07T10:00', 1, '2026-03-10T17:30'],
    ['New Year 2026 (1/1 and the swapped Friday 2/1 off)', '2025-12-31T10:00', 1, '2026-01-05T17:30'],
    ['the swapped Saturday 10/1/2026 counts', '2026-01-05T10:00', 5, '2026-01-10T17:30'],
    ['Vietnamese Culture Day 24/11/2026', '2026-11-23T10:00', 1, '2026-11-25T17:30'],
    ['into a computed year (1/1/2027)', '2026-12-30T10:00', 3, '2027-01-05T17:30'],
    ['60 days', '2026-03-02T10:00', 60, '2026-05-28T17:30'],
  ])('%s', (_name, received, n, expected) => {
    expect(due(received, n, 'working_day')).toBe(local(expected));
  });
});

describe('D3: working_day 0 = same day before the cut-off, else the next working day', () => {
  it.each([
    ['14:59, default 15:00', '2026-03-02T14:59', undefined, '2026-03-02T17:30'],
    ['exactly 15:00', '2026-03-02T15:00', undefined, '2026-03-03T17:30'],
    ['15:01', '2026-03-02T15:01', undefined, '2026-03-03T17:30'],
    ['lunch: clock 13:30 < 15:00', '2026-03-02T12:00', undefined, '2026-03-02T17:30'],
    ['night: clock next day 07:30', '2026-03-02T22:00', undefined, '2026-03-03T17:30'],
    ['weekend: clock Monday 07:30', '2026-03-07T16:00', undefined, '2026-03-09T17:30'],
    ['after the cut-off before Tết', '2026-02-13T15:30', undefined, '2026-02-23T17:30'],
    ['custom cut-off 11:00, before', '2026-03-02T10:59', '11:00', '2026-03-02T17:30'],
    ['custom cut-off 11:00, exactly', '2026-03-02T11:00', '11:00', '2026-03-03T17:30'],
    ['cut-off 16:00 on a Friday', '2026-03-06T15:59', '16:00', '2026-03-06T17:30'],
  ])('%s', (_name, received, cutoff, expected) => {
    expect(due(received, 0, 'working_day', cutoff)).toBe(local(expected));
  });
});

describe('D4: working hours, a due on a period end stays there', () => {
  it.each([
    ['lands exactly on 11:30', '2026-03-02T07:30', 4, '2026-03-02T11:30'],
    ['lands on 11:30 from 09:30', '2026-03-02T09:30', 2, '2026-03-02T11:30'],
    ['lands exactly on 17:30', '2026-03-02T13:30', 4, '2026-03-02T17:30'],
    ['8 hours = one day', '2026-03-02T07:30', 8, '2026-03-02T17:30'],
    ['skips lunch', '2026-03-02T09:00', 4, '2026-03-02T15:00'],
    ['overnight', '2026-03-02T16:00', 3, '2026-03-03T09:00'],
    ['lands on 11:30 the next day', '2026-03-02T15:30', 6, '2026-03-03T11:30'],
    ['received at lunch', '2026-03-02T12:00', 4, '2026-03-02T17:30'],
    ['received at night', '2026-03-02T22:00', 1, '2026-03-03T08:30'],
    ['received on a weekend', '2026-03-07T22:00', 8, '2026-03-09T17:30'],
    ['across Tết 2026', '2026-02-13T16:00', 8, '2026-02-23T16:00'],
    ['0 hours inside a period', '2026-03-02T10:00', 0, '2026-03-02T10:00'],
    ['0 hours at lunch = clock start', '2026-03-02T12:00', 0, '2026-03-02T13:30'],
    ['64 hours = 8 working days', '2026-03-02T07:30', 64, '2026-03-11T17:30'],
    ['8 working hours online check (Art. 17.2)', '2026-04-29T10:00', 8, '2026-05-04T10:00'],
  ])('%s', (_name, received, hours, expected) => {
    expect(due(received, hours, 'working_hour')).toBe(local(expected));
    expect(formatInstant(cal.addWorkingHours(at(received), hours))).toBe(local(expected));
  });
});

describe('D5: calendar days, rolled to the end of the next working day', () => {
  it.each([
    ['ordinary', '2026-03-02T10:00', 3, '2026-03-05T17:30'],
    ['0 days = end of the start day', '2026-03-02T10:00', 0, '2026-03-02T17:30'],
    ['lands on a Saturday', '2026-03-02T10:00', 5, '2026-03-09T17:30'],
    ['lands on a Sunday', '2026-03-02T10:00', 6, '2026-03-09T17:30'],
    ['lands in Tết 2026', '2026-02-12T10:00', 5, '2026-02-23T17:30'],
    ['lands on the made-up Mon 27/4/2026', '2026-04-24T10:00', 3, '2026-04-28T17:30'],
    ['lands on the working Saturday 26/4/2025', '2025-04-25T10:00', 1, '2025-04-26T17:30'],
    ['received on a weekend: counted from Monday', '2026-03-07T10:00', 1, '2026-03-10T17:30'],
    ['received at night', '2026-03-02T22:00', 1, '2026-03-04T17:30'],
    ['15 days', '2026-03-02T10:00', 15, '2026-03-17T17:30'],
    ['60 days', '2026-03-02T10:00', 60, '2026-05-04T17:30'],
  ])('%s', (_name, received, n, expected) => {
    expect(due(received, n, 'calendar_day')).toBe(local(expected));
  });
});

describe('workingMillisBetween', () => {
  const hours = (a: string, b: string): number => cal.workingMillisBetween(at(a), at(b)) / 3_600_000;
  it.each([
    ['2026-03-02T07:30', '2026-03-02T17:30', 8],
    ['2026-03-02T12:00', '2026-03-02T14:00', 0.5],
    ['2026-03-02T16:00', '2026-03-03T09:00', 3],
    ['2026-02-13T16:00', '2026-02-25T17:30', 25.5],
    ['2026-03-07T10:00', '2026-03-08T10:00', 0],
    ['2026-03-03T09:00', '2026-03-02T16:00', -3],
    ['2025-12-31T07:30', '2027-01-01T07:30', (1 + 249) * 8],
  ])('%s -> %s = %s h', (a, b, expected) => {
    expect(hours(a, b)).toBe(expected);
  });
});
