/** All SQL of the audit log: one hash chain per province (plus the system's), each with a head row. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dialectOf } from '../db/dialect.ts';
import { after, type PageKey } from '../platform/cursor.ts';
import { EVERY_TENANT, whereUnitOrProvince, withinScope, type Scope } from '../platform/tenant.ts';
import type { AuditRow } from './audit.table.ts';

type Db = Kysely<Database>;

/**
 * The chain's head, created at `genesis` if new, and locked until the transaction ends (PostgreSQL FOR UPDATE;
 * SQLite has a single writer), so concurrent writers extend the chain one at a time.
 */
export async function lockChainHead(trx: Db, chain: string, genesis: string) {
  const inserted = await trx
    .insertInto('audit_heads')
    .values({ chain, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('chain').doNothing())
    .executeTakeFirst();
  let head = trx.selectFrom('audit_heads').selectAll().where('chain', '=', chain);
  if (dialectOf(trx) === 'postgres') head = head.forUpdate();
  return {
    head: await head.executeTakeFirstOrThrow(),
    opened: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0,
  };
}

/** The entry at `seq` of a chain, if any. */
export function chainEntry(db: Db, chain: string, seq: number): Promise<AuditRow | undefined> {
  // tenant: a checkpoint names the entry, the system verifies it
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** Appends the entry and moves its chain's head to it. */
export async function appendEntry(trx: Db, row: AuditRow): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
  await trx
    .updateTable('audit_heads')
    .set({ seq: row.seq, hash: row.hash })
    .where('chain', '=', row.chain)
    .execute();
}

export function listChainHeads(db: Db) {
  return db.selectFrom('audit_heads').selectAll().orderBy('chain').execute();
}

/** Every entry of a chain in order: the system verifies chains whole (motcua audit verify). */
export function chainEntries(db: Db, chain: string): Promise<AuditRow[]> {
  return withinScope(db.selectFrom('audit_log').selectAll(), EVERY_TENANT)
    .where('chain', '=', chain)
    .orderBy('seq')
    .execute();
}

export interface AuditFilter {
  scope: Scope;
  /** Instants, ms: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  /** The actor's username, exact. */
  actor?: string;
  /** The action, or its beginning ('petition.' finds every petition action). */
  action?: string;
  /** The target's code or id, exact. */
  target?: string;
  /** A province (2 digits) or a commune (5 digits). */
  unit?: string;
  /** Keyset pagination: entries strictly after this (at, hash), newest first. */
  after?: PageKey;
  limit: number;
}

/** The log for reading (GET /api/audit): inside the scope, filtered, newest first, keyset-paginated on (at, hash). */
export function findAuditEntries(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  let q = withinScope(db.selectFrom('audit_log').selectAll(), f.scope);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.action) {
    // a prefix, compared as is (no LIKE: '_' in action names is no wildcard)
    const prefix = f.action;
    q = q.where(sql<SqlBool>`substr(action, 1, ${sql.lit(prefix.length)}) = ${prefix}`);
  }
  if (f.target) q = q.where('target_id', '=', f.target);
  if (f.unit) q = whereUnitOrProvince(q, f.unit);
  q = after(q, f.after, { at: 'at', id: 'hash' });
  return q.orderBy('at', 'desc').orderBy('hash', 'desc').limit(f.limit).execute();
}
