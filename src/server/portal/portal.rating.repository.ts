/**
 * The portal's SQL of `dossier_ratings` (indicator 5.4): whether a dossier was rated, and the citizen's rating; and
 * whether it has a signed electronic result (the lookup's download offer).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';

type Db = Kysely<Database>;

/** Whether the dossier has a rating from any source (a dossier is rated once). */
export async function isRated(db: Db, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_ratings')
    .select('source')
    // tenant: the caller opened this dossier with its code and verification digits (the public lookup's rule)
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The citizen's rating; a second one (any concurrent one too) fails on the key (dossier, source). */
export async function insertPortalRating(
  db: Db,
  d: Pick<DossierRow, 'id' | 'province_code' | 'unit_code'>,
  r: { rating: number; comment: string | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('dossier_ratings')
    .values({
      dossier_id: d.id,
      province_code: d.province_code,
      unit_code: d.unit_code,
      source: 'portal',
      rating: r.rating,
      comment: r.comment,
      rated_at: now,
    })
    .execute();
}

/** Whether the dossier has a signed electronic result to download (docs/ELECTRONIC-RESULTS.md). */
export async function hasSignedResult(db: Db, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_results')
    .select('id')
    // tenant: the caller opened this dossier with its code and verification digits (the public lookup's rule)
    .where('dossier_id', '=', dossierId)
    .where('signed', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}
