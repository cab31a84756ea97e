import type { Kysely } from 'kysely';

// Migrations are typed against Kysely<any>, never the app's current types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Reports (issue 5):
 * - `dossiers_province_ended`: the carried-over part of a province report reads dossiers by province and end
 *   instant (the commune report uses the existing `dossiers_unit_ended`).
 * - `report_unit_fields`: the fields (lĩnh vực) of each commune in the order MộtCửa first recorded them
 *   (import line order); a report lists its fields in this order (see docs/REPORTS.md).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('dossiers_province_ended')
    .on('dossiers')
    .columns(['province_code', 'ended_at'])
    .execute();

  await db.schema
    .createTable('report_unit_fields')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('first_seen_seq', 'bigint', (c) => c.notNull())
    .addColumn('min_received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_unit_fields_pk', ['unit_code', 'field'])
    .execute();
  await db.schema
    .createIndex('report_unit_fields_province')
    .on('report_unit_fields')
    .column('province_code')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_unit_fields').ifExists().execute();
  await db.schema.dropIndex('dossiers_province_ended').ifExists().execute();
}
