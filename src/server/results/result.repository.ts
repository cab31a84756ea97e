/** All SQL of the dossiers' result documents and the citizens' one-time download codes. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type { DossierResultCodeRow, DossierResultRow, NewDossierResult } from './result.table.ts';

type Db = Kysely<Database>;

export async function insertResult(db: Db, row: NewDossierResult): Promise<void> {
  await db.insertInto('dossier_results').values(row).execute();
}

/** Every version of a dossier's result, oldest first, inside the caller's scope. */
export function listResults(db: Db, dossierId: string, scope: Scope): Promise<DossierResultRow[]> {
  return withinScope(db.selectFrom('dossier_results').selectAll(), scope)
    .where('dossier_id', '=', dossierId)
    .orderBy('version')
    .execute();
}

/** The latest version (signed or draft). */
export function latestResult(db: Db, dossierId: string): Promise<DossierResultRow | undefined> {
  return (
    db
      // tenant: keyed by a dossier (or a result id) the caller read within scope, or the public door's random id
      .selectFrom('dossier_results')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** The dossier's signed result (the latest, should a corrected one follow). */
export function signedResult(db: Db, dossierId: string): Promise<DossierResultRow | undefined> {
  return (
    db
      // tenant: keyed by a dossier (or a result id) the caller read within scope, or the public door's random id
      .selectFrom('dossier_results')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('signed', '=', 1)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** A signed result by its id (what the QR and the signed PDF carry). */
export function findSignedById(db: Db, id: string): Promise<DossierResultRow | undefined> {
  return (
    db
      // tenant: keyed by a dossier (or a result id) the caller read within scope, or the public door's random id
      .selectFrom('dossier_results')
      .selectAll()
      .where('id', '=', id)
      .where('signed', '=', 1)
      .executeTakeFirst()
  );
}

export async function recordDownload(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('dossier_results')
    .set({
      downloads: sql`downloads + 1`,
      first_downloaded_at: sql`coalesce(first_downloaded_at, ${now})`,
    })
    .where('id', '=', id)
    .execute();
}

/** Whether any result was ever signed inside the scope up to `before` (indicator 4.1). */
export async function anySignedResult(db: Db, scope: Scope, before: number): Promise<boolean> {
  const row = await withinScope(db.selectFrom('dossier_results').select('id'), scope)
    .where('signed', '=', 1)
    .where('signed_at', '<', before)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Of the dossiers resolved in [from, to), how many there are and how many have a signed electronic result
 * (indicator 4.1).
 */
export async function electronicResultCounts(
  db: Db,
  scope: Scope,
  from: number,
  to: number,
): Promise<{ resolved: number; signed: number }> {
  const row = await withinScope(
    db.selectFrom('dossiers as d').where('d.end_kind', '=', 'resolved'),
    scope,
    'd',
  )
    .where('d.ended_at', '>=', from)
    .where('d.ended_at', '<', to)
    .select((eb) => [
      eb.fn.countAll<number>().as('resolved'),
      eb.fn
        .count<number>(
          sql`case when exists (select 1 from dossier_results r where r.dossier_id = d.id and r.signed = 1) then 1 end`,
        )
        .as('signed'),
    ])
    .executeTakeFirstOrThrow();
  return { resolved: Number(row.resolved), signed: Number(row.signed) };
}

// One-time codes.

export async function insertCode(db: Db, row: DossierResultCodeRow): Promise<void> {
  await db.insertInto('dossier_result_codes').values(row).execute();
}

/** The dossier's open code: a new code closes the ones before it, so there is at most one. */
export function openCode(db: Db, dossierId: string): Promise<DossierResultCodeRow | undefined> {
  return (
    db
      // tenant: keyed by a dossier (or a result id) the caller read within scope, or the public door's random id
      .selectFrom('dossier_result_codes')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('used_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** Closes the dossier's open codes (a new one replaces them). */
export async function closeCodes(db: Db, dossierId: string, now: number): Promise<void> {
  await db
    .updateTable('dossier_result_codes')
    .set({ used_at: now })
    .where('dossier_id', '=', dossierId)
    .where('used_at', 'is', null)
    .execute();
}

/** How many codes were issued for the dossier since `since` (the per-dossier limit). */
export async function codesSince(db: Db, dossierId: string, since: number): Promise<number> {
  const row = await db
    // tenant: keyed by a dossier (or a result id) the caller read within scope, or the public door's random id
    .selectFrom('dossier_result_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossierId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts one try; true when it was counted (the code was still open with tries left). */
export async function countTry(db: Db, id: string, maxTries: number): Promise<boolean> {
  const res = await db
    .updateTable('dossier_result_codes')
    .set({ attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('attempts', '<', maxTries)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markCodeUsed(db: Db, id: string, now: number): Promise<boolean> {
  const res = await db
    .updateTable('dossier_result_codes')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Indicator 4.1's figures for a scope and period (reports/indicators.ts). */
export async function electronicResultsOf(
  db: Db,
  scope: Scope,
  period: { fromMs: number; endMs: number },
): Promise<{ resolved: number; signed: number; anySigned: boolean }> {
  const counts = await electronicResultCounts(db, scope, period.fromMs, period.endMs);
  return { ...counts, anySigned: await anySignedResult(db, scope, period.endMs) };
}

/** The code of a dossier by id (the public verification's check that a result belongs to the dossier it names). */
export async function dossierCodeById(db: Db, dossierId: string): Promise<string | undefined> {
  const row = await db
    // tenant: keyed by a signed result found by its random id, only the code is read
    .selectFrom('dossiers')
    .select('code')
    .where('id', '=', dossierId)
    .executeTakeFirst();
  return row?.code;
}
