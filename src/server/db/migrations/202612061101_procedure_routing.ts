import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * How a commune routes each procedure after intake (issue 12 item 3), set by the commune's leader: resolved at
 * the counter, auto-assigned to the least-loaded qualified specialist, or assigned by the leader (the default,
 * when a procedure has no row). One row per commune and procedure; not the national catalog.
 * Leave dates on an account: an officer on leave is skipped by auto-assign and their open dossiers can be
 * reassigned (both nullable, ISO dates `yyyy-MM-dd`, inclusive, Vietnam's calendar).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('procedure_routing')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('counter_signs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('authorisation_ref', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_routing_pk', ['unit_code', 'procedure_code'])
    .execute();
  await db.schema.alterTable('users').addColumn('leave_from', 'text').execute();
  await db.schema.alterTable('users').addColumn('leave_until', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').dropColumn('leave_until').execute();
  await db.schema.alterTable('users').dropColumn('leave_from').execute();
  await db.schema.dropTable('procedure_routing').ifExists().execute();
}
