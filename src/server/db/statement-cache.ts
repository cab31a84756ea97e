/**
 * Kysely's SQLite driver prepares every statement on every call (`db.prepare(sql)` per query): for a request that
 * runs twenty small statements, parsing and planning them again cost more than running them (issue 14: 8 % of an
 * intake). Kysely compiles the same query to the same SQL text with its values as parameters, so the prepared
 * statements are kept here, keyed by that text, in a bounded least-recently-used map: the SQL of a query built
 * with inlined values (sql.raw, lists of varying length) takes one slot each and is evicted first.
 * SQLite re-prepares a cached statement by itself when the schema changed (a migration), so a cached statement
 * never runs against a stale plan.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept: MộtCửa's queries compile to a few hundred texts. */
export const STATEMENT_CACHE_SIZE = 500;

export class CachedStatements implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  readonly max: number;
  readonly db: BetterSqlite3.Database;
  /** Prepares saved (a statement found in the cache) and made, for tests and the benchmark. */
  hits = 0;
  misses = 0;

  constructor(db: BetterSqlite3.Database, max = STATEMENT_CACHE_SIZE) {
    this.db = db;
    this.max = Math.max(1, max);
  }

  prepare(sql: string): BetterSqlite3.Statement {
    const cached = this.statements.get(sql);
    if (cached) {
      // Most recently used last: a Map iterates in insertion order, so its first key is the least recent.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      this.hits += 1;
      return cached;
    }
    const statement = this.db.prepare(sql);
    this.misses += 1;
    this.statements.set(sql, statement);
    if (this.statements.size > this.max) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
