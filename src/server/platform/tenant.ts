/**
 * The tenant boundary, in one place. Every row that belongs to a place carries `province_code` and `unit_code`;
 * a caller sees the rows of its scope only. Repositories apply `withinScope` to every read of such a table (a
 * test lists those tables and fails on a read without it); the one scope that sees everything is named
 * `EVERY_TENANT` and is for the system itself (jobs, imports, reports already limited to their unit).
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'unit'; provinceCode: string; unitCode: string }
  /** A report's scope: these communes (a province's, listed so that the unit indexes serve the query). */
  | UnitsScope;

export interface UnitsScope {
  kind: 'units';
  provinceCode: string;
  unitCodes: readonly string[];
}

/** The system's own scope: every tenant. Say why where it is used. */
export const EVERY_TENANT: Scope = { kind: 'all' };

/** Whether a row with these tenant keys is inside the scope. */
export function inScope(scope: Scope, row: { provinceCode: string; unitCode: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'province') return row.provinceCode === scope.provinceCode;
  if (scope.kind === 'units') return scope.unitCodes.includes(row.unitCode);
  return row.provinceCode === scope.provinceCode && row.unitCode === scope.unitCode;
}

/**
 * The scope as an SQL condition on `table`'s tenant columns (its name or alias; unqualified when omitted), for
 * raw SQL; `withinScope` adds the same condition to a Kysely query.
 */
export function scopeSql(scope: Scope, table?: string): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'province':
      return sql<SqlBool>`${col('province_code')} = ${scope.provinceCode}`;
    case 'unit':
      return sql<SqlBool>`${col('province_code')} = ${scope.provinceCode} and ${col('unit_code')} = ${scope.unitCode}`;
    case 'units':
      if (scope.unitCodes.length === 0) return sql<SqlBool>`1 = 0`;
      return sql<SqlBool>`${col('unit_code')} in (${sql.join(scope.unitCodes.map((u) => sql`${u}`))})`;
  }
}

/** Any query builder with `where(expression)`: selects, updates and deletes. */
interface Filterable<Q> {
  where(expression: Expression<SqlBool>): Q;
}

/**
 * A list's `unit` filter: a two-digit code is a province (`province_code`), any other a commune (`unit_code`). A filter
 * narrows a list already limited by `withinScope`; it never widens it.
 */
export function whereUnitOrProvince<Q extends Filterable<Q>>(query: Q, code: string): Q {
  const column = code.length === 2 ? 'province_code' : 'unit_code';
  return query.where(sql<SqlBool>`${sql.ref(column)} = ${code}`);
}

/**
 * The query limited to the scope's rows: `province_code` (and `unit_code`) of `table` (its name or alias in
 * the query; unqualified when omitted) must be the scope's. A scope of every tenant adds nothing.
 */
export function withinScope<Q extends Filterable<Q>>(query: Q, scope: Scope, table?: string): Q {
  if (scope.kind === 'all') return query;
  const col = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  const province = query.where(sql<SqlBool>`${col('province_code')} = ${scope.provinceCode}`);
  return scope.kind === 'unit'
    ? province.where(sql<SqlBool>`${col('unit_code')} = ${scope.unitCode}`)
    : province;
}
