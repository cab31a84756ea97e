/** All SQL of the calendars: the versioned overrides of the national calendar ('VN') and of each province. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CalendarVersionRow, NewCalendarVersion } from './calendar.table.ts';

type Db = Kysely<Database>;

/** The newest version of a scope's override, if any. */
export function latestVersion(db: Db, scope: string): Promise<CalendarVersionRow | undefined> {
  return db
    .selectFrom('calendar_versions')
    .selectAll()
    .where('scope', '=', scope)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: NewCalendarVersion): Promise<void> {
  await db.insertInto('calendar_versions').values(row).execute();
}

/** Every version of a scope's override, newest first. */
export function listVersions(db: Db, scope: string): Promise<CalendarVersionRow[]> {
  return db
    .selectFrom('calendar_versions')
    .selectAll()
    .where('scope', '=', scope)
    .orderBy('version', 'desc')
    .execute();
}
