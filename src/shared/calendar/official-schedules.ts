/**
 * Official national schedules (the government's yearly notices) and the default calendar spec.
 * To add a year: copy a block, list every weekday off and every weekend day worked, cite the notice.
 */
import { HOLIDAY_REASONS } from './statutory.ts';
import type { CalendarSpec, YearSchedule } from './types.ts';

const { newYear, tet, hungKings, victory, labour, nationalDay } = HOLIDAY_REASONS;

export const OFFICIAL_SCHEDULE_2025: YearSchedule = {
  daysOff: [
    { date: '2025-01-01', reason: newYear },
    { date: '2025-01-27', reason: tet },
    { date: '2025-01-28', reason: tet },
    { date: '2025-01-29', reason: tet },
    { date: '2025-01-30', reason: tet },
    { date: '2025-01-31', reason: tet },
    { date: '2025-04-07', reason: hungKings },
    { date: '2025-04-30', reason: victory },
    { date: '2025-05-01', reason: labour },
    { date: '2025-05-02', reason: 'Nghỉ bù (hoán đổi, làm bù thứ Bảy 26/4/2025)' },
    { date: '2025-09-01', reason: nationalDay },
    { date: '2025-09-02', reason: nationalDay },
  ],
  workingDays: [{ date: '2025-04-26', reason: 'Làm bù (hoán đổi ngày thứ Sáu 2/5/2025)' }],
  source:
    'Thông báo nghỉ lễ, Tết năm 2025 của Chính phủ: Tết Âm lịch 25/1-2/2/2025 (nghỉ 27-31/1); ' +
    'hoán đổi thứ Sáu 2/5/2025 với thứ Bảy 26/4/2025; Quốc khánh 1-2/9/2025',
};

export const OFFICIAL_SCHEDULE_2026: YearSchedule = {
  daysOff: [
    { date: '2026-01-01', reason: newYear },
    { date: '2026-02-16', reason: tet },
    { date: '2026-02-17', reason: tet },
    { date: '2026-02-18', reason: tet },
    { date: '2026-02-19', reason: tet },
    { date: '2026-02-20', reason: tet },
    { date: '2026-04-26', reason: hungKings },
    { date: '2026-04-27', reason: `Nghỉ bù ${hungKings} (26/4/2026 là Chủ nhật)` },
    { date: '2026-04-30', reason: victory },
    { date: '2026-05-01', reason: labour },
    { date: '2026-08-31', reason: 'Nghỉ bù (hoán đổi, làm bù thứ Bảy 22/8/2026)' },
    { date: '2026-09-01', reason: nationalDay },
    { date: '2026-09-02', reason: nationalDay },
  ],
  workingDays: [{ date: '2026-08-22', reason: 'Làm bù (hoán đổi ngày thứ Hai 31/8/2026)' }],
  source:
    'Lịch nghỉ năm 2026 theo DOMAIN.md (hợp đồng): Tết Dương lịch 1/1; Tết Âm lịch 14-22/2/2026 (nghỉ 16-20/2); ' +
    'Giỗ Tổ bù 27/4; 30/4, 1/5; Quốc khánh 31/8 (làm bù thứ Bảy 22/8), 1-2/9. Nếu áp dụng hoán đổi nghỉ thứ Sáu ' +
    '2/1/2026, làm bù thứ Bảy 10/1/2026, quản trị viên thêm bằng `motcua calendar set` (xem docs/CALENDAR.md)',
};

/** Official schedules shipped with MộtCửa, by year. */
export function officialSchedules(): Record<string, YearSchedule> {
  return {
    '2025': structuredClone(OFFICIAL_SCHEDULE_2025),
    '2026': structuredClone(OFFICIAL_SCHEDULE_2026),
  };
}

/** The national default: UTC+7, Monday-Friday, 07:30-11:30 and 13:30-17:30, official 2025-2026 data. */
export function defaultCalendarSpec(): CalendarSpec {
  return {
    utcOffsetMinutes: 420,
    workingWeekdays: [1, 2, 3, 4, 5],
    periods: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:30' },
    ],
    years: officialSchedules(),
    extraDaysOff: [],
    extraWorkingDays: [],
  };
}
