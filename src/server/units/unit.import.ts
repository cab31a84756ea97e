import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { foldVietnamese } from '../../shared/text/fold.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { cleanUnitData, type CleaningReport, type CleanLineage, type CleanUnitData } from './unit.clean.ts';
import { bareKey } from './unit.names.ts';
import { findChangeSet, insertChangeSet, insertLineage, insertVersions } from './unit.repository.ts';
import { loadUnitSources } from './unit.sources.ts';
import type { NewUnitLineage, NewUnitVersion } from './unit.table.ts';

/** The change set of the 1 July 2025 reorganisation (Resolution 202/2025/QH15 and the UBTVQH resolutions). */
export const BASE_CHANGE_SET = {
  id: 'nq202-2025',
  name: 'Sắp xếp đơn vị hành chính 2025 (Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg)',
  effectiveDate: '2025-07-01',
} as const;

export interface ImportReport extends CleaningReport {
  changeSetId: string;
  effectiveDate: string;
  /** `unchanged`: the change set was already imported from the same data; nothing was written. */
  status: 'imported' | 'unchanged';
  dataHash: string;
  rowsWritten: { versions: number; lineage: number };
  durationMs: number;
}

export interface ImportOptions {
  /** Import even when the totals differ from the expected figures (the discrepancies stay in the report). */
  allowDiscrepancies?: boolean;
  /** The instant recorded as the import's. */
  now: number;
}

/** A stable key for a lineage row: the former code, or its folded name and place when the code is unknown. */
export function lineageId(row: CleanLineage, effectiveFrom: string): string {
  const former =
    row.formerCode ??
    `~${foldVietnamese(row.formerName)}|${foldVietnamese(row.formerDistrictName ?? '')}|${bareKey(row.formerProvinceName ?? '')}`;
  return `${former}>${row.currentCode}@${effectiveFrom}`;
}

export function hashUnitData(data: CleanUnitData): string {
  const { provinces, communes, lineage } = data;
  return createHash('sha256').update(JSON.stringify({ provinces, communes, lineage })).digest('hex');
}

function versionRows(data: CleanUnitData, changeSetId: string, validFrom: string): NewUnitVersion[] {
  const base = { valid_from: validFrom, valid_to: null, change_set_id: changeSetId };
  const provinces = data.provinces.map((p) => ({
    ...base,
    id: `${p.code}@${validFrom}`,
    code: p.code,
    name: p.name,
    name_folded: foldVietnamese(p.name),
    type: p.type,
    province_code: p.code,
    area_km2: null,
    population: null,
    ethnic_minority_share: null,
    area_classes: '[]',
    area_class_source: null,
  }));
  const communes = data.communes.map((c) => ({
    ...base,
    id: `${c.code}@${validFrom}`,
    code: c.code,
    name: c.name,
    name_folded: foldVietnamese(c.name),
    type: c.type,
    province_code: c.provinceCode,
    area_km2: c.profile?.areaKm2 ?? null,
    population: c.profile?.population ?? null,
    ethnic_minority_share: c.profile?.ethnicMinorityShare ?? null,
    area_classes: JSON.stringify(c.areaClassification?.classes ?? []),
    area_class_source: c.areaClassification?.source ?? null,
  }));
  return [...provinces, ...communes];
}

function lineageRows(data: CleanUnitData, changeSetId: string, effectiveFrom: string): NewUnitLineage[] {
  return data.lineage.map((l) => ({
    id: lineageId(l, effectiveFrom),
    former_code: l.formerCode,
    former_name: l.formerName,
    former_name_folded: foldVietnamese(l.formerName),
    former_district_name: l.formerDistrictName,
    former_province_name: l.formerProvinceName,
    current_code: l.currentCode,
    effective_from: effectiveFrom,
    change_set_id: changeSetId,
    partial: l.partial ? 1 : 0,
  }));
}

const ZStoredReport = z.object({ dataHash: z.string() }).loose();

/**
 * Writes the cleaned data as the base change set, inside the caller's transaction. Idempotent: when the change
 * set already exists from the same data nothing is written; from different data it refuses (apply the
 * difference as a new change set instead, see applyUnitChangeSet).
 */
export async function persistUnitImport(
  trx: Kysely<Database>,
  data: CleanUnitData,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const { id, name, effectiveDate } = BASE_CHANGE_SET;
  const dataHash = hashUnitData(data);
  const report = (status: ImportReport['status'], versions: number, lineage: number): ImportReport => ({
    changeSetId: id,
    effectiveDate,
    status,
    dataHash,
    rowsWritten: { versions, lineage },
    durationMs: Math.round(performance.now() - started),
    ...data.report,
  });
  if (data.report.discrepancies.length > 0 && !options.allowDiscrepancies)
    throw new Error(
      `Units import refused, the data has discrepancies:\n  ${data.report.discrepancies.join('\n  ')}`,
    );
  const existing = await findChangeSet(trx, id);
  if (existing) {
    const stored = ZStoredReport.safeParse(JSON.parse(existing.report));
    if (stored.success && stored.data.dataHash === dataHash) return report('unchanged', 0, 0);
    throw new AppError('CONFLICT', {
      params: {
        reason: `change set ${id} was imported from other data; apply the difference as a new change set`,
      },
    });
  }
  const versions = versionRows(data, id, effectiveDate);
  const lineage = lineageRows(data, id, effectiveDate);
  const done = report('imported', versions.length, lineage.length);
  const now = options.now;
  await insertChangeSet(trx, {
    id,
    name,
    effective_date: effectiveDate,
    source: data.report.source,
    report: JSON.stringify(done),
    imported_at: now,
  });
  await insertVersions(trx, versions);
  await insertLineage(trx, lineage);
  return { ...done, durationMs: Math.round(performance.now() - started) };
}

/** `motcua units import`: reads both packages, cleans, and writes everything in one transaction. */
export async function runUnitsImport(db: Kysely<Database>, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const data = cleanUnitData(await loadUnitSources());
  const report = await db.transaction().execute((trx) => persistUnitImport(trx, data, options));
  return { ...report, durationMs: Math.round(performance.now() - started) };
}
export { formatImportReport } from './unit.import-format.ts';
