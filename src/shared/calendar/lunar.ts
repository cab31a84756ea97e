/**
 * Vietnamese lunar calendar: Hồ Ngọc Đức's astronomical algorithm ("Âm lịch Việt Nam", amlich.js), computed
 * for the local time of Vietnam, UTC+7. The Chinese calendar uses UTC+8 and differs in some years
 * (Tết 1985, 2007, 2030...). Only lunar -> solar is needed here (Tết and Hùng Kings day).
 *
 * Own implementation rather than @dqcai/vn-lunar: that package's CommonJS build (the one tsx loads) is
 * obfuscated, and its type declarations do not resolve under NodeNext. lunar.test.ts checks this file
 * against the package's readable ESM build for 1990-2100 and against a typed list of Tết dates.
 */
import { CalendarError } from './errors.ts';

/** Vietnam's time zone, in hours. */
export const VIETNAM_TIME_ZONE = 7;
const JULIAN_DAY_OF_1970_01_01 = 2440588;
const SYNODIC_MONTH = 29.530588853;
const DEG = Math.PI / 180;
const INT = Math.floor;

function julianDayFromDate(day: number, month: number, year: number): number {
  const a = INT((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, simplified). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * DEG; // Sun's mean anomaly
  const Mpr = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * DEG; // Moon's mean anomaly
  const F = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * DEG; // Moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M) + 0.0021 * Math.sin(2 * M);
  c1 += -0.4068 * Math.sin(Mpr) + 0.0161 * Math.sin(2 * Mpr) - 0.0004 * Math.sin(3 * Mpr);
  c1 += 0.0104 * Math.sin(2 * F) - 0.0051 * Math.sin(M + Mpr) - 0.0074 * Math.sin(M - Mpr);
  c1 += 0.0004 * Math.sin(2 * F + M) - 0.0004 * Math.sin(2 * F - M) - 0.0006 * Math.sin(2 * F + Mpr);
  c1 += 0.001 * Math.sin(2 * F - Mpr) + 0.0005 * Math.sin(2 * Mpr + M);
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at a Julian date (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * DEG;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.00029 * Math.sin(3 * M);
  const L = (L0 + DL) * DEG;
  return L - Math.PI * 2 * INT(L / (Math.PI * 2));
}

/** Which of the 12 major solar terms sectors (0..11) the sun is in at local midnight starting a day. */
function sunSector(julianDay: number, timeZone: number): number {
  return INT((sunLongitude(julianDay - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Julian day (local) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return INT(newMoon(k) + 0.5 + timeZone / 24);
}

/** Julian day of the first day of the 11th lunar month (the one containing the winter solstice) of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const k = INT((julianDayFromDate(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset, in months after month 11 starting at `a11`, of the leap month (the first without a major term). */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = INT((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Julian day number of a lunar date at `timeZone` hours (default UTC+7). `leap` selects the leap month of that
 * number; throws when that month is not a leap month.
 */
export function lunarToJulianDay(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  leap = false,
  timeZone = VIETNAM_TIME_ZONE,
): number {
  const a11 = lunarMonth11(lunarMonth < 11 ? lunarYear - 1 : lunarYear, timeZone);
  const b11 = lunarMonth11(lunarMonth < 11 ? lunarYear : lunarYear + 1, timeZone);
  const k = INT(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let off = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    const leapMonth = (leapOff - 2 + 12) % 12;
    if (leap && lunarMonth !== leapMonth) {
      throw new CalendarError('INVALID_DATE', 'lunarMonth', `is not a leap month in ${lunarYear}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new CalendarError('INVALID_DATE', 'lunarMonth', `is not a leap month in ${lunarYear}`);
  }
  return newMoonDay(k + off, timeZone) + lunarDay - 1;
}

/** Day number (days since 1970-01-01) of a Vietnamese lunar date, not in a leap month. */
export function lunarToDayNumber(lunarYear: number, lunarMonth: number, lunarDay: number): number {
  return lunarToJulianDay(lunarDay, lunarMonth, lunarYear) - JULIAN_DAY_OF_1970_01_01;
}

/** Day number of Tết (1st day of the 1st lunar month) of the lunar year starting in `year`. */
export function lunarNewYearDayNumber(year: number): number {
  return lunarToDayNumber(year, 1, 1);
}

/** Day number of Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month) in `year`. */
export function hungKingsDayNumber(year: number): number {
  return lunarToDayNumber(year, 3, 10);
}
