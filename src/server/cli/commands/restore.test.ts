import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/motcua', import.meta.url));

async function motcua(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(BIN, args, { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Runs SQL on a database file (closed after). */
function sql(file: string, text: string): unknown[] {
  const db = new SQLite(file);
  try {
    return text.trim().toLowerCase().startsWith('select') ? db.prepare(text).all() : (db.exec(text), []);
  } finally {
    db.close();
  }
}

const tables = (file: string) =>
  (sql(file, "select name from sqlite_master where type = 'table'") as { name: string }[]).map((r) => r.name);

describe('motcua restore (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-restore-'));
  const live = join(dir, 'live.db');
  const files = join(dir, 'files');
  const out = join(dir, 'backups');
  const env = { DATABASE_URL: `sqlite:${live}`, MOTCUA_FILES_DIR: files };
  let copy = '';
  /** A variant of the good copy, in its own folder. */
  const variant = (name: string, change: (file: string) => void) => {
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-variant-')), `${name}.db`);
    copyFileSync(copy, file);
    change(file);
    return file;
  };

  beforeAll(async () => {
    expect((await motcua(env, 'seed', '--demo')).code).toBe(0);
    mkdirSync(join(files, 'cd'), { recursive: true });
    writeFileSync(join(files, 'cd', 'cd34'), 'scan');
    const res = await motcua(env, 'backup', '--out', out);
    expect(res.code).toBe(0);
    copy = join(
      out,
      readdirSync(out).find((n) => n.endsWith('.db'))!,
    );
    // What happens after the backup, and is undone by the restore.
    sql(live, 'create table after_backup (x integer)');
    rmSync(join(files, 'cd', 'cd34'));
  }, 90_000);

  it('refuses to replace an existing database without --force (exit 2), changing nothing', async () => {
    const res = await motcua(env, 'restore', copy);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/exists; add --force/);
    expect(tables(live)).toContain('after_backup');
  });

  it('refuses a database in use (a server has it open)', async () => {
    const server = new SQLite(live);
    server.pragma('journal_mode = WAL');
    try {
      const res = await motcua(env, 'restore', copy, '--force');
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/is in use; stop the server/);
    } finally {
      server.close();
    }
    expect(tables(live)).toContain('after_backup');
  }, 30_000);

  it('refuses a copy that is not a database, fails integrity_check, is newer, or whose audit log was changed', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const newer = variant('newer', (f) =>
      sql(f, "insert into kysely_migration values ('209912310001_future', 'x')"),
    );
    const tampered = variant('tampered', (f) =>
      sql(f, "update audit_log set action = 'user.login' where seq = (select min(seq) from audit_log)"),
    );
    const corrupt = variant('corrupt', (f) => {
      const bytes = readFileSync(f);
      bytes.fill(0xff, 4096 * 3, 4096 * 6); // some pages in the middle of the file
      writeFileSync(f, bytes);
    });
    for (const [file, why] of [
      [garbage, /not a SQLite database|cannot be opened/],
      [corrupt, /integrity_check|malformed|not a SQLite database/],
      [newer, /newer MộtCửa.*209912310001_future/],
      [tampered, /audit log does not verify/],
    ] as const) {
      const res = await motcua(env, 'restore', file, '--force');
      expect(res.code, file).toBe(1);
      expect(res.stderr).toMatch(why);
      expect(res.stderr).toMatch(/Nothing was changed/);
      expect(tables(live)).toContain('after_backup');
    }
    expect(readdirSync(dir).filter((n) => n.includes('.restore-'))).toEqual([]);
  }, 90_000);

  it('restores a checked copy round trip: data, attachment files, audit log intact, the old file kept', async () => {
    const res = await motcua(env, 'restore', copy, '--force');
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(/integrity ok, migrations up to date, audit log intact \(\d+ entries\)/);
    expect(res.stdout).toMatch(/Attachment files: 1 copied back of 1/);
    expect(tables(live)).not.toContain('after_backup');
    expect(sql(live, "select username from users where username = 'lanhdao.dilinh'")).toHaveLength(1);
    expect(existsSync(join(files, 'cd', 'cd34'))).toBe(true);
    const kept = readdirSync(dir).filter((n) => n.startsWith('live.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(tables(join(dir, kept[0]!))).toContain('after_backup');
    expect(statSync(live).mode & 0o777).toBe(0o600);
    const verify = await motcua(env, 'audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact/);
  }, 60_000);

  it('sends PostgreSQL to pg_restore instead (exit 2, nothing touched)', async () => {
    const res = await motcua({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'restore', copy);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/pg_restore --clean --if-exists --no-owner/);
  });
});
