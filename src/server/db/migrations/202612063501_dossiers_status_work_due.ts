import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The queue tabs that filter by status ("awaiting acceptance", "awaiting approval") in due order. Without these the
 * planners walked (unit_code, work_due_at) over every open dossier of the unit and read each row for its status: at
 * 4,000 open dossiers in a commune the two tabs' counts cost 12 ms and 9 ms a request, and the polled counts alone
 * overloaded the 2,000-user mix (docs/PERFORMANCE.md). Per unit for officers, per province for supervisors.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('dossiers_unit_status_work_due')
    .on('dossiers')
    .columns(['unit_code', 'status', 'work_due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('dossiers_province_status_work_due')
    .on('dossiers')
    .columns(['province_code', 'status', 'work_due_at', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossiers_unit_status_work_due').ifExists().execute();
  await db.schema.dropIndex('dossiers_province_status_work_due').ifExists().execute();
}
