import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The fields (lĩnh vực) a specialist is qualified for; a specialist with none listed handles every field. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('staff_fields')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_fields_pk', ['user_id', 'field'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('staff_fields').ifExists().execute();
}
