import { foldVietnamese } from '../../shared/text/fold.ts';
import type { CatalogProcedure, LimitUnit } from './catalog-data/catalog.types.ts';
import {
  applicableLimit,
  parseAreaLimit,
  type AppliedLimit,
  type AreaClass,
} from '../../shared/area/area-limit.ts';
import type { NewProcedure, ProcedureRow } from './procedure.table.ts';

/** Catalog entry → row. */
export function toProcedureRow(
  p: CatalogProcedure,
  origin: 'catalog' | 'imported' | 'custom',
  now: number,
): NewProcedure {
  return {
    code: p.code,
    name: p.name.normalize('NFC'),
    name_folded: foldVietnamese(`${p.name} ${(p.keywords ?? []).join(' ')}`),
    field: p.field,
    competence: p.competence,
    competent_agency: p.competentAgency,
    limit_value: p.limit.value,
    limit_unit: p.limit.unit,
    limit_cutoff: p.limit.cutoff ?? null,
    area_limit: p.areaLimit ? JSON.stringify(p.areaLimit) : null,
    fee_amount: p.fee.amount,
    fee_text: p.fee.text,
    online_level: p.onlineLevel,
    components: JSON.stringify(p.components),
    steps: JSON.stringify(p.steps),
    legal_basis: JSON.stringify(p.legalBasis),
    keywords: JSON.stringify(p.keywords ?? []),
    source: p.source,
    source_date: p.sourceDate,
    origin,
    active: 1,
    updated_at: now,
  };
}

/** Row → catalog entry (export, API). */
export function toCatalogProcedure(row: ProcedureRow): CatalogProcedure {
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    competence: row.competence as CatalogProcedure['competence'],
    competentAgency: row.competent_agency,
    limit: {
      value: row.limit_value,
      unit: row.limit_unit as CatalogProcedure['limit']['unit'],
      ...(row.limit_cutoff ? { cutoff: row.limit_cutoff } : {}),
    },
    ...(row.area_limit ? { areaLimit: parseAreaLimit(row.area_limit)! } : {}),
    fee: { amount: row.fee_amount, text: row.fee_text },
    components: JSON.parse(row.components) as CatalogProcedure['components'],
    onlineLevel: row.online_level as CatalogProcedure['onlineLevel'],
    steps: JSON.parse(row.steps) as CatalogProcedure['steps'],
    legalBasis: JSON.parse(row.legal_basis) as string[],
    source: row.source,
    sourceDate: row.source_date,
    keywords: JSON.parse(row.keywords) as string[],
  };
}

/** Procedures a commune decides itself; anything else is forwarded (liên thông) to the competent agency. */
export const isCommuneCompetence = (competence: string): boolean =>
  competence === 'commune' || competence === 'delegated';

/** The limit intake applies to this procedure in a commune of these area classes (shared/area/area-limit.ts). */
export function limitFor(
  row: Pick<ProcedureRow, 'limit_value' | 'limit_unit' | 'limit_cutoff' | 'area_limit'>,
  unitAreaClasses: readonly AreaClass[],
): AppliedLimit {
  return applicableLimit(
    { value: row.limit_value, unit: row.limit_unit as LimitUnit, cutoff: row.limit_cutoff },
    parseAreaLimit(row.area_limit),
    unitAreaClasses,
  );
}
