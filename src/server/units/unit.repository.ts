import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type {
  NewUnitChangeSet,
  NewUnitLineage,
  NewUnitVersion,
  UnitLineageRow,
  UnitType,
  UnitVersionRow,
} from './unit.table.ts';

type Db = Kysely<Database>;

/** Rows per INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters (≤ 12 per row). */
const BATCH_ROWS = 1000;
/** Values per IN (...) list. */
const IN_CHUNK = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A LIKE pattern for "contains": the text is already folded; LIKE wildcards and the backslash are dropped so
 * that no ESCAPE clause (spelled differently per dialect) is needed.
 */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, '')}%`;

// ---- change sets ----------------------------------------------------------------------------------------------

export async function findChangeSet(db: Db, id: string) {
  return db.selectFrom('unit_change_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertChangeSet(db: Db, row: NewUnitChangeSet): Promise<void> {
  await db.insertInto('unit_change_sets').values(row).execute();
}

export async function listChangeSets(db: Db) {
  return db
    .selectFrom('unit_change_sets')
    .select(['id', 'name', 'effective_date', 'source', 'imported_at'])
    .orderBy('effective_date')
    .orderBy('imported_at')
    .execute();
}

// ---- versions -------------------------------------------------------------------------------------------------

export async function insertVersions(db: Db, rows: readonly NewUnitVersion[]): Promise<void> {
  for (const batch of chunks(rows, BATCH_ROWS)) await db.insertInto('unit_versions').values(batch).execute();
}

export interface VersionFilter {
  asOf: string;
  codes?: readonly string[];
  types?: readonly UnitType[];
  provinceCode?: string;
  /** Folded text the folded name must contain. */
  nameContains?: string;
}

/** The versions in force on `asOf` (valid_from ≤ asOf < valid_to), filtered. */
export async function findVersions(db: Db, filter: VersionFilter): Promise<UnitVersionRow[]> {
  if (filter.codes && filter.codes.length > IN_CHUNK) {
    const parts = await Promise.all(
      chunks(filter.codes, IN_CHUNK).map((codes) => findVersions(db, { ...filter, codes })),
    );
    return parts.flat();
  }
  let q = db
    .selectFrom('unit_versions')
    .selectAll()
    .where('valid_from', '<=', filter.asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', filter.asOf)]));
  if (filter.codes) {
    if (filter.codes.length === 0) return [];
    q = q.where('code', 'in', filter.codes);
  }
  if (filter.types) q = q.where('type', 'in', filter.types);
  if (filter.provinceCode) q = q.where('province_code', '=', filter.provinceCode);
  if (filter.nameContains) q = q.where('name_folded', 'like', likeContains(filter.nameContains));
  return q.execute();
}

/** Every version of a code, oldest first (history). */
export async function findVersionHistory(db: Db, code: string): Promise<UnitVersionRow[]> {
  return db.selectFrom('unit_versions').selectAll().where('code', '=', code).orderBy('valid_from').execute();
}

/** Closes a version: sets valid_to once (history is never rewritten otherwise). */
export async function closeVersion(db: Db, id: string, validTo: string): Promise<number> {
  const res = await db
    .updateTable('unit_versions')
    .set({ valid_to: validTo })
    .where('id', '=', id)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

// ---- lineage --------------------------------------------------------------------------------------------------

export async function insertLineage(db: Db, rows: readonly NewUnitLineage[]): Promise<void> {
  for (const batch of chunks(rows, BATCH_ROWS)) await db.insertInto('unit_lineage').values(batch).execute();
}

/** Former units of the given current codes (one query per 1,000 codes). */
export async function findLineageOf(
  db: Db,
  currentCodes: readonly string[],
  asOf: string,
): Promise<UnitLineageRow[]> {
  const parts = await Promise.all(
    chunks(currentCodes, IN_CHUNK).map((codes) =>
      db
        .selectFrom('unit_lineage')
        .selectAll()
        .where('current_code', 'in', codes)
        .where('effective_from', '<=', asOf)
        .execute(),
    ),
  );
  return parts.flat();
}

/** Where a former code went. */
export async function findSuccessors(db: Db, formerCode: string, asOf: string): Promise<UnitLineageRow[]> {
  return db
    .selectFrom('unit_lineage')
    .selectAll()
    .where('former_code', '=', formerCode)
    .where('effective_from', '<=', asOf)
    .orderBy('partial')
    .orderBy('effective_from', 'desc')
    .orderBy('current_code')
    .execute();
}

/** Lineage rows whose former name (folded) contains the text. */
export async function findLineageByFormerName(db: Db, folded: string, asOf: string, limit: number) {
  return db
    .selectFrom('unit_lineage')
    .selectAll()
    .where('former_name_folded', 'like', likeContains(folded))
    .where('effective_from', '<=', asOf)
    .limit(limit)
    .execute();
}

/** The version of a unit in force now (not closed by any change set), if any. */
export function findCurrentVersion(db: Db, code: string): Promise<UnitVersionRow | undefined> {
  return db
    .selectFrom('unit_versions')
    .selectAll()
    .where('code', '=', code)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}
