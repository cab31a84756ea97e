import { describe, expect, it } from 'vitest';
import { CalendarError } from './errors.ts';
import { OFFICIAL_SCHEDULE_2025, OFFICIAL_SCHEDULE_2026 } from './official-schedules.ts';
import { statutoryYear } from './statutory.ts';
import { isoWeekday, tryDayNumber } from './time.ts';

const datesOff = (year: number, options = {}): string[] =>
  statutoryYear(year, options).daysOff.map((d) => d.date);

describe('statutoryYear', () => {
  it('computes 2027: Tết (lunar new year 6/2/2027) with weekend days made up', () => {
    const s = statutoryYear(2027);
    expect(s.workingDays).toEqual([]);
    expect(s.daysOff).toEqual([
      { date: '2027-01-01', reason: 'Tết Dương lịch' },
      // New Year's Eve Fri 5/2 + lunar days 1-4 (Sat 6/2 - Tue 9/2); Sat and Sun made up on Wed and Thu.
      { date: '2027-02-05', reason: 'Tết Nguyên đán' },
      { date: '2027-02-06', reason: 'Tết Nguyên đán' },
      { date: '2027-02-07', reason: 'Tết Nguyên đán' },
      { date: '2027-02-08', reason: 'Tết Nguyên đán' },
      { date: '2027-02-09', reason: 'Tết Nguyên đán' },
      { date: '2027-02-10', reason: 'Nghỉ bù Tết Nguyên đán' },
      { date: '2027-02-11', reason: 'Nghỉ bù Tết Nguyên đán' },
      { date: '2027-04-16', reason: 'Giỗ Tổ Hùng Vương' }, // 10/3 lunar, a Friday
      { date: '2027-04-30', reason: 'Ngày Chiến thắng' },
      { date: '2027-05-01', reason: 'Quốc tế Lao động' }, // a Saturday
      { date: '2027-05-03', reason: 'Nghỉ bù Quốc tế Lao động' },
      { date: '2027-09-01', reason: 'Quốc khánh' },
      { date: '2027-09-02', reason: 'Quốc khánh' },
      { date: '2027-11-24', reason: 'Ngày Văn hóa Việt Nam' }, // a Wednesday
    ]);
  });

  it('matches the statute for 2026 (the official notice only adds swaps)', () => {
    expect(datesOff(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
      '2026-11-24',
    ]);
  });

  it('adds 24 November (Vietnamese Culture Day) from 2026 only, made up on the next working day on a weekend', () => {
    expect(datesOff(2025)).not.toContain('2025-11-24');
    expect(datesOff(2026)).toContain('2026-11-24'); // a Tuesday
    // 24/11/2029 is a Saturday: made up on Monday 26/11.
    const nov2029 = statutoryYear(2029).daysOff.filter((d) => d.date.startsWith('2029-11'));
    expect(nov2029).toEqual([
      { date: '2029-11-24', reason: 'Ngày Văn hóa Việt Nam' },
      { date: '2029-11-26', reason: 'Nghỉ bù Ngày Văn hóa Việt Nam' },
    ]);
    expect(statutoryYear(2030).source).toContain('28/2026/QH16');
  });

  it('makes up several weekend holidays on distinct following working days (2023: 29/4 Sat, 30/4 Sun)', () => {
    expect(datesOff(2023).filter((d) => d >= '2023-04-01' && d <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });

  it('makes up 1 January on a Saturday (2028) and 1-2 September on a weekend (2029)', () => {
    expect(datesOff(2028)).toContain('2028-01-03');
    expect(datesOff(2029).filter((d) => d.startsWith('2029-09'))).toEqual([
      '2029-09-01',
      '2029-09-02',
      '2029-09-03',
      '2029-09-04',
    ]);
  });

  it('takes Tết Eve as the 30th of the 12th lunar month when that month is full (2025: eve 28/1)', () => {
    expect(datesOff(2025).filter((d) => d.startsWith('2025-01') || d.startsWith('2025-02'))).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-03',
    ]);
  });

  it('follows the working week: with Saturdays worked only Sunday holidays are made up', () => {
    expect(datesOff(2027, { workingWeekdays: [1, 2, 3, 4, 5, 6] })).toContain('2027-02-10');
    expect(datesOff(2027, { workingWeekdays: [1, 2, 3, 4, 5, 6] })).not.toContain('2027-02-11');
    expect(datesOff(2027, { workingWeekdays: [1, 2, 3, 4, 5, 6] })).not.toContain('2027-05-03');
  });

  it('gives 11 statutory holidays (12 from 2026) plus make-ups on working weekdays every year 1990-2100', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const days = statutoryYear(year).daysOff;
      const holidays = days.filter((d) => !d.reason.startsWith('Nghỉ bù'));
      const madeUp = days.filter((d) => d.reason.startsWith('Nghỉ bù'));
      const weekend = holidays.filter((d) => isoWeekday(tryDayNumber(d.date) ?? 0) >= 6);
      expect(holidays, String(year)).toHaveLength(year >= 2026 ? 12 : 11);
      expect(madeUp).toHaveLength(weekend.length);
      expect(madeUp.every((d) => isoWeekday(tryDayNumber(d.date) ?? 0) <= 5)).toBe(true);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      expect(days.every((d) => d.date.startsWith(String(year)))).toBe(true);
    }
  });

  it('rejects years outside 1990-2100', () => {
    expect(() => statutoryYear(1989)).toThrow(CalendarError);
    expect(() => statutoryYear(2101)).toThrow(CalendarError);
    expect(() => statutoryYear(2026.5)).toThrow(CalendarError);
  });
});

describe('official schedules', () => {
  it.each([
    [OFFICIAL_SCHEDULE_2025, 2025],
    [OFFICIAL_SCHEDULE_2026, 2026],
  ])('keep the statutory number of weekday days off once swaps are netted', (schedule, year) => {
    const weekdayOff = schedule.daysOff.filter((d) => isoWeekday(tryDayNumber(d.date) ?? 0) <= 5).length;
    const statutoryWeekdayOff = statutoryYear(year).daysOff.filter(
      (d) => isoWeekday(tryDayNumber(d.date) ?? 0) <= 5,
    ).length;
    expect(weekdayOff - schedule.workingDays.length).toBe(statutoryWeekdayOff);
    expect(schedule.workingDays.every((d) => isoWeekday(tryDayNumber(d.date) ?? 0) === 6)).toBe(true);
    expect(schedule.source).toBeTruthy();
    // Each day names its legal source (issue 11: "cite each day's source in the data").
    for (const d of [...schedule.daysOff, ...schedule.workingDays]) expect(d.source, d.date).toMatch(/\S/);
  });
});
