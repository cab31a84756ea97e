/**
 * `motcua import dossiers FILE.jsonl` (issue 5): validate every line first (pass 1); if any line is bad, write
 * nothing and list every bad line; otherwise write everything in ONE transaction (pass 2). See docs/REPORTS.md.
 */
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dialectOf } from '../db/dialect.ts';
import { planImport, type LineError } from './legacy.plan.ts';
import { importIdPrefix, type ImportContext } from './legacy.rows.ts';
import { writeImport } from './legacy.write.ts';
import type { LineProgress } from './read-lines.ts';

export type ImportPhase = 'validate' | 'write';

export interface ImportOptions {
  onProgress?: (phase: ImportPhase, progress: LineProgress) => void;
  /** The import's instant (tests); default now. */
  now?: number;
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
  /** Lines whose code was already in the database. */
  skipped: number;
  proceduresRegistered: string[];
  fieldsRegistered: number;
  /** Former unit codes met in the file → the current commune. */
  formerCodes: Record<string, string>;
  durationMs: number;
}

export type ImportResult = ImportRejected | ImportDone;

/** SQLite: a larger page cache for the bulk load (index pages of a million rows), restored afterwards. */
async function withBulkCache<T>(db: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'sqlite') return run();
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const previous = Number(before.rows[0]?.cache_size ?? -2000);
  await sql`pragma cache_size = -262144`.execute(db);
  try {
    return await run();
  } finally {
    await sql.raw(`pragma cache_size = ${Math.trunc(previous)}`).execute(db);
  }
}

export async function importLegacyDossiers(
  db: Kysely<Database>,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = Date.now();
  const plan = await planImport(db, file, (p) => options.onProgress?.('validate', p));
  if (plan.errors.length > 0) {
    plan.errors.sort((a, b) => a.line - b.line);
    return { status: 'rejected', lines: plan.lines, errors: plan.errors };
  }
  const now = options.now ?? Date.now();
  const ctx: ImportContext = { now, idPrefix: importIdPrefix(now), file: basename(file) };
  const dialect = dialectOf(db);
  const outcome = await withBulkCache(db, () =>
    db
      .transaction()
      .execute((trx) => writeImport(trx, dialect, file, plan, ctx, (p) => options.onProgress?.('write', p))),
  );
  const formerCodes: Record<string, string> = {};
  for (const [given, unit] of plan.units) if (unit && unit.code !== given) formerCodes[given] = unit.code;
  return {
    status: 'imported',
    lines: plan.lines,
    dossiers: plan.dossiers,
    ...outcome,
    formerCodes,
    durationMs: Date.now() - started,
  };
}

/** Human summary (CLI). */
export function formatImportResult(result: ImportResult): string[] {
  if (result.status === 'rejected')
    return [
      ...result.errors.map((e) => `line ${e.line}: ${e.reason}`),
      `${result.errors.length} invalid line(s) of ${result.lines}: nothing was imported.`,
    ];
  const former = Object.entries(result.formerCodes).map(([f, c]) => `${f}→${c}`);
  return [
    `Imported ${result.imported} dossier(s); skipped ${result.skipped} already present (codes known).`,
    `Procedures registered as imported: ${result.proceduresRegistered.length ? result.proceduresRegistered.join(', ') : 'none'}.`,
    ...(former.length ? [`Former unit codes resolved: ${former.join(', ')}.`] : []),
    `${result.lines} line(s) in ${(result.durationMs / 1000).toFixed(1)} s.`,
  ];
}
