import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Complaints, denunciations and feedback (DOMAIN.md §5; docs/PETITIONS.md): one row per petition with its current
 * state and deadlines, and an append-only action log, written together in one transaction like dossiers.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('complex', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('remote', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.references('dossiers.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('petitioner_name', 'text', (c) => c.notNull())
    .addColumn('petitioner_id_number', 'text')
    .addColumn('petitioner_phone', 'text')
    .addColumn('petitioner_address', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('known_at', 'bigint')
    .addColumn('lodged_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('respond_by', 'bigint', (c) => c.notNull())
    .addColumn('info_by', 'bigint')
    .addColumn('accepted_at', 'bigint')
    .addColumn('due_at', 'bigint')
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'bigint')
    .addColumn('conclusion', 'text')
    .addColumn('result', 'text')
    .addColumn('publish_by', 'bigint')
    .addColumn('published_at', 'bigint')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('petitions_unit_received')
    .on('petitions')
    .columns(['unit_code', 'received_at'])
    .execute();
  await db.schema
    .createIndex('petitions_unit_status')
    .on('petitions')
    .columns(['unit_code', 'status'])
    .execute();
  await db.schema.createIndex('petitions_dossier').on('petitions').column('dossier_id').execute();

  await db.schema
    .createTable('petition_actions')
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_actions_pk', ['petition_id', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('petition_actions').ifExists().execute();
  await db.schema.dropTable('petitions').ifExists().execute();
}
