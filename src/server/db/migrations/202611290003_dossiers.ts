import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('procedures')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('competence', 'text', (c) => c.notNull())
    .addColumn('competent_agency', 'text', (c) => c.notNull())
    .addColumn('limit_value', 'integer', (c) => c.notNull())
    .addColumn('limit_unit', 'text', (c) => c.notNull())
    .addColumn('limit_cutoff', 'text')
    .addColumn('fee_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_text', 'text', (c) => c.notNull())
    .addColumn('online_level', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull()) // catalog | imported | custom
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedures_field').on('procedures').column('field').execute();

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text')
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_address', 'text')
    .addColumn('applicant_email', 'text')
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint')
    .addColumn('due_at', 'bigint')
    .addColumn('clock_stopped_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('end_kind', 'text')
    .addColumn('outcome', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolution_due_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assignee_id', 'text')
    .addColumn('limit_value', 'integer', (c) => c.notNull())
    .addColumn('limit_unit', 'text', (c) => c.notNull())
    .addColumn('limit_cutoff', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  const idx = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('dossiers').columns(columns).execute();
  await idx('dossiers_unit_received', ['unit_code', 'received_at']);
  await idx('dossiers_unit_ended', ['unit_code', 'ended_at']);
  await idx('dossiers_province_received', ['province_code', 'received_at']);
  await idx('dossiers_queue', ['unit_code', 'status', 'due_at']);
  await idx('dossiers_assignee', ['assignee_id', 'status']);

  await db.schema
    .createTable('dossier_actions')
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_actions_pk', ['dossier_id', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier_dues')
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_dues_dossier')
    .on('dossier_dues')
    .columns(['dossier_id', 'set_at'])
    .execute();

  await db.schema
    .createTable('dossier_suspensions')
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('dossier_suspensions_dossier')
    .on('dossier_suspensions')
    .columns(['dossier_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('dossier_code_counters')
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_code_counters_pk', ['agency_code', 'day'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'idempotency_keys',
    'dossier_code_counters',
    'dossier_suspensions',
    'dossier_dues',
    'dossier_actions',
    'dossiers',
    'procedures',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
