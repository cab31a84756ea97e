import type { z } from 'zod';
import type { ProcedureRow } from './procedure.table.ts';
import type { ZProcedureItem } from './procedure.schemas.ts';
import { adviseCompetence } from './procedure.service.ts';
import { limitFor } from './procedure.model.ts';
import { parseAreaLimit, type AreaClass } from '../../shared/area/area-limit.ts';
import type { EffectiveTerms } from './procedure-override.service.ts';

/**
 * A procedure as a province sees it: the national entry (limit, competence, agency: never overridden) with the
 * province's fee, notes and extra components when it has an override, and which fields came from it. Given the
 * commune's area classes, also the limit intake will apply there (the area limit of a mountainous commune…).
 */
export function presentProcedure(
  row: ProcedureRow,
  terms: EffectiveTerms,
  areaClasses: readonly AreaClass[] | null = null,
): z.infer<typeof ZProcedureItem> {
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    level: row.competence,
    competentAgency: row.competent_agency,
    onlineLevel: row.online_level,
    limit: { value: row.limit_value, unit: row.limit_unit, cutoff: row.limit_cutoff },
    areaLimit: parseAreaLimit(row.area_limit),
    appliedLimit: areaClasses === null ? null : limitFor(row, areaClasses),
    fee: terms.fee.amount,
    feeText: terms.fee.text,
    notes: terms.notes,
    components: terms.components,
    route: adviseCompetence(row).route,
    override: terms.override,
  };
}
