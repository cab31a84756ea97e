/**
 * The query planners' statistics. SQLite keeps none until ANALYZE runs: without them, at 1,000,000 dossiers a
 * status-filtered queue picked the wrong index and took seconds (issue 14). PostgreSQL's autovacuum gathers them
 * eventually, but not before the first reports after a bulk import.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';

/** Rows SQLite samples per index (`analysis_limit`): enough for the planner, milliseconds even at millions. */
export const SQLITE_ANALYSIS_LIMIT = 2000;

/** Tables a bulk write changed: gather their statistics now (SQLite: sampled ANALYZE; PostgreSQL: ANALYZE). */
export async function analyzeTables<T>(db: Kysely<T>, tables: readonly string[]): Promise<void> {
  if (dialectOf(db) === 'sqlite')
    await sql.raw(`pragma analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`).execute(db);
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}

/**
 * The periodic refresh: SQLite's `PRAGMA optimize` over every table (0x10002: analyse each table whose statistics
 * are missing or stale), sampled; on PostgreSQL autovacuum does this, so nothing.
 */
export async function optimizeStatistics<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql.raw(`pragma analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`).execute(db);
  await sql.raw('pragma optimize = 0x10002').execute(db);
}
