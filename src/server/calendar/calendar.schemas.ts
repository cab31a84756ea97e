import { z } from 'zod';
import { ZCalendarOverride } from './calendar.service.ts';
import { MAX } from '../../shared/limits.ts';

export const ZProvinceParam = z
  .string()
  .regex(/^(\d{2}|VN)$/, '@rule.provinceCode')
  .describe('Province code (2 digits), or VN for the national calendar');

export const ZCalendarYearParams = z.object({
  province: ZProvinceParam,
  year: z.coerce.number().int().min(1990).max(2100),
});

export const ZDueRequest = z.object({
  received: z.string().min(1).max(MAX.instant).describe('ISO 8601 instant, e.g. 2026-02-13T16:00:00+07:00'),
  limit: z.number().min(0).max(10_000).describe('Non-negative integer'),
  unit: z.string().max(20).describe('working_day | working_hour | calendar_day'),
  province: z
    .string()
    .regex(/^\d{2}$/, '@rule.provinceCode')
    .optional(),
  cutoff: z
    .string()
    .max(5)
    .optional()
    .describe("HH:MM, same-day cut-off for working_day 0 (default '15:00')"),
});

export const ZDueResponse = z.object({ due: z.string() });

export const ZCalendarYear = z.object({
  province: z.string(),
  year: z.number(),
  utcOffsetMinutes: z.number(),
  workingWeekdays: z.array(z.number()),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  workingDays: z.number().describe('Number of working days in the year'),
  days: z.array(
    z.object({ date: z.string(), weekday: z.number(), working: z.boolean(), reason: z.string() }),
  ),
});

export const ZCalendarUpdate = z.object({
  override: ZCalendarOverride,
  note: z.string().min(1, '@rule.required').max(500),
});
