import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The citizens' portal (docs/PORTAL.md). `portal_uploads`: a file being uploaded in chunks (resumable), its bytes in
 * a part file under the file store until the submission takes it; `received` is the offset the next chunk must
 * start at. `procedure_form_templates`: a blank form (Mẫu đơn) an administrator attached to a component of a
 * national procedure, the file itself in the file store.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('portal_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_uploads_created').on('portal_uploads').column('created_at').execute();
  await db.schema
    .createTable('procedure_form_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('procedure_form_templates_component', ['procedure_code', 'component'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('procedure_form_templates').ifExists().execute();
  await db.schema.dropTable('portal_uploads').ifExists().execute();
}
