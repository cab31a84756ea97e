import type { Kysely } from 'kysely';
import {
  DEFAULT_ROUTING_MODE,
  routingRuleRefusal,
  type RoutingMode,
  type RoutingRule,
} from '../../shared/dossier/routing.ts';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../platform/app-error.ts';
import './procedure-routing.messages.ts';
import * as repo from './procedure-routing.repository.ts';
import { getProcedure } from './procedure.service.ts';
import type { ProcedureRoutingRow } from './procedure.table.ts';

type Db = Kysely<Database>;

export interface Commune {
  provinceCode: string;
  unitCode: string;
}

/** The rule in force for a procedure in a commune (the default when its leader set none). */
export async function routingOf(db: Db, commune: Commune, procedureCode: string): Promise<RoutingRule> {
  const row = await repo.findRoutingRule(db, commune, procedureCode);
  return {
    mode: (row?.mode as RoutingMode | undefined) ?? DEFAULT_ROUTING_MODE,
    counterSigns: row?.counter_signs === 1,
    authorisationRef: row?.authorisation_ref ?? null,
  };
}

/**
 * Sets a commune's rule for a procedure (the caller has authorised `routing.edit`), audited in `trx`. A rule the
 * law does not allow (the counter officer signing outside certification, or without the Chairman's authorisation)
 * is refused with 400 naming the field.
 */
export async function setRoutingRule(
  trx: Db,
  actor: Actor,
  commune: Commune,
  procedureCode: string,
  rule: RoutingRule,
  now: number,
): Promise<ProcedureRoutingRow> {
  const procedure = await getProcedure(trx, procedureCode);
  const refusal = routingRuleRefusal(rule, procedure.field);
  if (refusal)
    throw invalidField(
      refusal === 'routing.authorisation_required' ? 'authorisationRef' : 'counterSigns',
      refusal,
      `@${refusal}`,
    );
  const before = await repo.findRoutingRule(trx, commune, procedureCode);
  const row: ProcedureRoutingRow = {
    province_code: commune.provinceCode,
    unit_code: commune.unitCode,
    procedure_code: procedure.code,
    mode: rule.mode,
    counter_signs: rule.counterSigns ? 1 : 0,
    authorisation_ref: rule.counterSigns ? rule.authorisationRef!.trim() : null,
    updated_by: actor.username,
    updated_at: now,
  };
  await repo.upsertRoutingRule(trx, row);
  await appendAudit(
    trx,
    {
      actor,
      action: 'routing.set',
      targetType: 'procedure',
      targetId: procedure.code,
      unitCode: commune.unitCode,
      provinceCode: commune.provinceCode,
      details: {
        from: before ? { mode: before.mode, counterSigns: before.counter_signs === 1 } : null,
        to: {
          mode: row.mode,
          counterSigns: row.counter_signs === 1,
          authorisationRef: row.authorisation_ref,
        },
      },
    },
    now,
  );
  return row;
}

export const listRoutingRules = repo.listRoutingRules;
