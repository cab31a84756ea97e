import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Imported dossiers keep the history recorded by the former system on their own row (`imported_actions`, a JSON
 * array of the actions derived from the legacy events) instead of one dossier_actions row per event: the legacy
 * import writes about a third as many rows. Actions taken in MộtCửa afterwards are dossier_actions rows numbered
 * after them; `listActions` reads both (docs/REPORTS.md §6).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('dossiers').addColumn('imported_actions', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('dossiers').dropColumn('imported_actions').execute();
}
