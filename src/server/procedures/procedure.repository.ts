import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type {
  NewProcedure,
  NewProcedureOverride,
  ProcedureOverrideRow,
  ProcedureRow,
} from './procedure.table.ts';

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

/**
 * A province's overrides are that province's rows: every read is limited to it by the tenant helper (the table
 * carries `province_code`, no `unit_code`).
 */
const provinceScope = (provinceCode: string): Scope => ({ kind: 'province', provinceCode });

/** The override of a procedure in force in a province (its newest version), if any. */
export function findCurrentOverride(
  db: Db,
  provinceCode: string,
  procedureCode: string,
): Promise<ProcedureOverrideRow | undefined> {
  return withinScope(
    db
      .selectFrom('procedure_overrides')
      .selectAll()
      .where('procedure_code', '=', procedureCode)
      .orderBy('version', 'desc')
      .limit(1),
    provinceScope(provinceCode),
  ).executeTakeFirst();
}

/** Every version of a procedure's override in a province, newest first. */
export function listOverrideVersions(
  db: Db,
  provinceCode: string,
  procedureCode: string,
): Promise<ProcedureOverrideRow[]> {
  return withinScope(
    db
      .selectFrom('procedure_overrides')
      .selectAll()
      .where('procedure_code', '=', procedureCode)
      .orderBy('version', 'desc'),
    provinceScope(provinceCode),
  ).execute();
}

/** The override in force of every procedure a province has overridden (the newest version of each). */
export function listCurrentOverrides(db: Db, provinceCode: string): Promise<ProcedureOverrideRow[]> {
  return withinScope(
    db
      .selectFrom('procedure_overrides as o')
      .selectAll('o')
      .where((eb) =>
        eb(
          'o.version',
          '=',
          eb
            .selectFrom('procedure_overrides as l')
            .select((l) => l.fn.max('l.version').as('v'))
            .whereRef('l.province_code', '=', 'o.province_code')
            .whereRef('l.procedure_code', '=', 'o.procedure_code'),
        ),
      ),
    provinceScope(provinceCode),
    'o',
  ).execute();
}

/** Appends a version (the primary key refuses a second writer of the same version). */
export async function insertOverride(db: Db, row: NewProcedureOverride): Promise<void> {
  await db.insertInto('procedure_overrides').values(row).execute();
}

/**
 * How many dossiers of each procedure this officer received (their own intake actions), most used first: the
 * procedure search ranks these next after exact matches. Read keyed by the officer's own id.
 */
export async function mostUsedProcedures(db: Db, scope: Scope, actorId: string, limit = 50) {
  const rows = await withinScope(
    db
      .selectFrom('dossiers')
      .innerJoin('dossier_actions', 'dossier_actions.dossier_id', 'dossiers.id')
      .select(['dossiers.procedure_code as code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('dossier_actions.seq', '=', 1)
      .where('dossier_actions.actor_id', '=', actorId)
      .groupBy('dossiers.procedure_code')
      .orderBy('n', 'desc')
      .limit(limit),
    scope,
    'dossiers',
  ).execute();
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
