/**
 * Multi-row INSERTs for bulk loads, compiled once per (table, row count) and run as raw compiled queries:
 * building a Kysely AST for 500 rows × 36 columns costs more than the insert itself. Parameters stay bound
 * (never interpolated); placeholders follow the dialect (`?` SQLite, `$n` PostgreSQL).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay well below both. */
export const MAX_PARAMS = 30_000;

type Value = string | number | null;

export class BatchInserter<Row extends object> {
  private readonly pending: Value[][] = [];
  private readonly sqlCache = new Map<number, string>();
  private readonly rowsPerStatement: number;
  inserted = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly table: string,
    private readonly columns: readonly (keyof Row & string)[],
    maxRows = 1000,
  ) {
    this.rowsPerStatement = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMS / columns.length)));
  }

  /** Queues a row; flushes a full statement. */
  async add(row: Row): Promise<void> {
    this.pending.push(this.columns.map((c) => (row[c] as Value | undefined) ?? null));
    if (this.pending.length >= this.rowsPerStatement) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0, this.pending.length);
    const params: Value[] = [];
    for (const r of rows) for (const v of r) params.push(v);
    await this.db.executeQuery(CompiledQuery.raw(this.sqlFor(rows.length), params));
    this.inserted += rows.length;
  }

  private sqlFor(count: number): string {
    const cached = this.sqlCache.get(count);
    if (cached) return cached;
    const width = this.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < count; r += 1) {
      const marks: string[] = [];
      for (let c = 0; c < width; c += 1) marks.push(this.dialect === 'postgres' ? `$${r * width + c + 1}` : '?');
      tuples.push(`(${marks.join(',')})`);
    }
    const cols = this.columns.map((c) => `"${c}"`).join(',');
    const text = `insert into "${this.table}" (${cols}) values ${tuples.join(',')}`;
    if (count === this.rowsPerStatement) this.sqlCache.set(count, text);
    return text;
  }
}
