/**
 * `motcua backup [--out DIR] [--keep N]`: a consistent copy of the database while the server runs, with the
 * attachment files beside it (docs/OPERATIONS.md).
 * - SQLite: SQLite's online backup API (page by page; writers are not blocked), then `integrity_check` on the copy.
 * - PostgreSQL: `pg_dump --format=custom` of the database in DATABASE_URL (pg_dump must be installed).
 * The attachment files are content-addressed (their name is their SHA-256): only files not yet in the backup
 * folder's shared `files/` are copied. `--keep N` keeps the N newest database copies (with their -wal/-shm files).
 * Every copy is readable by its owner only (files 0600, folders 0700): it holds the personal data of the database.
 * `motcua restore` (restore.ts) puts a SQLite copy back.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../config.ts';
import { parseDatabaseUrl } from '../../db/connect.ts';
import { parseCommandArgs, parseIntOption } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const PREFIX = 'motcua-';

/** `motcua-20261129-074500` in local time (UTC+7): sorts in time order. */
export function backupStamp(now: number): string {
  const d = new Date(now + 7 * 3_600_000).toISOString();
  return `${PREFIX}${d.slice(0, 10).replaceAll('-', '')}-${d.slice(11, 19).replaceAll(':', '')}`;
}

/** Files a copy writes are its owner's only. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates `path` empty with mode 0600 (before SQLite or pg_dump writes into it, so it is never readable by others). */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE));
}

/** The files SQLite keeps beside a database (write-ahead log, its index, a rollback journal). */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/**
 * SQLite's online backup of `source` into `dest` (made 0600), switched to a rollback journal so that the copy is one
 * self-contained file (no -wal/-shm beside it).
 */
export async function copySqlite(source: string, dest: string): Promise<number> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(dest);
    const progress = await db.backup(dest);
    const copy = new SQLite(dest);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (const side of SIDE_FILES) rmSync(`${dest}${side}`, { force: true });
    return progress.totalPages;
  } finally {
    db.close();
  }
}

async function backupSqlite(source: string, dest: string): Promise<{ pages: number; dossiers: number }> {
  if (!existsSync(source)) throw new CliUsageError(`backup: no database at ${source}`);
  const pages = await copySqlite(source, dest);
  {
    const copy = new SQLite(dest, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup: the copy fails integrity_check: ${String(check)}`);
      const hasDossiers = copy
        .prepare("select 1 from sqlite_master where type = 'table' and name = 'dossiers'")
        .get();
      const row = hasDossiers
        ? (copy.prepare('select count(*) as n from dossiers').get() as { n: number })
        : null;
      return { pages, dossiers: row?.n ?? 0 };
    } finally {
      copy.close();
    }
  }
}

function backupPostgres(url: string, dest: string): Promise<void> {
  createPrivateFile(dest);
  return new Promise((done, fail) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${dest}`, url], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ENOENT'
          ? new Error('backup: pg_dump is not installed (Debian: apt-get install postgresql-client)')
          : e,
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`backup: pg_dump failed: ${stderr.trim().split('\n')[0] ?? code}`)),
    );
  });
}

/** Copies the attachment files not yet in `dest` (same name = same content); returns how many were copied. */
export function copyNewFiles(source: string, dest: string): { copied: number; total: number } {
  let copied = 0;
  let total = 0;
  if (!existsSync(source)) return { copied, total };
  const walk = (from: string, to: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const src = join(from, entry.name);
      const dst = join(to, entry.name);
      if (entry.isDirectory()) walk(src, dst);
      else if (entry.isFile()) {
        total += 1;
        if (existsSync(dst) && statSync(dst).size === statSync(src).size) continue;
        mkdirSync(to, { recursive: true, mode: PRIVATE_DIR });
        copyFileSync(src, dst);
        chmodSync(dst, PRIVATE_FILE);
        copied += 1;
      }
    }
  };
  walk(source, dest);
  return { copied, total };
}

/** Removes all but the `keep` newest copies (files named motcua-<stamp>.db or .dump), with their -wal/-shm files. */
function prune(dir: string, keep: number): string[] {
  const copies = readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && /\.(db|dump)$/.test(n))
    .sort()
    .reverse();
  const removed = copies.slice(keep);
  for (const name of removed)
    for (const side of ['', ...SIDE_FILES]) rmSync(join(dir, `${name}${side}`), { force: true });
  return removed;
}

/** Runs the copy; when it fails (a full disk, a bad source…) no partial copy is left to be mistaken for a backup. */
async function withoutPartialCopy<T>(dest: string, copy: () => Promise<T>): Promise<T> {
  try {
    return await copy();
  } catch (e) {
    for (const side of ['', ...SIDE_FILES]) rmSync(`${dest}${side}`, { force: true });
    throw e;
  }
}

export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('backup', args, {
    out: { type: 'string' },
    keep: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliUsageError('backup: usage: motcua backup [--out DIR] [--keep N]');
  const keep = parseIntOption('backup', 'keep', values.keep, 1, 10_000);
  const config = loadConfig();
  const out = resolve(values.out ?? './data/backups');
  mkdirSync(out, { recursive: true, mode: PRIVATE_DIR });
  const { dialect, target } = parseDatabaseUrl(config.DATABASE_URL);
  const started = io.clock.now();
  const stamp = backupStamp(started);
  let dest: string;
  if (dialect === 'sqlite') {
    if (target === ':memory:') throw new CliUsageError('backup: an in-memory database cannot be backed up');
    dest = join(out, `${stamp}.db`);
    const { pages, dossiers } = await withoutPartialCopy(dest, () => backupSqlite(resolve(target), dest));
    io.out(`Database copied to ${dest} (${pages} pages, ${dossiers} dossiers; integrity ok).`);
  } else {
    dest = join(out, `${stamp}.dump`);
    await withoutPartialCopy(dest, () => backupPostgres(target, dest));
    io.out(`Database dumped to ${dest} (pg_dump custom format; restore with pg_restore).`);
  }
  const files = copyNewFiles(resolve(config.MOTCUA_FILES_DIR), join(out, 'files'));
  io.out(`Attachment files: ${files.copied} new of ${files.total}, in ${join(out, 'files')}.`);
  if (keep !== undefined) {
    const removed = prune(out, keep);
    if (removed.length) io.out(`Removed ${removed.length} older copy(ies); kept the ${keep} newest.`);
  }
  io.out(`Done in ${((io.clock.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}
