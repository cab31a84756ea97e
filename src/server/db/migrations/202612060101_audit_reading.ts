import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Reading the audit log (GET /api/audit, docs/SECURITY.md "Reading the audit log"): each entry carries the
 * province it belongs to as `province_code`, so that the tenant boundary (platform/tenant.ts `withinScope`) limits
 * a province inspector to its province's entries like every other tenant table. It is the entry's chain ('' for
 * the system's), set on every write and checked by `audit verify` (the chain itself is what the hash covers).
 * The indexes serve the log newest first, keyset-paginated on (at, hash), all of it or one province's.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('province_code', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update audit_log set province_code = chain`.execute(db);
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'hash']).execute();
  await db.schema
    .createIndex('audit_log_province_at')
    .on('audit_log')
    .columns(['province_code', 'at', 'hash'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('audit_log_province_at').ifExists().execute();
  await db.schema.dropIndex('audit_log_at').ifExists().execute();
  await db.schema.alterTable('audit_log').dropColumn('province_code').execute();
}
