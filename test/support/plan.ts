/**
 * The planner's plan of a compiled Kysely query, as text: SQLite's `EXPLAIN QUERY PLAN` details joined by " | ",
 * PostgreSQL's `EXPLAIN` lines joined likewise, with sequential scans discouraged (a test database is too small for
 * the planner to prefer an index otherwise). The parameters are written into the SQL: PostgreSQL's EXPLAIN takes no
 * bound values.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from '../../src/server/db/connect.ts';

export async function queryPlan<T>(
  db: Kysely<T>,
  dialect: DialectName,
  query: CompiledQuery,
): Promise<string> {
  let i = 0;
  const literal = query.sql.replace(/\?|\$\d+/g, () => {
    const v = query.parameters[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
  const rows = await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
    return sql
      .raw<Record<string, string>>(`explain ${dialect === 'sqlite' ? 'query plan ' : ''}${literal}`)
      .execute(trx);
  });
  return rows.rows.map((r) => (dialect === 'sqlite' ? r.detail : r['QUERY PLAN'])).join(' | ');
}
