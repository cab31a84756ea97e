/**
 * The audit log's key. Entries are chained by HMAC-SHA256 under a key kept outside the database (a file, mode
 * 0600, created at first start), so whoever can write the database cannot recompute the chain after an edit.
 * The file also records where each chain stood when the key was made: entries up to there were chained by plain
 * SHA-256 (before keying) and are checked that way; every later entry must carry the key. Because that boundary is
 * outside the database too, rewriting keyed entries as "old" ones is found.
 *
 * The key is process configuration, like the database connection: bootstrap loads it (`useAuditKey`) before any
 * entry is written; tests load a random one (test/support/db.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface AuditKey {
  key: Buffer;
  /** Per chain ('' = system): the last seq chained before keying (SHA-256); later entries are keyed. */
  legacy: Record<string, number>;
  /** Where the key lives ('' = in memory only). */
  file: string;
}

let current: AuditKey | null = null;

/** Makes `key` the one every audit entry of this process is chained with. */
export function useAuditKey(key: AuditKey): void {
  current = key;
}

/** The loaded key; an entry is never written unkeyed. */
export function auditKey(): AuditKey {
  if (!current) throw new Error('the audit key is not loaded (bootstrap loads MOTCUA_AUDIT_KEY_FILE)');
  return current;
}

/** A key for this process only (an in-memory database, tests). */
export const ephemeralAuditKey = (): AuditKey => ({ key: randomBytes(32), legacy: {}, file: '' });

/**
 * Where the key of a database lives: MOTCUA_AUDIT_KEY_FILE, else beside a SQLite file (`<db>.audit-key`), else
 * `./data/audit.key` for PostgreSQL; null for an in-memory SQLite database.
 */
export function auditKeyFile(databaseUrl: string, explicit?: string): string | null {
  if (explicit) return resolve(explicit);
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    return path === ':memory:' ? null : resolve(`${path}.audit-key`);
  }
  return resolve('data/audit.key');
}

interface KeyFile {
  version: 1;
  key: string;
  createdAt: string;
  legacy: Record<string, number>;
}

export function readAuditKey(file: string): AuditKey {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  if (parsed.version !== 1 || !/^[0-9a-f]{64}$/.test(parsed.key))
    throw new Error(`${file} is not a MộtCửa audit key file`);
  return { key: Buffer.from(parsed.key, 'hex'), legacy: parsed.legacy ?? {}, file };
}

/**
 * The key in `file`, created (mode 0600) when missing; `heads` are the chains as they stand, recorded as the
 * unkeyed past of an existing database.
 */
export function loadOrCreateAuditKey(
  file: string,
  heads: { chain: string; seq: number }[],
  now: number,
): AuditKey {
  if (existsSync(file)) return readAuditKey(file);
  mkdirSync(dirname(file), { recursive: true });
  const content: KeyFile = {
    version: 1,
    key: randomBytes(32).toString('hex'),
    createdAt: new Date(now).toISOString(),
    legacy: Object.fromEntries(heads.filter((h) => h.seq > 0).map((h) => [h.chain, h.seq])),
  };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  return readAuditKey(file);
}

/** HMAC-SHA256 of a text under the key, hex. */
export const mac = (key: AuditKey, text: string): string =>
  createHmac('sha256', key.key).update(text).digest('hex');

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
