import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Leaders' tasks under the "six clear" principle (DOMAIN.md §5; docs/TASKS.md): person, work, time,
 * responsibility, product and authority on every row, and an append-only action log.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('work', 'text', (c) => c.notNull())
    .addColumn('responsibility', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('collaborators', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.references('dossiers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint')
    .addColumn('product_note', 'text')
    .addColumn('ended_at', 'bigint')
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tasks_unit_status')
    .on('tasks')
    .columns(['unit_code', 'status', 'due_at'])
    .execute();
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_id', 'status']).execute();

  await db.schema
    .createTable('task_actions')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_actions_pk', ['task_id', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('task_actions').ifExists().execute();
  await db.schema.dropTable('tasks').ifExists().execute();
}
