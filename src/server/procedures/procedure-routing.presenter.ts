import { counterMaySign, DEFAULT_ROUTING_MODE, type RoutingMode } from '../../shared/dossier/routing.ts';
import type { TRoutingRule } from './procedure-routing.schemas.ts';
import type { ProcedureRoutingRow } from './procedure.table.ts';

/** A procedure's routing in a commune: its leader's rule, or the default (the leader assigns). */
export function presentRoutingRule(
  procedure: { code: string; name: string; field: string },
  row: ProcedureRoutingRow | undefined,
): TRoutingRule {
  return {
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    mode: (row?.mode as RoutingMode | undefined) ?? DEFAULT_ROUTING_MODE,
    counterSigns: row?.counter_signs === 1,
    authorisationRef: row?.authorisation_ref ?? null,
    counterMaySign: counterMaySign(procedure.field),
    updatedBy: row?.updated_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}
