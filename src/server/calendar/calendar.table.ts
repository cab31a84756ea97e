import type { Insertable, Selectable } from 'kysely';

export interface CalendarVersionTable {
  scope: string; // 'VN' (national) or a province code
  version: number;
  override: string; // JSON CalendarOverride
  note: string;
  created_at: number;
  created_by: string | null;
}

export type CalendarVersionRow = Selectable<CalendarVersionTable>;
export type NewCalendarVersion = Insertable<CalendarVersionTable>;
