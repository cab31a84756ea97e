/**
 * Pass 1 of the legacy import: validates every line (streamed), resolves unit codes, and collects what pass 2
 * needs besides the lines themselves: the procedures to register and the fields of each commune.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { findUnitByCode, resolveUnitCode } from '../units/unit.service.ts';
import { validateLegacyLine, type LegacyDossier } from './legacy.format.ts';
import { forEachLine, type LineProgress } from './read-lines.ts';

export interface LineError {
  line: number;
  reason: string;
}

export interface ResolvedUnit {
  code: string;
  provinceCode: string;
}

export interface FieldSeen {
  unitCode: string;
  provinceCode: string;
  field: string;
  firstLine: number;
  minReceivedAt: number;
}

export interface ImportPlan {
  lines: number;
  dossiers: number;
  errors: LineError[];
  /** Given unit code → the current commune (null: unknown). */
  units: Map<string, ResolvedUnit | null>;
  /** Procedure code → name and field of its first line. */
  procedures: Map<string, { name: string; field: string }>;
  fields: Map<string, FieldSeen>;
}

const isBlank = (text: string): boolean => text.trim() === '';

async function resolveUnit(db: Kysely<Database>, code: string): Promise<ResolvedUnit | null> {
  const current = await resolveUnitCode(db, code);
  if (current === null) return null;
  const unit = await findUnitByCode(db, current);
  return unit ? { code: unit.code, provinceCode: unit.provinceCode } : null;
}

function collect(plan: ImportPlan, d: LegacyDossier, unit: ResolvedUnit): void {
  plan.dossiers += 1;
  if (!plan.procedures.has(d.procedureCode))
    plan.procedures.set(d.procedureCode, { name: d.procedureName, field: d.field });
  const key = `${unit.code}\u0000${d.field}`;
  const seen = plan.fields.get(key);
  if (!seen)
    plan.fields.set(key, {
      unitCode: unit.code,
      provinceCode: unit.provinceCode,
      field: d.field,
      firstLine: d.line,
      minReceivedAt: d.receivedAt,
    });
  else if (d.receivedAt < seen.minReceivedAt) seen.minReceivedAt = d.receivedAt;
}

/** Reads the whole file once; nothing is written. */
export async function planImport(
  db: Kysely<Database>,
  file: string,
  onProgress?: (p: LineProgress) => void,
): Promise<ImportPlan> {
  const plan: ImportPlan = {
    lines: 0,
    dossiers: 0,
    errors: [],
    units: new Map(),
    procedures: new Map(),
    fields: new Map(),
  };
  const codes = new Map<string, number>();
  const onLine = async (text: string, line: number): Promise<void> => {
    if (isBlank(text)) return;
    const result = validateLegacyLine(text, line);
    if (!result.ok) {
      plan.errors.push({ line, reason: result.issues.join('; ') });
      return;
    }
    const d = result.value;
    const issues: string[] = [];
    const first = codes.get(d.code);
    if (first !== undefined) issues.push(`code: "${d.code}" repeats line ${first}`);
    else codes.set(d.code, line);
    let unit = plan.units.get(d.unitCode);
    if (unit === undefined) {
      unit = await resolveUnit(db, d.unitCode);
      plan.units.set(d.unitCode, unit);
    }
    if (unit === null) issues.push(`unitCode: unknown commune "${d.unitCode}"`);
    if (issues.length > 0) plan.errors.push({ line, reason: issues.join('; ') });
    else if (unit) collect(plan, d, unit);
  };
  plan.lines = await forEachLine(file, onLine, onProgress);
  return plan;
}

export { isBlank };
