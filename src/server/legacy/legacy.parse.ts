/**
 * One legacy line → everything that can be computed without the database: validation, the derived history and
 * the rows in column order (unit, province and procedure limit left as placeholders). Runs in the parsing worker
 * for large files, in-thread for small ones. Pure.
 */
import { validateLegacyLine } from './legacy.format.ts';
import { deriveHistory } from './legacy.history.ts';
import {
  DOSSIER_COLUMNS,
  dossierRow,
  DUE_COLUMNS,
  dueRows,
  SUSPENSION_COLUMNS,
  suspensionRows,
  valuesOf,
  type ImportContext,
  type Value,
} from './legacy.rows.ts';

export interface ParsedDossier {
  ok: true;
  line: number;
  code: string;
  unitCode: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  receivedAt: number;
  dossier: Value[];
  dues: Value[][];
  suspensions: Value[][];
}

export interface BadLine {
  ok: false;
  line: number;
  reason: string;
}

export type ParsedLine = ParsedDossier | BadLine;

/** null for a blank line (skipped). */
export function parseLine(text: string, line: number, ctx: ImportContext): ParsedLine | null {
  if (text.trim() === '') return null;
  const result = validateLegacyLine(text, line);
  if (!result.ok) return { ok: false, line, reason: result.issues.join('; ') };
  const d = result.value;
  const h = deriveHistory(d);
  const row = dossierRow(ctx, d, h);
  return {
    ok: true,
    line,
    code: d.code,
    unitCode: d.unitCode,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    field: d.field,
    receivedAt: d.receivedAt,
    dossier: valuesOf(DOSSIER_COLUMNS, row),
    dues: dueRows(row.id, h).map((u) => valuesOf(DUE_COLUMNS, u)),
    suspensions: suspensionRows(row.id, h).map((s) => valuesOf(SUSPENSION_COLUMNS, s)),
  };
}
