/**
 * `motcua import dossiers FILE.jsonl` (issue 5). The file is streamed once inside ONE transaction: every line is
 * validated, and written while all lines so far were valid; if any line is bad the transaction is rolled back —
 * nothing is imported — and every bad line is listed with its number and reason. See docs/REPORTS.md.
 */
import { stat } from 'node:fs/promises';
import type SQLite from 'better-sqlite3';
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { dialectOf } from '../db/dialect.ts';
import { analyzeTables } from '../db/statistics.ts';
import { importIdPrefix, type ImportContext } from './legacy.rows.ts';
import { ImportSession, type LineError } from './legacy.session.ts';
import { readParsed, useWorkerByDefault } from './legacy.source.ts';
import { suspendDossierIndexes, type Trx } from './legacy.store.ts';
import type { LineProgress } from './read-lines.ts';
import { EVERY_TENANT, withinScope } from '../platform/tenant.ts';

export type { LineError } from './legacy.session.ts';

export interface ImportOptions {
  onProgress?: (progress: LineProgress) => void;
  /** The import's instant: created_at of every row, and the day former unit codes are resolved for. */
  now: number;
  /**
   * SQLite only: the better-sqlite3 connection under `db` (see openImportDatabase). With it, rows go through
   * prepared statements reused for every row, several times faster than multi-row INSERTs through Kysely.
   */
  sqlite?: SQLite.Database;
  /** Parse in a worker thread (parsing and writing overlap); default: for files of 16 MB or more. */
  worker?: boolean;
}

export interface ImportRejected {
  status: 'rejected';
  lines: number;
  errors: LineError[];
}

export interface ImportDone {
  status: 'imported';
  lines: number;
  /** Valid dossier lines in the file. */
  dossiers: number;
  imported: number;
  /** Lines whose code was already in the database (nothing changed for them). */
  skipped: number;
  proceduresRegistered: string[];
  fieldsRegistered: number;
  /** Former unit codes met in the file → the current commune. */
  formerCodes: Record<string, string>;
  durationMs: number;
}

export type ImportResult = ImportRejected | ImportDone;

/** Thrown inside the transaction to roll it back when a line was invalid. */
class Rejected extends Error {
  readonly result: ImportRejected;

  constructor(result: ImportRejected) {
    super('legacy import rejected');
    this.result = result;
  }
}

/** Rough line count from the file size (legacy lines are ~300-600 bytes): decides the SQLite bulk-load path. */
const AVERAGE_LINE_BYTES = 450;

/** SQLite: a larger page cache for the bulk load, restored afterwards. */
async function withBulkCache<T>(db: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return run();
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const previous = Math.trunc(Number(before.rows[0]?.cache_size ?? -2000));
  await sql`pragma cache_size = -262144`.execute(db);
  try {
    return await run();
  } finally {
    await sql.raw(`pragma cache_size = ${previous}`).execute(db);
  }
}

/**
 * After an import (committed), the planners' statistics for the imported tables. PostgreSQL, after a large one:
 * `VACUUM (ANALYZE)` at once rather than when autovacuum gets to them. It sets the visibility map, so that reports
 * read the covering indexes alone (index-only scans: at 1,000,000 dossiers the province report goes from ~1.2 s to
 * ~0.45 s), and the planner sees the real row counts. Otherwise (SQLite, or a small import) a sampled ANALYZE:
 * SQLite has no statistics until one runs, and a status-filtered queue then picked the wrong index (issue 14).
 */
async function refreshStatistics(db: Kysely<Database>, imported: number): Promise<void> {
  if (imported === 0) return;
  if (imported >= 10_000 && dialectOf(db) === 'postgres')
    await sql`vacuum (analyze) dossiers, dossier_dues, dossier_suspensions`.execute(db);
  else await analyzeTables(db, IMPORTED_TABLES);
}

const IMPORTED_TABLES = ['dossiers', 'dossier_dues', 'dossier_suspensions'] as const;

interface SessionInput {
  file: string;
  ctx: ImportContext;
  options: ImportOptions;
  bytes: number;
  dialect: DialectName;
}

async function runSession(trx: Trx, { file, ctx, options, bytes, dialect }: SessionInput) {
  // The import is the system's: it reads and writes every commune's rows.
  const anyDossier = await withinScope(trx.selectFrom('dossiers').select('id'), EVERY_TENANT)
    .limit(1)
    .executeTakeFirst();
  const restoreIndexes =
    dialect === 'sqlite' ? await suspendDossierIndexes(trx, bytes / AVERAGE_LINE_BYTES) : async () => {};
  const sqlite = dialect === 'sqlite' ? options.sqlite : undefined;
  const session = new ImportSession({ db: trx, dialect, sqlite }, ctx, anyDossier !== undefined);
  const worker = options.worker ?? useWorkerByDefault(bytes);
  const lines = await readParsed(file, ctx, (batch) => session.batch(batch), {
    worker,
    onProgress: options.onProgress,
  });
  const fieldsRegistered = await session.finish();
  if (session.errors.length > 0) throw new Rejected({ status: 'rejected', lines, errors: session.errors });
  await restoreIndexes();
  return { session, lines, fieldsRegistered };
}

/**
 * The import's id prefix: the instant's, or with a counter when an earlier import had the same instant (a fixed
 * clock in tests, or two imports within one millisecond), so ids never collide and stay in import order.
 */
async function freeIdPrefix(db: Kysely<Database>, now: number): Promise<string> {
  const base = importIdPrefix(now);
  for (let n = 0; ; n++) {
    const prefix = n === 0 ? base : `${base}.${n}`;
    const taken = await withinScope(db.selectFrom('dossiers').select('id'), EVERY_TENANT)
      .where('id', '>=', `${prefix}-`)
      .where('id', '<', `${prefix}.`)
      .limit(1)
      .executeTakeFirst();
    if (!taken) return prefix;
  }
}

export async function importLegacyDossiers(
  db: Kysely<Database>,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const started = performance.now();
  const bytes = (await stat(file)).size;
  const { now } = options;
  const ctx: ImportContext = { now, idPrefix: await freeIdPrefix(db, now), file: basename(file) };
  try {
    const { session, lines, fieldsRegistered } = await withBulkCache(db, () =>
      db
        .transaction()
        .execute((trx) => runSession(trx, { file, ctx, options, bytes, dialect: dialectOf(db) })),
    );
    await refreshStatistics(db, session.imported);
    const formerCodes: Record<string, string> = {};
    for (const [given, unit] of session.units)
      if (unit && unit.code !== given) formerCodes[given] = unit.code;
    return {
      status: 'imported',
      lines,
      dossiers: session.dossiers,
      imported: session.imported,
      skipped: session.skipped,
      proceduresRegistered: session.proceduresRegistered,
      fieldsRegistered,
      formerCodes,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    if (e instanceof Rejected) return e.result;
    throw e;
  }
}

/** Human summary (CLI): for a rejected file, one line per bad line. */
export function formatImportResult(result: ImportResult): string[] {
  if (result.status === 'rejected')
    return [
      ...result.errors.map((e) => `line ${e.line}: ${e.reason}`),
      `${result.errors.length} invalid line(s) of ${result.lines}: nothing was imported.`,
    ];
  const former = Object.entries(result.formerCodes).map(([f, c]) => `${f}→${c}`);
  return [
    `Imported ${result.imported} dossier(s); skipped ${result.skipped} whose code was already present.`,
    `Procedures registered as imported (limit unknown): ${result.proceduresRegistered.join(', ') || 'none'}.`,
    ...(former.length ? [`Former unit codes resolved: ${former.join(', ')}.`] : []),
    `${result.lines} line(s) in ${(result.durationMs / 1000).toFixed(1)} s.`,
  ];
}
