import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A dossier's result document (docs/ELECTRONIC-RESULTS.md): one row per version. Drafts are uploaded by the
 * specialist or the leader while the dossier is processed; approval adds the signed version (signed = 1, with the
 * signer, the instant and the certificate's SHA-256 fingerprint). The bytes live in the file store, named by their
 * SHA-256. `issued_at` / `downloads` / `first_downloaded_at`: the electronic result given to the citizen.
 *
 * `dossier_result_codes`: the one-time codes a citizen asks for to download the signed result, stored hashed.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dossier_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addColumn('signed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signer', 'text')
    .addColumn('signed_at', 'bigint')
    .addColumn('cert_fingerprint', 'text')
    .addColumn('source_version', 'integer')
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_downloaded_at', 'bigint')
    .addUniqueConstraint('dossier_results_version', ['dossier_id', 'version'])
    .execute();
  await db.schema
    .createIndex('dossier_results_signed')
    .on('dossier_results')
    .columns(['unit_code', 'signed'])
    .execute();

  await db.schema
    .createTable('dossier_result_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('dossier_result_codes_dossier')
    .on('dossier_result_codes')
    .columns(['dossier_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dossier_result_codes').ifExists().execute();
  await db.schema.dropTable('dossier_results').ifExists().execute();
}
