/**
 * After a calendar correction (a holiday added or moved), the dues already stored stay as they were: history is not
 * rewritten (DOMAIN.md section 3). This lists the open dossiers whose due would differ if computed today, so that an
 * administrator can review them (docs/CALENDAR.md, "After a calendar correction").
 */
import type { Kysely } from 'kysely';
import type { LimitUnit, WorkingCalendar } from '../../shared/calendar/index.ts';
import type { Database } from '../db/schema.ts';
import { listOpenDues, type OpenDue } from './dossier.repository.ts';
import type { Scope } from '../platform/tenant.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';

/** Dues computed from a start instant and the procedure's limit can be recomputed; others were set by hand. */
const RECOMPUTABLE = new Set(['receipt', 'supplement_received']);

export interface DueDifference {
  code: string;
  unitCode: string;
  provinceCode: string;
  procedureCode: string;
  /** What the due was computed from: `receipt` or `supplement_received`. */
  reason: string;
  storedDue: number;
  currentDue: number;
  /** Working days between the two under the current calendar: positive when the current due is later. */
  workingDays: number;
}

export interface OpenDueCheck {
  /** Open dossiers looked at. */
  checked: number;
  differences: DueDifference[];
  /** Open dossiers whose due was set by hand (an extension) or imported: not recomputed, listed for review. */
  notRecomputed: { code: string; reason: string }[];
}

export async function checkOpenDues(db: Kysely<Database>, scope: Scope): Promise<OpenDueCheck> {
  const rows = await listOpenDues(db, scope);
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = async (province: string) => {
    let cal = calendars.get(province);
    if (!cal) calendars.set(province, (cal = await loadCalendar(db, province)));
    return cal;
  };
  const differences: DueDifference[] = [];
  const notRecomputed: OpenDueCheck['notRecomputed'] = [];
  for (const row of rows) {
    if (row.set_at === null || row.reason === null || !RECOMPUTABLE.has(row.reason)) {
      notRecomputed.push({ code: row.code, reason: row.reason ?? 'import' });
      continue;
    }
    const cal = await calendarOf(row.province_code);
    const currentDue = cal.due(row.set_at, limitOf(row));
    if (currentDue === row.due_at) continue;
    const days = Math.round(cal.workingMillisBetween(row.due_at, currentDue) / cal.workingDayMillis);
    differences.push({
      code: row.code,
      unitCode: row.unit_code,
      provinceCode: row.province_code,
      procedureCode: row.procedure_code,
      reason: row.reason,
      storedDue: row.due_at,
      currentDue,
      workingDays: days,
    });
  }
  return { checked: rows.length, differences, notRecomputed };
}

const limitOf = (row: OpenDue) => ({
  value: row.limit_value,
  unit: row.limit_unit as LimitUnit,
  ...(row.limit_cutoff ? { cutoff: row.limit_cutoff } : {}),
});
