import type { z } from 'zod';
import type { ZOverrideVersion, ZOverrideView } from './procedure-override.schemas.ts';
import { valuesOf, type OverrideHistory } from './procedure-override.service.ts';
import type { ProcedureOverrideRow } from './procedure.table.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

export function presentOverrideVersion(row: ProcedureOverrideRow): z.infer<typeof ZOverrideVersion> {
  return {
    version: row.version,
    ...valuesOf(row),
    effectiveFrom: iso(Number(row.effective_from)),
    createdBy: row.created_by,
    createdAt: iso(Number(row.created_at)),
  };
}

export function presentOverrideView(
  procedureCode: string,
  provinceCode: string,
  h: OverrideHistory,
  canEdit: boolean,
): z.infer<typeof ZOverrideView> {
  return {
    procedureCode,
    provinceCode,
    version: h.version,
    current: h.current ? presentOverrideVersion(h.current) : null,
    history: h.history.map(presentOverrideVersion),
    canEdit,
  };
}
