/**
 * Keyset pagination of the registers (dossiers, petitions, tasks): a page ends at an (instant, id) pair, and the
 * next page starts strictly after it in the list's order. The cursor is that pair, opaque to clients.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { invalidField } from './app-error.ts';

export interface PageKey {
  at: number;
  id: string;
}

export const encodeCursor = (key: PageKey): string =>
  Buffer.from(`${key.at}:${key.id}`).toString('base64url');

export function decodeCursor(cursor: string): PageKey {
  const text = Buffer.from(cursor, 'base64url').toString();
  const colon = text.indexOf(':');
  const at = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (colon < 1 || !id || !/^\d+$/.test(at))
    throw invalidField('cursor', 'cursor.invalid', '@cursor.invalid');
  return { at: Number(at), id };
}

/** One page of `limit` from rows fetched with `limit + 1`, and the cursor of the next page (null: last page). */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => PageKey) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * The next page's rows: strictly after `key` in a list ordered by (`at`, `id`), both descending (newest first,
 * the registers) or both ascending (soonest due first). No key: the first page.
 */
export function after<Q extends { where(expression: Expression<SqlBool>): Q }>(
  query: Q,
  key: PageKey | undefined,
  columns: { at: string; id: string },
  order: 'asc' | 'desc' = 'desc',
): Q {
  if (!key) return query;
  const at = sql.ref(columns.at);
  const id = sql.ref(columns.id);
  const beyond = order === 'desc' ? sql`<` : sql`>`;
  return query.where(
    sql<SqlBool>`(${at} ${beyond} ${key.at} or (${at} = ${key.at} and ${id} ${beyond} ${key.id}))`,
  );
}
