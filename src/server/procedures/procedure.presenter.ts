import type { z } from 'zod';
import type { ProcedureRow } from './procedure.table.ts';
import type { ZProcedureItem } from './procedure.schemas.ts';
import { adviseCompetence } from './procedure.service.ts';
import type { CatalogComponent } from './catalog-data/catalog.types.ts';

export function presentProcedure(row: ProcedureRow): z.infer<typeof ZProcedureItem> {
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    level: row.competence,
    competentAgency: row.competent_agency,
    onlineLevel: row.online_level,
    limit: { value: row.limit_value, unit: row.limit_unit, cutoff: row.limit_cutoff },
    fee: row.fee_amount,
    feeText: row.fee_text,
    components: JSON.parse(row.components) as CatalogComponent[],
    route: adviseCompetence(row).route,
  };
}
