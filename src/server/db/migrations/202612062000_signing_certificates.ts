import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Signing certificates (docs/SIGNING.md): one row per certificate a unit (account_id null) or a leader signs with.
 * `kind` picks the signer (pkcs12 now; pkcs11 and remote keep their settings in `settings`). A pkcs12 row keeps its
 * key material encrypted (AES-256-GCM) under MOTCUA_SIGNING_KEY, which is never in the database. Versioned: a new
 * upload sets `replaced_at` on the active row of the same unit and account; old rows stay, inactive.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('signing_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('users.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('not_after', 'bigint', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('encrypted_key', 'text')
    .addColumn('settings', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('replaced_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('signing_certificates_owner')
    .on('signing_certificates')
    .columns(['unit_code', 'account_id', 'replaced_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('signing_certificates').ifExists().execute();
}
