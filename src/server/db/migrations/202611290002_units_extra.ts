import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../../shared/text/fold.ts';
import { dialectOf } from '../dialect.ts';

// Migrations are typed against Kysely<any>, never the app's current types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Unit lineage, second step:
 * - `former_code` becomes nullable: the 2025 mapping names ~770 former units (abolished in the 2019-2025
 *   rounds or split) without a code; they are kept so that a search by their name still finds the current unit.
 * - `former_name_folded`: the folded search key of the former name (search by former names).
 * - `partial` (0/1): the former unit was split and only part of it went to this current unit; code resolution
 *   prefers the row with partial = 0.
 * SQLite cannot drop a NOT NULL constraint, so the table is rebuilt there (rows copied).
 */
export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table unit_lineage alter column former_code drop not null`.execute(db);
    await db.schema
      .alterTable('unit_lineage')
      .addColumn('former_name_folded', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('unit_lineage')
      .addColumn('partial', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  } else {
    await createLineageTable(db, 'unit_lineage_next');
    await sql`insert into unit_lineage_next (id, former_code, former_name, former_name_folded, former_district_name,
      former_province_name, current_code, effective_from, change_set_id, partial)
      select id, former_code, former_name, '', former_district_name, former_province_name,
        current_code, effective_from, change_set_id, 0 from unit_lineage`.execute(db);
    await db.schema.dropTable('unit_lineage').execute();
    await db.schema.alterTable('unit_lineage_next').renameTo('unit_lineage').execute();
    await db.schema.createIndex('unit_lineage_former').on('unit_lineage').column('former_code').execute();
    await db.schema.createIndex('unit_lineage_current').on('unit_lineage').column('current_code').execute();
  }
  await db.schema
    .createIndex('unit_versions_type')
    .on('unit_versions')
    .columns(['type', 'valid_to'])
    .execute();
  await refoldFormerNames(db);
}

/** Fills the folded key of rows that existed before this migration (none on a fresh database). */
async function refoldFormerNames(db: AnyDb): Promise<void> {
  const rows = (await db.selectFrom('unit_lineage').select(['id', 'former_name']).execute()) as {
    id: string;
    former_name: string;
  }[];
  for (const row of rows) {
    await db
      .updateTable('unit_lineage')
      .set({ former_name_folded: foldVietnamese(row.former_name) })
      .where('id', '=', row.id)
      .execute();
  }
}

async function createLineageTable(db: AnyDb, name: string): Promise<void> {
  await db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('former_code', 'text')
    .addColumn('former_name', 'text', (c) => c.notNull())
    .addColumn('former_name_folded', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('former_district_name', 'text')
    .addColumn('former_province_name', 'text')
    .addColumn('current_code', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('change_set_id', 'text', (c) => c.notNull().references('unit_change_sets.id'))
    .addColumn('partial', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('unit_versions_type').ifExists().execute();
  await db.deleteFrom('unit_lineage').where('former_code', 'is', null).execute();
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('unit_lineage').dropColumn('partial').execute();
    await db.schema.alterTable('unit_lineage').dropColumn('former_name_folded').execute();
    await sql`alter table unit_lineage alter column former_code set not null`.execute(db);
    return;
  }
  await db.schema.alterTable('unit_lineage').dropColumn('partial').execute();
  await db.schema.alterTable('unit_lineage').dropColumn('former_name_folded').execute();
}
