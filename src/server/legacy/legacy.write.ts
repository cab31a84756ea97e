/**
 * Pass 2 of the legacy import, inside ONE transaction: registers missing procedures and the communes' fields,
 * then streams the file again and writes each new dossier with its actions, dues and suspensions in batched
 * multi-row inserts. Codes already in the database are skipped (a re-import changes nothing).
 */
import type { Kysely, Transaction } from 'kysely';
import { foldVietnamese } from '../../shared/text/fold.ts';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { ReportUnitFieldTable } from '../reports/report.table.ts';
import { BatchInserter } from './batch-insert.ts';
import { validateLegacyLine, type LegacyDossier } from './legacy.format.ts';
import { deriveHistory, type DerivedHistory } from './legacy.history.ts';
import { isBlank, type ImportPlan } from './legacy.plan.ts';
import {
  ACTION_COLUMNS,
  actionRows,
  DOSSIER_COLUMNS,
  dossierRow,
  DUE_COLUMNS,
  dueRows,
  SUSPENSION_COLUMNS,
  suspensionRows,
  UNKNOWN_LIMIT,
  type ImportContext,
  type Limit,
} from './legacy.rows.ts';
import { forEachLine, type LineProgress } from './read-lines.ts';

type Trx = Transaction<Database>;
type RegistryDb = Kysely<Database & { report_unit_fields: ReportUnitFieldTable }>;

const IN_CHUNK = 900;
const LINE_BATCH = 1000;

export interface WriteOutcome {
  imported: number;
  skipped: number;
  proceduresRegistered: string[];
  fieldsRegistered: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Known procedures keep their limit; unknown ones are registered as `origin: 'imported'` with limit unknown. */
async function registerProcedures(trx: Trx, plan: ImportPlan, ctx: ImportContext) {
  const limits = new Map<string, Limit>();
  for (const codes of chunks([...plan.procedures.keys()], IN_CHUNK)) {
    const rows = await trx
      .selectFrom('procedures')
      .select(['code', 'limit_value', 'limit_unit', 'limit_cutoff'])
      .where('code', 'in', codes)
      .execute();
    for (const r of rows) limits.set(r.code, { value: r.limit_value, unit: r.limit_unit, cutoff: r.limit_cutoff });
  }
  const missing = [...plan.procedures].filter(([code]) => !limits.has(code));
  const sourceDate = new Date(ctx.now + 7 * 3_600_000).toISOString().slice(0, 10);
  for (const batch of chunks(missing, 500)) {
    await trx
      .insertInto('procedures')
      .values(
        batch.map(([code, p]) => ({
          code,
          name: p.name,
          name_folded: foldVietnamese(p.name),
          field: p.field,
          competence: 'commune',
          competent_agency: '',
          limit_value: UNKNOWN_LIMIT.value,
          limit_unit: UNKNOWN_LIMIT.unit,
          limit_cutoff: null,
          fee_amount: 0,
          fee_text: 'Không rõ (nhập từ dữ liệu cũ; thời hạn giải quyết chưa biết)',
          online_level: 'partial',
          components: '[]',
          steps: '[]',
          legal_basis: '[]',
          keywords: '[]',
          source: `legacy-import: ${ctx.file} (limit unknown)`,
          source_date: sourceDate,
          origin: 'imported',
          active: 0,
          updated_at: ctx.now,
        })),
      )
      .execute();
  }
  for (const [code] of missing) limits.set(code, UNKNOWN_LIMIT);
  return { limits, registered: missing.map(([code]) => code) };
}

/** Adds the communes' fields not yet known (first line order) and lowers the earliest receipt of known ones. */
async function registerFields(trx: Trx, plan: ImportPlan, ctx: ImportContext): Promise<number> {
  const db = trx as unknown as RegistryDb;
  const units = [...new Set([...plan.fields.values()].map((f) => f.unitCode))];
  const existing = new Map<string, number>();
  for (const codes of chunks(units, IN_CHUNK)) {
    const rows = await db
      .selectFrom('report_unit_fields')
      .select(['unit_code', 'field', 'min_received_at'])
      .where('unit_code', 'in', codes)
      .execute();
    for (const r of rows) existing.set(`${r.unit_code}\u0000${r.field}`, r.min_received_at);
  }
  const fresh: ReportUnitFieldTable[] = [];
  for (const [key, f] of plan.fields) {
    const known = existing.get(key);
    if (known === undefined)
      fresh.push({
        unit_code: f.unitCode,
        field: f.field,
        province_code: f.provinceCode,
        first_seen_at: ctx.now,
        first_seen_seq: f.firstLine,
        min_received_at: f.minReceivedAt,
      });
    else if (f.minReceivedAt < known)
      await db
        .updateTable('report_unit_fields')
        .set({ min_received_at: f.minReceivedAt })
        .where('unit_code', '=', f.unitCode)
        .where('field', '=', f.field)
        .execute();
  }
  for (const batch of chunks(fresh, 500)) await db.insertInto('report_unit_fields').values(batch).execute();
  return fresh.length;
}

async function existingCodes(trx: Trx, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(codes, IN_CHUNK)) {
    const rows = await trx.selectFrom('dossiers').select('code').where('code', 'in', part).execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function writeImport(
  trx: Trx,
  dialect: DialectName,
  file: string,
  plan: ImportPlan,
  ctx: ImportContext,
  onProgress?: (p: LineProgress) => void,
): Promise<WriteOutcome> {
  const { limits, registered } = await registerProcedures(trx, plan, ctx);
  const fieldsRegistered = await registerFields(trx, plan, ctx);
  const anyDossier = await trx.selectFrom('dossiers').select('id').limit(1).executeTakeFirst();
  const dossiers = new BatchInserter(trx, dialect, 'dossiers', DOSSIER_COLUMNS, 500);
  const actions = new BatchInserter(trx, dialect, 'dossier_actions', ACTION_COLUMNS, 2000);
  const dues = new BatchInserter(trx, dialect, 'dossier_dues', DUE_COLUMNS, 2000);
  const suspensions = new BatchInserter(trx, dialect, 'dossier_suspensions', SUSPENSION_COLUMNS, 2000);
  let skipped = 0;
  let batch: LegacyDossier[] = [];

  const flush = async (): Promise<void> => {
    const skip = anyDossier ? await existingCodes(trx, batch.map((d) => d.code)) : new Set<string>();
    const written: { id: string; unitCode: string; h: DerivedHistory }[] = [];
    for (const d of batch) {
      if (skip.has(d.code)) {
        skipped += 1;
        continue;
      }
      const unit = plan.units.get(d.unitCode);
      if (!unit) throw new Error(`line ${d.line}: unit ${d.unitCode} was not resolved`);
      const h = deriveHistory(d);
      const row = dossierRow(ctx, d, h, unit, limits.get(d.procedureCode) ?? UNKNOWN_LIMIT);
      await dossiers.add(row);
      written.push({ id: row.id, unitCode: unit.code, h });
    }
    // Parents before children (foreign keys are checked at once).
    await dossiers.flush();
    for (const { id, unitCode, h } of written) {
      for (const a of actionRows(id, h)) await actions.add(a);
      for (const u of dueRows(id, unitCode, h)) await dues.add(u);
      for (const s of suspensionRows(id, unitCode, h)) await suspensions.add(s);
    }
    batch = [];
  };

  await forEachLine(
    file,
    async (text, line) => {
      if (isBlank(text)) return;
      const result = validateLegacyLine(text, line);
      if (!result.ok) throw new Error(`line ${line} changed since it was validated`);
      batch.push(result.value);
      if (batch.length >= LINE_BATCH) await flush();
    },
    onProgress,
  );
  await flush();
  for (const inserter of [actions, dues, suspensions]) await inserter.flush();
  return { imported: dossiers.inserted, skipped, proceduresRegistered: registered, fieldsRegistered };
}
