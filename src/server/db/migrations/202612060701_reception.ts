import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Citizen reception (tiếp công dân; docs/RECEPTION.md): a commune's weekly reception slots and their dated
 * exceptions (Law on Citizen Reception 2013 Art. 15.2.d, Art. 24), and the reception register (Art. 25.2), each
 * row with its tenant keys.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reception_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('from_time', 'text', (c) => c.notNull())
    .addColumn('to_time', 'text', (c) => c.notNull())
    .addColumn('host_role', 'text', (c) => c.notNull())
    .addColumn('host_name', 'text', (c) => c.notNull())
    .addColumn('host_title', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reception_slots_unit').on('reception_slots').column('unit_code').execute();

  await db.schema
    .createTable('reception_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_time', 'text')
    .addColumn('to_time', 'text')
    .addColumn('host_role', 'text')
    .addColumn('host_name', 'text')
    .addColumn('host_title', 'text')
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reception_exceptions_unit_date')
    .on('reception_exceptions')
    .columns(['unit_code', 'date'])
    .execute();

  await db.schema
    .createTable('receptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.references('users.id'))
    .addColumn('officer_name', 'text', (c) => c.notNull())
    .addColumn('citizen_name', 'text', (c) => c.notNull())
    .addColumn('citizen_id_number', 'text')
    .addColumn('citizen_address', 'text')
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('forwarded_to', 'text')
    .addColumn('petition_id', 'text', (c) => c.references('petitions.id'))
    .addColumn('reply_by', 'bigint')
    .addColumn('replied_at', 'bigint')
    .addColumn('reply_note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('receptions_unit_received')
    .on('receptions')
    .columns(['unit_code', 'received_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('receptions').ifExists().execute();
  await db.schema.dropTable('reception_exceptions').ifExists().execute();
  await db.schema.dropTable('reception_slots').ifExists().execute();
}
