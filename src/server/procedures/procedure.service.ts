import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { ALL_CATALOG_PROCEDURES } from './catalog-data/index.ts';
import type { CatalogProcedure } from './catalog-data/catalog.types.ts';
import { notFound } from '../platform/app-error.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import * as repo from './procedure.repository.ts';
import { isCommuneCompetence, toCatalogProcedure, toProcedureRow } from './procedure.model.ts';
import type { ProcedureRow } from './procedure.table.ts';

type Db = Kysely<Database>;

/** Loads the built-in catalog when the table is empty (first start). */
export async function ensureCatalog(db: Db, now: number): Promise<number> {
  if ((await repo.countProcedures(db)) > 0) return 0;
  await db.transaction().execute((trx) =>
    repo.upsertProcedures(
      trx,
      ALL_CATALOG_PROCEDURES.map((p) => toProcedureRow(p, 'catalog', now)),
    ),
  );
  return ALL_CATALOG_PROCEDURES.length;
}

export async function getProcedure(db: Db, code: string): Promise<ProcedureRow> {
  const row = await repo.findProcedure(db, code);
  if (!row) throw notFound('procedure', code);
  return row;
}

/**
 * The catalog filtered by field, competence and a search (marks ignored). With a search the counter's order
 * (issue 12 item 7): the exact code first, then an exact name, then the procedures this officer receives most
 * (`usage`: count by code), then the rest in catalog order.
 */
export async function findProcedures(
  db: Db,
  filter: { field?: string; competence?: string; q?: string; includeInactive?: boolean },
  usage: ReadonlyMap<string, number> = new Map(),
): Promise<ProcedureRow[]> {
  const qFolded = filter.q ? foldVietnamese(filter.q) : undefined;
  const rows = await repo.listProcedures(db, { ...filter, qFolded });
  return filter.q ? rankProcedures(rows, filter.q, usage) : rows;
}

/** Pure ranking of search results (see findProcedures); stable within a rank. */
export function rankProcedures<T extends { code: string; name: string }>(
  rows: readonly T[],
  q: string,
  usage: ReadonlyMap<string, number>,
): T[] {
  const code = q.trim();
  const name = foldVietnamese(q).trim();
  const rank = (r: T): number =>
    r.code === code ? 0 : foldVietnamese(r.name).trim() === name ? 1 : usage.has(r.code) ? 2 : 3;
  return rows
    .map((r, i) => ({ r, i, k: rank(r), n: usage.get(r.code) ?? 0 }))
    .sort((a, b) => a.k - b.k || (a.k === 2 ? b.n - a.n : 0) || a.i - b.i)
    .map((x) => x.r);
}

/** How often the officer received each procedure (their own intakes, within their scope). */
export const procedureUsageOf = (db: Db, actor: Actor) =>
  repo.mostUsedProcedures(db, scopeOf(actor), actor.id);

/** Imports (inserts or replaces) catalog entries, audited, in the caller's transaction. */
export async function importCatalog(
  trx: Db,
  actor: Actor | null,
  entries: CatalogProcedure[],
  now: number,
): Promise<number> {
  await repo.upsertProcedures(
    trx,
    entries.map((p) => toProcedureRow(p, 'custom', now)),
  );
  await appendAudit(
    trx,
    {
      actor,
      action: 'catalog.import',
      targetType: 'procedure',
      targetId: entries.length === 1 ? entries[0]!.code : `${entries.length} procedures`,
      details: { codes: entries.map((e) => e.code) },
    },
    now,
  );
  return entries.length;
}

export async function exportCatalog(db: Db): Promise<CatalogProcedure[]> {
  return (await repo.listProcedures(db, { includeInactive: true })).map(toCatalogProcedure);
}

export interface CompetenceAdvice {
  procedureCode: string;
  competence: string;
  /** True when the commune decides itself. */
  communeDecides: boolean;
  competentAgency: string;
  /** What the counter officer should do: receive and process, or receive and forward (liên thông). */
  route: 'process_here' | 'forward';
  limit: { value: number; unit: string; cutoff: string | null };
}

/**
 * The competence assistant: a commune receives every procedure of the province (Decree 118 Art. 14.2); when
 * the commune is not competent it receives the dossier and forwards it to the competent agency instead of
 * turning the citizen away or returning the dossier later for "no authority".
 */
export function adviseCompetence(row: ProcedureRow): CompetenceAdvice {
  const communeDecides = isCommuneCompetence(row.competence);
  return {
    procedureCode: row.code,
    competence: row.competence,
    communeDecides,
    competentAgency: row.competent_agency,
    route: communeDecides ? 'process_here' : 'forward',
    limit: { value: row.limit_value, unit: row.limit_unit, cutoff: row.limit_cutoff },
  };
}
