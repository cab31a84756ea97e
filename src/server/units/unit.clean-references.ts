import type { CleanCommune, CleanLineage } from './unit.clean-lineage.ts';
import type { UnitAreaClassification, UnitProfile, UnitReference } from './unit.profiles.ts';
import type { CleaningLog } from './unit.report.ts';

const describe = (row: CleanLineage): string => `${row.formerCode ?? '(no code)'} ${row.formerName}`;

/** Brings the lineage of one referenced commune in line with the reference (complete list of former units). */
function checkLineage(log: CleaningLog, lineage: CleanLineage[], ref: UnitReference): CleanLineage[] {
  if (ref.formerUnits === null) return lineage;
  const record = `reference#${ref.code}`;
  const expected = new Map(ref.formerUnits.map((f) => [f.code, f]));
  const reason = `${ref.name}: ${ref.source}`;
  const kept = lineage.filter((row) => {
    if (row.currentCode !== ref.code || (row.formerCode !== null && expected.has(row.formerCode)))
      return true;
    log.correct(
      'lineage_removed',
      record,
      'former_code',
      describe(row),
      null,
      `${reason} (row ${row.record})`,
    );
    return false;
  });
  for (const former of ref.formerUnits) {
    if (kept.some((r) => r.formerCode === former.code && r.currentCode === ref.code)) continue;
    const elsewhere = kept.find((r) => r.formerCode === former.code && !r.partial);
    if (elsewhere) {
      log.correct(
        'lineage_retargeted',
        elsewhere.record,
        'new_ward_code',
        elsewhere.currentCode,
        ref.code,
        reason,
      );
      elsewhere.currentCode = ref.code;
      continue;
    }
    log.correct('lineage_added', record, 'former_code', null, `${former.code} ${former.name}`, reason);
    kept.push({
      formerCode: former.code,
      formerName: former.name,
      formerDistrictName: former.districtName,
      formerProvinceName: former.provinceName,
      currentCode: ref.code,
      partial: false,
      record,
    });
  }
  return kept;
}

export interface ReferenceOutcome {
  lineage: CleanLineage[];
  profiles: Map<string, UnitProfile>;
  areaClassifications: Map<string, UnitAreaClassification>;
  discrepancies: string[];
}

/** Applies the shipped reference data: lineage checks (with corrections) and profile figures. */
export function applyReferences(
  log: CleaningLog,
  communes: CleanCommune[],
  lineage: CleanLineage[],
  references: readonly UnitReference[],
): ReferenceOutcome {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const profiles = new Map<string, UnitProfile>();
  const areaClassifications = new Map<string, UnitAreaClassification>();
  const discrepancies: string[] = [];
  let rows = lineage;
  for (const ref of references) {
    const commune = byCode.get(ref.code);
    if (!commune || commune.provinceCode !== ref.provinceCode) {
      discrepancies.push(
        `reference unit ${ref.code} ${ref.name} (province ${ref.provinceCode}) is not a current commune`,
      );
      continue;
    }
    rows = checkLineage(log, rows, ref);
    if (ref.profile) profiles.set(ref.code, ref.profile);
    if (ref.areaClassification) areaClassifications.set(ref.code, ref.areaClassification);
  }
  return { lineage: rows, profiles, areaClassifications, discrepancies };
}
