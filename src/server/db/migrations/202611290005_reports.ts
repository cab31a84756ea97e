import type { Kysely } from 'kysely';

// Migrations are typed against Kysely<any>, never the app's current types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Reports (issue 5). Covering indexes, so that a period report reads index entries only, never table rows:
 * - `dossiers_report_ended`: the dossiers ended within a period and those in progress at its end E (not ended
 *   before E), with the due and id the in-progress classification needs;
 * - `dossier_dues_unit_set` / `dossier_suspensions_unit_started`: the dues changed after E and the supplement
 *   intervals open at E, read as two small sets per report.
 * `report_unit_fields`: the fields (lĩnh vực) of each commune in the order MộtCửa first recorded them (import
 * line order); a report lists its fields in that order (docs/REPORTS.md).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('dossiers_report_ended')
    .on('dossiers')
    .columns([
      'unit_code',
      'ended_at',
      'received_at',
      'field',
      'channel',
      'end_kind',
      'resolution',
      'due_at',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('dossier_dues_unit_set')
    .on('dossier_dues')
    .columns(['unit_code', 'set_at', 'reason', 'dossier_id'])
    .execute();
  await db.schema
    .createIndex('dossier_suspensions_unit_started')
    .on('dossier_suspensions')
    .columns(['unit_code', 'started_at', 'ended_at', 'dossier_id'])
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
  for (const name of [
    'dossier_suspensions_state',
    'dossier_dues_effective',
    'dossiers_unit_delivered',
    'dossiers_report_ended',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
