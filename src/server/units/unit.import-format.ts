import { EXPECTED_TOTALS } from './unit.clean.ts';
import type { ImportReport } from './unit.import.ts';
import { CORRECTION_KINDS } from './unit.report.ts';

const n = (value: number): string => value.toLocaleString('en-US');

/** A readable summary of an import for the operator (the full list of corrections stays in the change set). */
export function formatImportReport(report: ImportReport, options: { examples?: number } = {}): string {
  const examples = options.examples ?? 2;
  const t = report.totals;
  const verb =
    report.status === 'imported' ? 'imported' : 'already imported from the same data: nothing written';
  const lines = [
    `Units change set ${report.changeSetId} (effective ${report.effectiveDate}): ${verb} in ${n(report.durationMs)} ms`,
    `Source: ${report.source}`,
    `Provinces: ${n(t.provinces)} (${n(t.provinceTypes.province)} tỉnh, ${n(t.provinceTypes.city)} thành phố); expected ${EXPECTED_TOTALS.provinces}`,
    `Communes: ${n(t.communes)} (${n(t.communeTypes.commune)} xã, ${n(t.communeTypes.ward)} phường, ` +
      `${n(t.communeTypes.special_zone)} đặc khu); expected ${n(EXPECTED_TOTALS.communes)} ` +
      `(${n(EXPECTED_TOTALS.commune)}/${EXPECTED_TOTALS.ward}/${EXPECTED_TOTALS.special_zone})`,
    `Former units: ${n(t.lineageRows)} lineage rows (${n(t.formerUnitsWithoutCode)} without a known code, ` +
      `${n(t.splitRows)} parts of split units)`,
    `Rows written: ${n(report.rowsWritten.versions)} unit versions, ${n(report.rowsWritten.lineage)} lineage rows`,
    `Corrections: ${n(report.corrections.length)}`,
  ];
  for (const kind of CORRECTION_KINDS) {
    const count = report.counts[kind];
    lines.push(`  ${kind.padEnd(26)} ${n(count).padStart(6)}`);
    for (const c of report.corrections.filter((x) => x.kind === kind).slice(0, count > 0 ? examples : 0))
      lines.push(`      e.g. ${c.record} ${c.field}: ${c.before ?? '∅'} → ${c.after ?? '∅'} (${c.reason})`);
  }
  lines.push(`Cross-check notes (kept the primary value): ${report.crossCheckNotes.length}`);
  for (const note of report.crossCheckNotes)
    lines.push(
      `  ${note.record} ${note.field}: ${note.primary ?? '∅'} vs ${note.crossCheck ?? '∅'}: ${note.decision}`,
    );
  lines.push(`Communes without former units: ${report.unitsWithoutFormerUnits.join(', ') || 'none'}`);
  lines.push(`Discrepancies: ${report.discrepancies.length === 0 ? 'none' : ''}`);
  for (const d of report.discrepancies) lines.push(`  ${d}`);
  return lines.join('\n');
}
