import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The covering report indexes (202611290005) start with the same columns as these two, so every query that used
 * them uses the covering ones; dropping them saves two index maintenances per dossier write (and two index
 * builds per bulk import).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('dossiers_unit_received').ifExists().execute();
  await db.schema.dropIndex('dossiers_unit_ended').ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('dossiers_unit_received')
    .on('dossiers')
    .columns(['unit_code', 'received_at'])
    .execute();
  await db.schema
    .createIndex('dossiers_unit_ended')
    .on('dossiers')
    .columns(['unit_code', 'ended_at'])
    .execute();
}
