import type { WorkingCalendar } from '../../shared/calendar/index.ts';

/** A year of a calendar: its special days (weekdays off, weekend days worked) and the count of working days. */
export function yearSummary(calendar: WorkingCalendar, province: string, year: number) {
  let workingDays = 0;
  const start = Date.UTC(year, 0, 1);
  for (let t = start; new Date(t).getUTCFullYear() === year; t += 86_400_000)
    if (calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) workingDays++;
  return {
    province,
    year,
    utcOffsetMinutes: calendar.utcOffsetMinutes,
    workingWeekdays: [...calendar.spec.workingWeekdays],
    periods: calendar.spec.periods.map((p) => ({ start: p.start, end: p.end })),
    workingDays,
    days: calendar
      .listSpecialDays(year)
      .map((d) => ({ date: d.date, weekday: d.weekday, working: d.working, reason: d.reason })),
  };
}
