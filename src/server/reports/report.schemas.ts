/** zod schemas of the report API (query strings; the JSON shapes are documented in docs/REPORTS.md). */
import { z } from 'zod';
import { LOCALES } from '../platform/i18n/locale.ts';

const unit = z
  .string()
  .min(2)
  .max(10)
  .describe('Commune (5 digits, a former code resolves) or province (2 digits) code');
const date = z.string().max(10).describe('YYYY-MM-DD, local date (UTC+7), inclusive');

export const REPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;

export const ZPeriodQuery = z.object({
  unit,
  from: date,
  to: date,
  format: z.enum(REPORT_FORMATS).default('json').describe('json (default), xlsx (Biểu 06) or pdf'),
});
export type TPeriodQuery = z.infer<typeof ZPeriodQuery>;

export const ZBriefQuery = z.object({
  unit,
  from: date,
  to: date,
  lang: z.enum(LOCALES).default('vi').describe('vi (default), en or ru'),
});

export const ZDashboardQuery = z.object({ unit, from: date, to: date });
