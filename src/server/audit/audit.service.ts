import { createHash } from 'node:crypto';
import { auditKey, mac, sameDigest, type AuditKey } from './audit-key.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../accounts/roles.ts';
import type { AuditRow } from './audit.table.ts';
import { appendEntry, chainEntries, chainEntry, listChainHeads, lockChainHead } from './audit.repository.ts';

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

/**
 * The hash of an entry covers its content and its predecessor's hash (not its seq, so reordering shows): HMAC
 * under the audit key, or plain SHA-256 for the entries written before the database was keyed (`key` null).
 */
export function entryHash(f: HashedFields, key: AuditKey | null): string {
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
  return key ? mac(key, canonical) : createHash('sha256').update(canonical).digest('hex');
}

/** Whether an entry of a chain is keyed: everything after where the chain stood when the key was made. */
const keyedAt = (key: AuditKey, chain: string, seq: number): boolean => seq > (key.legacy[chain] ?? 0);

/** The system chain's entry recording that a chain was opened: the registry that finds a chain deleted whole. */
export const CHAIN_OPENED = 'audit.chain_opened';

/**
 * Appends one entry to its province's chain inside the caller's transaction. The chain head row is locked
 * (PostgreSQL FOR UPDATE; SQLite has a single writer), so concurrent writers extend the chain one at a time.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry, now: number): Promise<AuditRow> {
  const key = auditKey();
  const chain = entry.provinceCode ?? '';
  const { head, opened } = await lockChainHead(trx, chain, GENESIS_HASH);
  if (opened && chain !== '')
    await appendAudit(
      trx,
      { actor: null, action: CHAIN_OPENED, targetType: 'audit_chain', targetId: chain, provinceCode: null },
      now,
    );
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
  const seq = Number(head.seq) + 1;
  const hash = entryHash(fields, keyedAt(key, chain, seq) ? key : null);
  const row: AuditRow = { ...fields, seq, hash, province_code: chain };
  await appendEntry(trx, row);
  return row;
}

export interface AuditProblem {
  chain: string;
  seq: number;
  kind: 'edited' | 'removed' | 'reordered' | 'head_mismatch' | 'chain_missing' | 'rewritten';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  chains: number;
  entries: number;
  problems: AuditProblem[];
}

/**
 * Walks every chain and reports each entry that was edited (or re-hashed without the key), removed or reordered,
 * and every chain that is gone although the registry (the system chain, the key file) knows it.
 */
export async function verifyAudit(
  db: Kysely<Database>,
  key: AuditKey = auditKey(),
): Promise<AuditVerification> {
  const heads = await listChainHeads(db);
  const problems: AuditProblem[] = [];
  let entries = 0;
  const known = new Set(Object.keys(key.legacy));
  for (const head of heads) {
    const rows = await chainEntries(db, head.chain);
    entries += rows.length;
    problems.push(...verifyChain(head.chain, rows, { seq: Number(head.seq), hash: head.hash }, key));
    if (head.chain === '')
      for (const r of rows)
        if (r.action === CHAIN_OPENED && entryHash(r, keyFor(key, r)) === r.hash) known.add(r.target_id);
  }
  const present = new Set(heads.map((h) => h.chain));
  for (const chain of known)
    if (!present.has(chain))
      problems.push({
        chain,
        seq: 0,
        kind: 'chain_missing',
        message: `chain ${chain || '(system)'} was deleted`,
      });
  return { ok: problems.length === 0, chains: heads.length, entries, problems };
}

const keyFor = (key: AuditKey, row: Pick<AuditRow, 'chain' | 'seq'>): AuditKey | null =>
  keyedAt(key, row.chain, Number(row.seq)) ? key : null;

/** The heads of every chain now, signed with the audit key: kept outside the database, it proves the past. */
export interface AuditCheckpoint {
  version: 1;
  at: string;
  heads: { chain: string; seq: number; hash: string }[];
  mac: string;
}

const checkpointText = (at: string, heads: AuditCheckpoint['heads']): string => JSON.stringify([at, heads]);

export async function auditCheckpoint(
  db: Kysely<Database>,
  now: number,
  key = auditKey(),
): Promise<AuditCheckpoint> {
  const heads = (await listChainHeads(db)).map((h) => ({ chain: h.chain, seq: Number(h.seq), hash: h.hash }));
  const at = new Date(now).toISOString();
  return { version: 1, at, heads, mac: mac(key, checkpointText(at, heads)) };
}

/**
 * Checks the log against a checkpoint: the checkpoint is genuine (its MAC), and every head it recorded is still
 * in its chain unchanged — so a tail cut with the head moved back, or a chain rebuilt, is found.
 */
export async function verifyAgainstCheckpoint(
  db: Kysely<Database>,
  checkpoint: AuditCheckpoint,
  key = auditKey(),
): Promise<AuditProblem[]> {
  if (
    checkpoint.version !== 1 ||
    !sameDigest(checkpoint.mac, mac(key, checkpointText(checkpoint.at, checkpoint.heads)))
  )
    return [
      { chain: '', seq: 0, kind: 'rewritten', message: 'the checkpoint is not signed with this audit key' },
    ];
  const problems: AuditProblem[] = [];
  for (const h of checkpoint.heads) {
    if (h.seq === 0) continue;
    const row = await chainEntry(db, h.chain, h.seq);
    if (!row || row.hash !== h.hash)
      problems.push({
        chain: h.chain,
        seq: h.seq,
        kind: 'rewritten',
        message: `chain ${h.chain || '(system)'}: entry #${h.seq} is not what the checkpoint of ${checkpoint.at} recorded`,
      });
  }
  return problems;
}

export function verifyChain(
  chain: string,
  rows: AuditRow[],
  head: { seq: number; hash: string },
  key: AuditKey,
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const known = new Map(rows.map((r) => [r.hash, Number(r.seq)]));
  const label = chain || '(system)';
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  for (const row of rows) {
    const seq = Number(row.seq);
    // province_code is not hashed: it must be the chain (an inspector reads the log by it)
    if (entryHash(row, keyFor(key, row)) !== row.hash || row.province_code !== row.chain) {
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
