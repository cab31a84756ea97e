import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewProcedure, ProcedureRow } from './procedure.table.ts';

type Db = Kysely<Database>;

export function findProcedure(db: Db, code: string): Promise<ProcedureRow | undefined> {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface ProcedureFilter {
  field?: string;
  competence?: string;
  qFolded?: string;
  includeInactive?: boolean;
}

export function listProcedures(db: Db, filter: ProcedureFilter = {}): Promise<ProcedureRow[]> {
  let q = db.selectFrom('procedures').selectAll().orderBy('field').orderBy('name');
  if (!filter.includeInactive) q = q.where('active', '=', 1);
  if (filter.field) q = q.where('field', '=', filter.field);
  if (filter.competence) q = q.where('competence', '=', filter.competence);
  if (filter.qFolded) {
    const like = `%${filter.qFolded.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('name_folded', 'like', like), eb('code', 'like', like), eb('keywords', 'like', like)]),
    );
  }
  return q.execute();
}

/** Inserts or replaces procedures by code (one statement per row; the catalog is small). */
export async function upsertProcedures(db: Db, rows: NewProcedure[]): Promise<void> {
  for (const row of rows) {
    const { code: _code, ...rest } = row;
    await db
      .insertInto('procedures')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(rest))
      .execute();
  }
}

export async function countProcedures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
