import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Sign-in throttles and the public doors' limits shared by every server process on one database
 * (platform/shared-limits.ts): one row per (bucket, key) holding the counter as JSON, purged once expired.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('shared_limits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('shared_limits_pk', ['bucket', 'key'])
    .execute();
  await db.schema.createIndex('shared_limits_expires').on('shared_limits').column('expires_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('shared_limits').ifExists().execute();
}
