import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type { ProcedureRoutingRow } from './procedure.table.ts';

type Db = Kysely<Database>;

const communeScope = (provinceCode: string, unitCode: string): Scope => ({
  kind: 'unit',
  provinceCode,
  unitCode,
});

/** A commune's routing rule for one procedure, if its leader set one. */
export function findRoutingRule(
  db: Db,
  commune: { provinceCode: string; unitCode: string },
  procedureCode: string,
): Promise<ProcedureRoutingRow | undefined> {
  return withinScope(
    db.selectFrom('procedure_routing').selectAll().where('procedure_code', '=', procedureCode),
    communeScope(commune.provinceCode, commune.unitCode),
  ).executeTakeFirst();
}

/** Every rule a commune's leader set, by procedure code. */
export function listRoutingRules(
  db: Db,
  commune: { provinceCode: string; unitCode: string },
): Promise<ProcedureRoutingRow[]> {
  return withinScope(
    db.selectFrom('procedure_routing').selectAll().orderBy('procedure_code'),
    communeScope(commune.provinceCode, commune.unitCode),
  ).execute();
}

export async function upsertRoutingRule(db: Db, row: ProcedureRoutingRow): Promise<void> {
  const { unit_code: _u, procedure_code: _p, province_code: _pr, ...rest } = row;
  await db
    .insertInto('procedure_routing')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'procedure_code']).doUpdateSet(rest))
    .execute();
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
