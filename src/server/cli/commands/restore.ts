/**
 * `motcua restore FILE [--force]`: puts a SQLite copy made by `motcua backup` back as the configured database
 * (docs/OPERATIONS.md). The copy is checked before anything is replaced:
 * - it is a SQLite database that passes `integrity_check`;
 * - its migrations are all known to this version (a copy made by a newer MộtCửa is refused); older ones are brought
 *   up to date on the restored file;
 * - its audit chains verify under this installation's audit key (`<db>.audit-key` or MOTCUA_AUDIT_KEY_FILE).
 * The database it replaces must not be in use (stop `motcua serve` first) and is replaced only with `--force`; it
 * is kept beside as `<db>.before-restore-<stamp>`. Attachment files in the copy's `files/` folder are copied back.
 * PostgreSQL copies are pg_dump archives: they are restored with pg_restore, not by this command.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../config.ts';
import { connect, parseDatabaseUrl } from '../../db/connect.ts';
import { knownMigrations, migrateToLatest } from '../../db/migrate.ts';
import { auditKeyFile, readAuditKey } from '../../audit/audit-key.ts';
import { verifyAudit } from '../../audit/audit.service.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';
import { backupStamp, copyNewFiles, copySqlite, SIDE_FILES } from './backup.ts';

const USAGE = 'restore: usage: motcua restore FILE [--force]';

/** A check of the copy that failed: the command exits 1 and nothing was replaced. */
class RestoreRefused extends Error {}

/** Whether another connection (a running server) has the SQLite database open: leaving WAL mode needs it alone. */
export function sqliteInUse(path: string): boolean {
  const db = new SQLite(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED')
      return true;
    throw e;
  } finally {
    db.close();
  }
}

/** integrity_check and the migration level of the copy; returns the migrations it lacks. */
async function checkCopy(file: string): Promise<{ pending: string[] }> {
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new RestoreRefused(`${file} cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch (e) {
      throw new RestoreRefused(`${file} is not a SQLite database (${e instanceof Error ? e.message : e})`);
    }
    if (check !== 'ok') throw new RestoreRefused(`${file} fails integrity_check: ${String(check)}`);
    const hasTable = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasTable) throw new RestoreRefused(`${file} is not a MộtCửa database (no migration table)`);
    const applied = (
      db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
    ).map((r) => r.name);
    const known = await knownMigrations();
    const unknown = applied.filter((n) => !known.includes(n));
    if (unknown.length)
      throw new RestoreRefused(
        `${file} was made by a newer MộtCửa (unknown migration(s): ${unknown.join(', ')}); restore it with that version`,
      );
    return { pending: known.filter((n) => !applied.includes(n)) };
  } finally {
    db.close();
  }
}

/** Brings the restored copy up to date and verifies its audit chains under the key; returns the entries checked. */
async function migrateAndVerify(
  file: string,
  keyFile: string,
): Promise<{ applied: string[]; entries: number }> {
  const key = readAuditKey(keyFile);
  const handle = await connect(`sqlite:${file}`);
  try {
    const { applied } = await migrateToLatest(handle.db);
    const result = await verifyAudit(handle.db, key);
    if (result.problems.length)
      throw new RestoreRefused(
        `the copy's audit log does not verify under ${keyFile}: ${result.problems.length} problem(s), first: ${result.problems[0]!.message}`,
      );
    return { applied, entries: result.entries };
  } finally {
    await handle.close();
    // Everything in the main file (no -wal left behind) before it is renamed into place.
    const db = new SQLite(file);
    db.pragma('journal_mode = DELETE');
    db.close();
  }
}

export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('restore', args, { force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new CliUsageError(USAGE);
  const config = loadConfig();
  const { dialect, target: url } = parseDatabaseUrl(config.DATABASE_URL);
  if (dialect !== 'sqlite')
    throw new CliUsageError(
      'restore: PostgreSQL copies are pg_dump archives: restore one with ' +
        '`pg_restore --clean --if-exists --no-owner --dbname=<DATABASE_URL> FILE` with the server stopped (docs/OPERATIONS.md)',
    );
  if (url === ':memory:') throw new CliUsageError('restore: DATABASE_URL is an in-memory database');
  const source = resolve(positionals[0]!);
  const target = resolve(url);
  if (!existsSync(source)) throw new CliUsageError(`restore: no file ${source}`);
  if (source === target) throw new CliUsageError('restore: FILE is the configured database itself');
  const exists = existsSync(target);
  if (exists && !values.force)
    throw new CliUsageError(
      `restore: ${target} exists; add --force to replace it (it is kept as a .before-restore copy)`,
    );
  if (exists && sqliteInUse(target))
    throw new CliUsageError(`restore: ${target} is in use; stop the server (motcua serve) first`);
  const keyFile = auditKeyFile(config.DATABASE_URL, config.MOTCUA_AUDIT_KEY_FILE)!;
  if (!existsSync(keyFile))
    throw new CliUsageError(
      `restore: no audit key at ${keyFile}; put back the key of the installation the copy comes from (MOTCUA_AUDIT_KEY_FILE)`,
    );

  const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
  try {
    const { pending } = await checkCopy(source);
    await copySqlite(source, temp);
    const { applied, entries } = await migrateAndVerify(temp, keyFile);
    io.out(
      `Checked ${source}: integrity ok, ${pending.length ? `${applied.length} migration(s) applied` : 'migrations up to date'}, audit log intact (${entries} entries).`,
    );
    if (exists) {
      if (sqliteInUse(target)) throw new CliUsageError(`restore: ${target} is in use; stop the server first`);
      const kept = `${target}.before-restore-${backupStamp(io.clock.now()).replace(/^motcua-/, '')}`;
      renameSync(target, kept);
      io.out(`The database it replaces is kept as ${kept}.`);
    }
    for (const side of SIDE_FILES) rmSync(`${target}${side}`, { force: true });
    renameSync(temp, target);
    io.out(`Restored ${target}.`);
  } catch (e) {
    if (e instanceof RestoreRefused) {
      io.err(`motcua restore: refused: ${e.message}. Nothing was changed.`);
      return 1;
    }
    throw e;
  } finally {
    for (const side of ['', ...SIDE_FILES]) rmSync(`${temp}${side}`, { force: true });
  }
  const files = copyNewFiles(join(dirname(source), 'files'), resolve(config.MOTCUA_FILES_DIR));
  io.out(`Attachment files: ${files.copied} copied back of ${files.total} in the backup.`);
  return 0;
}
