/**
 * Bulk inserts of the legacy import, two ways to the same rows:
 * - through Kysely (any dialect): multi-row INSERTs compiled once per (table, row count) and run as raw compiled
 *   queries — building a Kysely AST for 500 rows × 36 columns costs more than the insert itself;
 * - on SQLite, when the caller holds the better-sqlite3 connection under the Kysely instance: one prepared
 *   single-row statement per table, reused for every row (SQLite's fastest path: no SQL parsing per batch).
 * On PostgreSQL a batch is one `INSERT … SELECT * FROM unnest($1::text[], $2::bigint[], …)`: one array parameter per
 * column instead of one parameter per value, which PostgreSQL parses and binds several times faster.
 * Parameters are always bound, never interpolated.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay well below both. */
export const MAX_PARAMS = 30_000;

import type { Value } from './legacy.rows.ts';

export interface BulkTarget {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The better-sqlite3 connection under `db` (same connection, hence same transaction), if the caller has it. */
  sqlite?: SQLite.Database;
}

/** PostgreSQL type of the columns that are not text (the unnest arrays are typed). */
export type PgColumnTypes = Readonly<Record<string, 'bigint' | 'integer'>>;

/** Rows per unnest statement on PostgreSQL (no parameter limit applies: one parameter per column). */
const PG_ROWS = 5000;

export class BatchInserter {
  private readonly pending: Value[][] = [];
  private readonly sqlCache = new Map<number, string>();
  private readonly rowsPerStatement: number;
  private readonly prepared: SQLite.Statement<Value[]> | undefined;
  private readonly unnest: string | undefined;
  private readonly target: BulkTarget;
  private readonly table: string;
  private readonly columns: readonly string[];
  inserted = 0;

  constructor(
    target: BulkTarget,
    table: string,
    columns: readonly string[],
    maxRows = 1000,
    pgTypes: PgColumnTypes = {},
  ) {
    this.target = target;
    this.table = table;
    this.columns = columns;
    const pg = target.dialect === 'postgres';
    this.rowsPerStatement = pg
      ? PG_ROWS
      : Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMS / columns.length)));
    this.prepared = target.sqlite?.prepare<Value[]>(this.sqlFor(1));
    if (pg) {
      const arrays = columns.map((c, i) => `$${i + 1}::${pgTypes[c] ?? 'text'}[]`).join(',');
      this.unnest = `insert into "${table}" (${this.columnList()}) select * from unnest(${arrays})`;
    }
  }

  /**
   * Inserts a row given in column order (prepared path, synchronous) or queues it; returns a promise only when a
   * full statement is being flushed (no promise per row on the hot path).
   */
  add(values: Value[]): Promise<void> | undefined {
    if (this.prepared) {
      this.prepared.run(...values);
      this.inserted += 1;
      return undefined;
    }
    this.pending.push(values);
    return this.pending.length >= this.rowsPerStatement ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0, this.pending.length);
    if (this.unnest) {
      const arrays = this.columns.map((_, c) => rows.map((r) => r[c] ?? null));
      await this.target.db.executeQuery(CompiledQuery.raw(this.unnest, arrays));
    } else {
      const params: Value[] = [];
      for (const r of rows) for (const v of r) params.push(v);
      await this.target.db.executeQuery(CompiledQuery.raw(this.sqlFor(rows.length), params));
    }
    this.inserted += rows.length;
  }

  private columnList(): string {
    return this.columns.map((c) => `"${c}"`).join(',');
  }

  private sqlFor(count: number): string {
    const cached = this.sqlCache.get(count);
    if (cached) return cached;
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    const tuples = new Array<string>(count).fill(tuple);
    const text = `insert into "${this.table}" (${this.columnList()}) values ${tuples.join(',')}`;
    if (count === this.rowsPerStatement) this.sqlCache.set(count, text);
    return text;
  }
}
