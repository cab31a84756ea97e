import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A province's additions to a national procedure (src/server/procedures/procedure-override.*): its own fee, notes
 * and extra components, never the legal limit or the competence (those columns do not exist here). Every edit is
 * a new version; the newest version of (province, procedure) is in force, the older ones are its history. The
 * primary key makes two writers of the same version collide, so a lost update is impossible (409).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('procedure_overrides')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fee_amount', 'bigint')
    .addColumn('fee_note', 'text')
    .addColumn('notes', 'text')
    .addColumn('extra_components', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_overrides_pk', ['province_code', 'procedure_code', 'version'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('procedure_overrides').ifExists().execute();
}
