import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The applicant's satisfaction with a dossier's handling (1 very dissatisfied … 5 very satisfied), at most one
 * rating per dossier and source: recorded at the counter when the result is delivered, later also from the public
 * portal. Decision 766 indicator 5.4 counts a dossier rated 1-2 as not satisfied.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dossier_ratings')
    .addColumn('dossier_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_ratings_pk', ['dossier_id', 'source'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_ratings').ifExists().execute();
}
