import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The background job runner's state, one row per job (src/server/jobs/): when it runs next, who holds its lease,
 * and how its last run went. A run is claimed by a conditional UPDATE on this row, so two server processes on
 * one database never run the same job at once. Idempotency keys get an index for their purge by age.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('locked_by', 'text')
    .addColumn('last_started_at', 'bigint')
    .addColumn('last_finished_at', 'bigint')
    .addColumn('last_outcome', 'text')
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created')
    .on('idempotency_keys')
    .column('created_at')
    .execute();
  await db.schema.createIndex('sessions_expires').ifNotExists().on('sessions').column('expires_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sessions_expires').ifExists().execute();
  await db.schema.dropIndex('idempotency_keys_created').ifExists().execute();
  await db.schema.dropTable('job_runs').ifExists().execute();
}
