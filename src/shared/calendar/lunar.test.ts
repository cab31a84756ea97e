import { describe, expect, it } from 'vitest';
import * as vnLunar from '@dqcai/vn-lunar';
import { CalendarError } from './errors.ts';
import { hungKingsDayNumber, lunarNewYearDayNumber, lunarToJulianDay } from './lunar.ts';
import { dateOfDayNumber } from './time.ts';

/**
 * Tết Nguyên đán (lunar 1/1) 1985-2050 in Vietnam, as published in Hồ Ngọc Đức's "Âm lịch Việt Nam" tables
 * (the reference Vietnamese calendar, UTC+7). Years where China (UTC+8) differs are marked.
 */
const TET_VIETNAM: Record<number, string> = {
  1985: '1985-01-21', // China: 1985-02-20
  1986: '1986-02-09',
  1987: '1987-01-29',
  1988: '1988-02-17',
  1989: '1989-02-06',
  1990: '1990-01-27',
  1991: '1991-02-15',
  1992: '1992-02-04',
  1993: '1993-01-23',
  1994: '1994-02-10',
  1995: '1995-01-31',
  1996: '1996-02-19',
  1997: '1997-02-07',
  1998: '1998-01-28',
  1999: '1999-02-16',
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17', // China: 2007-02-18
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02', // China: 2030-02-03
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
  2041: '2041-02-01',
  2042: '2042-01-22',
  2043: '2043-02-10',
  2044: '2044-01-30',
  2045: '2045-02-17',
  2046: '2046-02-06',
  2047: '2047-01-26',
  2048: '2048-02-14',
  2049: '2049-02-02',
  2050: '2050-01-23',
};

/** The package @dqcai/vn-lunar (readable ESM build, tables generated from the same algorithm). */
interface SolarDate {
  day: number;
  month: number;
  year: number;
}
const library = vnLunar as { getSolarDate(d: number, m: number, y: number, leap?: boolean): SolarDate };
const libraryDate = (day: number, month: number, year: number, leap = false): string => {
  const s = library.getSolarDate(day, month, year, leap);
  return `${s.year}-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`;
};

const JD_OF_1970_01_01 = 2440588;
const dateAt = (day: number, month: number, year: number, timeZone: number, leap = false): string =>
  dateOfDayNumber(lunarToJulianDay(day, month, year, leap, timeZone) - JD_OF_1970_01_01);

describe('Vietnamese lunar calendar', () => {
  it('gives Tết 1985-2050 as listed in the Vietnamese reference tables', () => {
    for (const [year, expected] of Object.entries(TET_VIETNAM)) {
      expect(dateOfDayNumber(lunarNewYearDayNumber(Number(year))), `Tết ${year}`).toBe(expected);
    }
    expect(Object.keys(TET_VIETNAM).filter((y) => Number(y) >= 1990 && Number(y) <= 2050)).toHaveLength(61);
  });

  it('is computed for UTC+7: at UTC+8 (China) the same algorithm gives the known different dates', () => {
    expect(dateAt(1, 1, 1985, 8)).toBe('1985-02-20');
    expect(dateAt(1, 1, 2007, 8)).toBe('2007-02-18');
    expect(dateAt(1, 1, 2030, 8)).toBe('2030-02-03');
    expect(dateAt(1, 1, 1985, 7)).toBe('1985-01-21');
  });

  // The package's tables and this computation differ on three month starts where the new moon falls within a
  // minute of local midnight (beyond the accuracy of either; none is month 1 or 3, so no holiday moves).
  const NEW_MOON_AT_MIDNIGHT = ['1/4/2054', '1/11/2072', '1/10/2077'];

  it('agrees with @dqcai/vn-lunar on Tết, Hùng Kings day and every month start 1990-2100', () => {
    const mismatches: string[] = [];
    for (let year = 1990; year <= 2100; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        if (dateAt(1, month, year, 7) !== libraryDate(1, month, year)) mismatches.push(`1/${month}/${year}`);
      }
      if (dateOfDayNumber(hungKingsDayNumber(year)) !== libraryDate(10, 3, year))
        mismatches.push(`Hùng ${year}`);
      if (dateOfDayNumber(lunarNewYearDayNumber(year)) !== libraryDate(1, 1, year))
        mismatches.push(`Tết ${year}`);
    }
    expect(mismatches).toEqual(NEW_MOON_AT_MIDNIGHT);
  });

  it('handles leap months (2023: leap 2nd month; 2025: leap 6th month)', () => {
    expect(dateAt(1, 2, 2023, 7, true)).toBe(libraryDate(1, 2, 2023, true));
    expect(dateAt(1, 3, 2023, 7)).toBe(libraryDate(1, 3, 2023));
    expect(dateAt(1, 6, 2025, 7, true)).toBe('2025-07-25');
    expect(() => dateAt(1, 5, 2025, 7, true)).toThrow(CalendarError);
    expect(() => dateAt(1, 5, 2026, 7, true)).toThrow(CalendarError);
  });

  it('gives Hùng Kings day (10/3 lunar) for the official years', () => {
    expect(dateOfDayNumber(hungKingsDayNumber(2025))).toBe('2025-04-07');
    expect(dateOfDayNumber(hungKingsDayNumber(2026))).toBe('2026-04-26');
    expect(dateOfDayNumber(hungKingsDayNumber(2027))).toBe('2027-04-16');
  });
});
