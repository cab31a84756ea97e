import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../accounts/roles.ts';
import type { AuditRow } from './audit.table.ts';
import { appendEntry, chainEntries, listChainHeads, lockChainHead } from './audit.repository.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: Pick<Actor, 'id' | 'username'> | null;
  /** Verb-like, dotted: `user.create`, `session.login`, `dossier.read_personal_data`. */
  action: string;
  targetType: string;
  targetId: string;
  unitCode?: string | null;
  /** Selects the chain; null or absent = the national/system chain. */
  provinceCode?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

type HashedFields = Pick<
  AuditRow,
  | 'chain'
  | 'at'
  | 'actor_id'
  | 'actor_username'
  | 'action'
  | 'target_type'
  | 'target_id'
  | 'unit_code'
  | 'ip'
  | 'details'
  | 'prev_hash'
>;

/** The hash of an entry covers its content and its predecessor's hash (not its seq, so reordering shows). */
export function entryHash(f: HashedFields): string {
  const canonical = JSON.stringify([
    f.chain,
    f.at,
    f.actor_id,
    f.actor_username,
    f.action,
    f.target_type,
    f.target_id,
    f.unit_code,
    f.ip,
    f.details,
    f.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one entry to its province's chain inside the caller's transaction. The chain head row is locked
 * (PostgreSQL FOR UPDATE; SQLite has a single writer), so concurrent writers extend the chain one at a time.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry, now: number): Promise<AuditRow> {
  const chain = entry.provinceCode ?? '';
  const head = await lockChainHead(trx, chain, GENESIS_HASH);
  const fields: HashedFields = {
    chain,
    at: now,
    actor_id: entry.actor?.id ?? null,
    actor_username: entry.actor?.username ?? null,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    unit_code: entry.unitCode ?? null,
    ip: entry.ip ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: head.hash,
  };
  const row: AuditRow = { ...fields, seq: Number(head.seq) + 1, hash: entryHash(fields) };
  await appendEntry(trx, row);
  return row;
}

export interface AuditProblem {
  chain: string;
  seq: number;
  kind: 'edited' | 'removed' | 'reordered' | 'head_mismatch';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  chains: number;
  entries: number;
  problems: AuditProblem[];
}

/** Walks every chain and reports each entry that was edited, removed or reordered. */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const heads = await listChainHeads(db);
  const problems: AuditProblem[] = [];
  let entries = 0;
  for (const head of heads) {
    const rows = await chainEntries(db, head.chain);
    entries += rows.length;
    problems.push(...verifyChain(head.chain, rows, { seq: Number(head.seq), hash: head.hash }));
  }
  return { ok: problems.length === 0, chains: heads.length, entries, problems };
}

export function verifyChain(
  chain: string,
  rows: AuditRow[],
  head: { seq: number; hash: string },
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const known = new Map(rows.map((r) => [r.hash, Number(r.seq)]));
  const label = chain || '(system)';
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (entryHash(row) !== row.hash) {
      problems.push({ chain, seq, kind: 'edited', message: `chain ${label}: entry #${seq} was edited` });
    } else if (row.prev_hash !== prevHash) {
      if (seq !== prevSeq + 1 || !known.has(row.prev_hash)) {
        const missing = seq - prevSeq - 1 || 1;
        problems.push({
          chain,
          seq,
          kind: 'removed',
          message: `chain ${label}: ${missing} entr${missing === 1 ? 'y' : 'ies'} removed before #${seq}`,
        });
      } else {
        const follows = known.get(row.prev_hash);
        problems.push({
          chain,
          seq,
          kind: 'reordered',
          message: `chain ${label}: entry #${seq} is out of order (it followed #${follows})`,
        });
      }
    }
    prevHash = row.hash;
    prevSeq = seq;
  }
  if (head.seq !== prevSeq || head.hash !== prevHash) {
    problems.push({
      chain,
      seq: head.seq,
      kind: head.seq > prevSeq ? 'removed' : 'head_mismatch',
      message:
        head.seq > prevSeq
          ? `chain ${label}: entries #${prevSeq + 1}-#${head.seq} removed from the end`
          : `chain ${label}: the last entry #${prevSeq} does not match the recorded head #${head.seq}`,
    });
  }
  return problems;
}
