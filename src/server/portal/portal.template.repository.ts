/** All SQL of the blank forms (Mẫu đơn) attached to a procedure's components; the files are in the file store. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ProcedureFormTemplateRow } from './portal.table.ts';

type Db = Kysely<Database>;

export function listTemplates(db: Db, procedureCode: string): Promise<ProcedureFormTemplateRow[]> {
  return db
    .selectFrom('procedure_form_templates')
    .selectAll()
    .where('procedure_code', '=', procedureCode)
    .execute();
}

export function findTemplate(db: Db, id: string): Promise<ProcedureFormTemplateRow | undefined> {
  return db.selectFrom('procedure_form_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One form per component: the new one replaces the one before (call inside a transaction). */
export async function replaceTemplate(db: Db, row: ProcedureFormTemplateRow): Promise<void> {
  await db
    .deleteFrom('procedure_form_templates')
    .where('procedure_code', '=', row.procedure_code)
    .where('component', '=', row.component)
    .execute();
  await db.insertInto('procedure_form_templates').values(row).execute();
}
