/**
 * Official national schedules (the government's yearly notices) and the default calendar spec.
 * To add a year: copy a block, list every weekday off and every weekend day worked, cite the notice.
 */
import { HOLIDAY_REASONS } from './statutory.ts';
import type { CalendarSpec, YearSchedule } from './types.ts';

const { newYear, tet, hungKings, victory, labour, nationalDay, cultureDay } = HOLIDAY_REASONS;

/** Where each day comes from. Labour Code 2019 (Law 45/2019/QH14) Art. 112.1 lists the holidays. */
const LAW = {
  newYear: 'Bộ luật Lao động 2019, Điều 112.1.a',
  tet: 'Bộ luật Lao động 2019, Điều 112.1.b',
  victory: 'Bộ luật Lao động 2019, Điều 112.1.c',
  labour: 'Bộ luật Lao động 2019, Điều 112.1.d',
  nationalDay: 'Bộ luật Lao động 2019, Điều 112.1.đ',
  hungKings: 'Bộ luật Lao động 2019, Điều 112.1.e',
  makeUp: 'Bộ luật Lao động 2019, Điều 111.3 (ngày lễ trùng ngày nghỉ hằng tuần được nghỉ bù)',
  cultureDay:
    'Nghị quyết 28/2026/QH16 (bổ sung ngày 24/11 vào Điều 112 Bộ luật Lao động), hiệu lực 01/7/2026',
} as const;

/** The yearly notices. Those marked "chưa đối chiếu" could not be re-read from the text itself here. */
const NOTICE = {
  tet2025:
    'Lịch nghỉ Tết Ất Tỵ 2025 của cán bộ, công chức, viên chức (25/1-2/2/2025) (chưa đối chiếu văn bản gốc)',
  swap2025:
    'Hoán đổi thứ Sáu 2/5/2025 với thứ Bảy 26/4/2025 theo thông báo của Chính phủ (chưa đối chiếu văn bản gốc)',
  newYear2026:
    'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ 1-4/1/2026, hoán đổi thứ Sáu 2/1/2026 ' +
    'với thứ Bảy 10/1/2026',
  tet2026:
    'Lịch nghỉ Tết Bính Ngọ 2026 của công chức, viên chức: 14-22/2/2026 (DOMAIN.md; chưa đối chiếu văn bản gốc)',
  swap2026Sep:
    'Hoán đổi thứ Hai 31/8/2026 với thứ Bảy 22/8/2026 (DOMAIN.md, hợp đồng; chưa đối chiếu văn bản gốc)',
} as const;

export const OFFICIAL_SCHEDULE_2025: YearSchedule = {
  daysOff: [
    { date: '2025-01-01', reason: newYear, source: LAW.newYear },
    { date: '2025-01-27', reason: tet, source: `${LAW.tet}; ${NOTICE.tet2025}` },
    { date: '2025-01-28', reason: tet, source: `${LAW.tet}; ${NOTICE.tet2025}` },
    { date: '2025-01-29', reason: tet, source: LAW.tet },
    { date: '2025-01-30', reason: tet, source: LAW.tet },
    { date: '2025-01-31', reason: tet, source: LAW.tet },
    { date: '2025-04-07', reason: hungKings, source: LAW.hungKings },
    { date: '2025-04-30', reason: victory, source: LAW.victory },
    { date: '2025-05-01', reason: labour, source: LAW.labour },
    { date: '2025-05-02', reason: 'Nghỉ bù (hoán đổi, làm bù thứ Bảy 26/4/2025)', source: NOTICE.swap2025 },
    { date: '2025-09-01', reason: nationalDay, source: LAW.nationalDay },
    { date: '2025-09-02', reason: nationalDay, source: LAW.nationalDay },
  ],
  workingDays: [
    { date: '2025-04-26', reason: 'Làm bù (hoán đổi ngày thứ Sáu 2/5/2025)', source: NOTICE.swap2025 },
  ],
  source:
    'Thông báo nghỉ lễ, Tết năm 2025 của Chính phủ: Tết Âm lịch 25/1-2/2/2025 (nghỉ 27-31/1); ' +
    'hoán đổi thứ Sáu 2/5/2025 với thứ Bảy 26/4/2025; Quốc khánh 1-2/9/2025',
};

export const OFFICIAL_SCHEDULE_2026: YearSchedule = {
  daysOff: [
    { date: '2026-01-01', reason: newYear, source: LAW.newYear },
    {
      date: '2026-01-02',
      reason: 'Nghỉ bù (hoán đổi, làm bù thứ Bảy 10/1/2026)',
      source: NOTICE.newYear2026,
    },
    { date: '2026-02-16', reason: tet, source: `${LAW.tet}; ${NOTICE.tet2026}` },
    { date: '2026-02-17', reason: tet, source: LAW.tet },
    { date: '2026-02-18', reason: tet, source: LAW.tet },
    { date: '2026-02-19', reason: tet, source: LAW.tet },
    { date: '2026-02-20', reason: tet, source: LAW.tet },
    { date: '2026-04-26', reason: hungKings, source: LAW.hungKings },
    { date: '2026-04-27', reason: `Nghỉ bù ${hungKings} (26/4/2026 là Chủ nhật)`, source: LAW.makeUp },
    { date: '2026-04-30', reason: victory, source: LAW.victory },
    { date: '2026-05-01', reason: labour, source: LAW.labour },
    {
      date: '2026-08-31',
      reason: 'Nghỉ bù (hoán đổi, làm bù thứ Bảy 22/8/2026)',
      source: NOTICE.swap2026Sep,
    },
    { date: '2026-09-01', reason: nationalDay, source: LAW.nationalDay },
    { date: '2026-09-02', reason: nationalDay, source: LAW.nationalDay },
    { date: '2026-11-24', reason: cultureDay, source: LAW.cultureDay },
  ],
  workingDays: [
    { date: '2026-01-10', reason: 'Làm bù (hoán đổi ngày thứ Sáu 2/1/2026)', source: NOTICE.newYear2026 },
    { date: '2026-08-22', reason: 'Làm bù (hoán đổi ngày thứ Hai 31/8/2026)', source: NOTICE.swap2026Sep },
  ],
  source:
    'Tết Dương lịch 1/1 và hoán đổi 2/1 - 10/1/2026 (văn bản 12729/VPCP-KGVX ngày 25/12/2025); Tết Âm lịch ' +
    '14-22/2/2026 (nghỉ 16-20/2); Giỗ Tổ bù 27/4; 30/4, 1/5; Quốc khánh 31/8 (làm bù thứ Bảy 22/8), 1-2/9; ' +
    'Ngày Văn hóa Việt Nam 24/11 (Nghị quyết 28/2026/QH16)',
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
