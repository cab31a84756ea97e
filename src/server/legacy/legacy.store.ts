/**
 * Database helpers of the legacy import (all inside the import's transaction): procedures, the communes'
 * fields registry, codes already present, units, and the SQLite bulk-load index rebuild.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { foldVietnamese } from '../../shared/text/fold.ts';
import type { Database } from '../db/schema.ts';
import type { ReportUnitFieldTable } from '../reports/report.table.ts';
import { findUnitByCode, resolveUnitCode } from '../units/unit.service.ts';
import { UNKNOWN_LIMIT, type ImportContext, type Limit } from './legacy.rows.ts';
import { EVERY_TENANT, withinScope } from '../platform/tenant.ts';

export type Trx = Transaction<Database>;
type RegistryDb = Kysely<Database & { report_unit_fields: ReportUnitFieldTable }>;

const IN_CHUNK = 900;

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

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A former or current commune code → the current commune and its province (null: unknown). */
export async function resolveUnit(trx: Trx, code: string, asOf: string): Promise<ResolvedUnit | null> {
  const current = await resolveUnitCode(trx, code, { asOf });
  if (current === null) return null;
  const unit = await findUnitByCode(trx, current, { asOf });
  return unit ? { code: unit.code, provinceCode: unit.provinceCode } : null;
}

/**
 * The limit of a procedure; one missing from the catalog is registered as `origin: 'imported'` (limit unknown:
 * 0 working days, inactive for intake, marked in fee_text and source). Returns whether it was registered.
 */
export async function ensureProcedure(
  trx: Trx,
  ctx: ImportContext,
  p: { code: string; name: string; field: string },
): Promise<{ limit: Limit; registered: boolean }> {
  const row = await trx
    .selectFrom('procedures')
    .select(['limit_value', 'limit_unit', 'limit_cutoff'])
    .where('code', '=', p.code)
    .executeTakeFirst();
  if (row)
    return {
      limit: { value: row.limit_value, unit: row.limit_unit, cutoff: row.limit_cutoff },
      registered: false,
    };
  await trx
    .insertInto('procedures')
    .values({
      code: p.code,
      name: p.name,
      name_folded: foldVietnamese(p.name),
      field: p.field,
      competence: 'commune',
      competent_agency: '',
      limit_value: UNKNOWN_LIMIT.value,
      limit_unit: UNKNOWN_LIMIT.unit,
      limit_cutoff: null,
      fee_amount: 0,
      fee_text: 'Không rõ — thủ tục nhập từ dữ liệu cũ, chưa biết thời hạn (imported; limit unknown)',
      online_level: 'partial',
      components: '[]',
      steps: '[]',
      legal_basis: '[]',
      keywords: '[]',
      source: `legacy-import ${ctx.file} (limit unknown)`,
      source_date: new Date(ctx.now + 7 * 3_600_000).toISOString().slice(0, 10),
      origin: 'imported',
      active: 0,
      updated_at: ctx.now,
    })
    .execute();
  return { limit: UNKNOWN_LIMIT, registered: true };
}

/** Registers the communes' fields not yet known (in first-line order); lowers the earliest receipt of known ones. */
export async function registerFields(
  trx: Trx,
  fields: Iterable<FieldSeen>,
  ctx: ImportContext,
): Promise<number> {
  const db = trx as unknown as RegistryDb;
  const list = [...fields];
  const existing = new Map<string, number>();
  for (const codes of chunks([...new Set(list.map((f) => f.unitCode))], IN_CHUNK)) {
    // The import is the system's: every commune's registered fields.
    const rows = await withinScope(
      db.selectFrom('report_unit_fields').select(['unit_code', 'field', 'min_received_at']),
      EVERY_TENANT,
    )
      .where('unit_code', 'in', codes)
      .execute();
    for (const r of rows) existing.set(`${r.unit_code}\u0000${r.field}`, Number(r.min_received_at));
  }
  const fresh: ReportUnitFieldTable[] = [];
  for (const f of list) {
    const known = existing.get(`${f.unitCode}\u0000${f.field}`);
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

export async function existingCodes(trx: Trx, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(codes, IN_CHUNK)) {
    // Codes are unique across the country: the system checks every commune's.
    const rows = await withinScope(trx.selectFrom('dossiers').select('code'), EVERY_TENANT)
      .where('code', 'in', part)
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/**
 * SQLite bulk load: a large import into a small table drops the dossiers' secondary indexes inside the
 * transaction and recreates them from their own stored definitions before commit (one sort per index instead
 * of a million random inserts). A rollback restores them untouched. Returns the restore function.
 */
export async function suspendDossierIndexes(trx: Trx, expectedRows: number): Promise<() => Promise<void>> {
  const none = async () => {};
  if (expectedRows < 50_000) return none;
  // tenant: counts every row of the table, reads none
  const count = await trx
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) > expectedRows) return none;
  const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'index' and tbl_name = 'dossiers' and sql is not null`.execute(trx);
  for (const r of rows) await sql`drop index ${sql.id(r.name)}`.execute(trx);
  return async () => {
    for (const r of rows) await sql.raw(r.sql).execute(trx);
  };
}
