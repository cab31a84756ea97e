import { PostgresAdapter, type Kysely } from 'kysely';
import type { DialectName } from './connect.ts';

/** Which SQL dialect a Kysely instance speaks (works for migrations typed as Kysely<any>). */
export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Booleans are stored as 0/1 integers on both dialects. */
export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number | null | undefined): boolean => n === 1;
