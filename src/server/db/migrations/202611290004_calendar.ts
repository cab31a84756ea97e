import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Every edit of a calendar is a new version; the latest version of a scope is in force.
  // scope: 'VN' for national overrides, or a province code.
  await db.schema
    .createTable('calendar_versions')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('override', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('calendar_versions_pk', ['scope', 'version'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('calendar_versions').ifExists().execute();
}
