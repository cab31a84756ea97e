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
