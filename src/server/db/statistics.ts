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
  const sqlite = dialectOf(db) === 'sqlite';
  for (const table of tables) {
    if (sqlite)
      await sql
        .raw(`pragma analysis_limit = ${FULLY_ANALYSED.has(table) ? 0 : SQLITE_ANALYSIS_LIMIT}`)
        .execute(db);
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
}

/**
 * Tables SQLite analyses whole, not sampled. The sample is the first rows of each index, not a random draw: on
 * `dossiers` (sorted by commune first) it read one commune and told the planner every commune and every status
 * held ~2,000 rows, and the queue tabs then walked a commune's open dossiers through the wrong index (issue 14).
 * A whole pass over 1,000,000 dossiers takes ~2 s, once after an import or an upgrade.
 */
const FULLY_ANALYSED = new Set(['dossiers']);

/**
 * The periodic refresh: SQLite's `PRAGMA optimize` over every table (0x10002: analyse each table whose statistics
 * are missing or stale), sampled; on PostgreSQL autovacuum does this, so nothing.
 */
export async function optimizeStatistics<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql.raw(`pragma analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`).execute(db);
  await sql.raw('pragma optimize = 0x10002').execute(db);
}

/**
 * After migrations on SQLite: an index created by a migration has no statistics while the older ones do, and the
 * planner then prefers the old ones even where the new one was made for the query (a new queue index was passed
 * over for one that walked 8,000 rows, issue 14). When the database already has statistics, gather them again,
 * sampled (tens of milliseconds at 1,000,000 dossiers). A database that never had any is left as it is: its
 * first import or the periodic refresh gathers them. PostgreSQL keeps its statistics per column, which a new index
 * on existing columns already has.
 */
export async function refreshStatisticsAfterMigration<T>(db: Kysely<T>): Promise<boolean> {
  if (dialectOf(db) !== 'sqlite') return false;
  const has = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(has.rows[0]?.n ?? 0) === 0) return false;
  const tables = await sql<{ name: string }>`select distinct tbl as name from sqlite_stat1`.execute(db);
  await analyzeTables(
    db,
    tables.rows.map((r) => r.name),
  );
  return true;
}
