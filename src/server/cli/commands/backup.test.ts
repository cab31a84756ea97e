import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStamp } from './backup.ts';

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

describe('motcua backup (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-backup-'));
  const files = join(dir, 'files');
  const out = join(dir, 'backups');
  const env = { DATABASE_URL: `sqlite:${join(dir, 'live.db')}`, MOTCUA_FILES_DIR: files };

  beforeAll(async () => {
    const seeded = await motcua(env, 'seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/\d{2,} dossiers, 6 petitions, 4 tasks/);
    mkdirSync(join(files, 'ab'), { recursive: true });
    writeFileSync(join(files, 'ab', 'ab12'), 'scan');
  }, 60_000);

  it('copies the database consistently and the attachment files once', async () => {
    const first = await motcua(env, 'backup', '--out', out);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/integrity ok/);
    expect(first.stdout).toMatch(/Attachment files: 1 new of 1/);
    const copies = readdirSync(out).filter((n) => n.endsWith('.db'));
    expect(copies).toHaveLength(1);
    // The copy holds personal data: its owner's only, and one self-contained file.
    expect(statSync(join(out, copies[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'files', 'ab', 'ab12')).mode & 0o777).toBe(0o600);
    expect(readdirSync(out).filter((n) => /-(wal|shm|journal)$/.test(n))).toEqual([]);
    const copy = new SQLite(join(out, copies[0]!), { readonly: true });
    const users = copy.prepare('select username from users order by username').all() as {
      username: string;
    }[];
    copy.close();
    expect(users.map((u) => u.username)).toContain('lanhdao.dilinh');
    expect(readdirSync(join(out, 'files', 'ab'))).toEqual(['ab12']);
    await new Promise((r) => setTimeout(r, 1100)); // the next copy gets another second in its name
    // A copy someone opened in WAL mode left its side files: pruning the copy removes them too.
    for (const side of ['-wal', '-shm']) writeFileSync(join(out, `${copies[0]!}${side}`), '');
    const second = await motcua(env, 'backup', '--out', out, '--keep', '1');
    expect(second.stdout).toMatch(/Attachment files: 0 new of 1/);
    expect(second.stdout).toMatch(/Removed 1 older copy/);
    const left = readdirSync(out).filter((n) => n.endsWith('.db'));
    expect(left).toHaveLength(1);
    expect(left[0]).not.toBe(copies[0]);
    for (const side of ['-wal', '-shm']) expect(existsSync(join(out, `${copies[0]!}${side}`))).toBe(false);
  }, 60_000);

  it('refuses bad arguments with exit 2 and one line', async () => {
    const bad = await motcua(env, 'backup', '--keep', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('motcua backup: --keep must be an integer from 1 to 10000, got "0"');
    expect((await motcua(env, 'backup', 'now')).code).toBe(2);
  });

  it('leaves no partial copy when the copy fails (exit 1)', async () => {
    const broken = join(dir, 'broken.db');
    writeFileSync(broken, Buffer.alloc(8192, 7)); // not a database
    const failedOut = join(dir, 'failed');
    const res = await motcua({ ...env, DATABASE_URL: `sqlite:${broken}` }, 'backup', '--out', failedOut);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^motcua backup: /);
    expect(readdirSync(failedOut)).toEqual([]);
  }, 30_000);

  it('names copies by local time, in sortable order', () => {
    expect(backupStamp(Date.UTC(2026, 10, 29, 0, 45, 5))).toBe('motcua-20261129-074505');
  });
});

const PG = process.env.TEST_DATABASE_URL;
const HAS_PG_DUMP = spawnSync('pg_dump', ['--version']).status === 0;

describe.skipIf(!PG || !HAS_PG_DUMP)('motcua backup (PostgreSQL, pg_dump)', () => {
  const name = `motcua_backup_${process.pid}`;
  const admin = () => new pg.Client({ connectionString: PG });
  let url = '';

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(PG!);
    u.pathname = `/${name}`;
    url = u.toString();
    expect((await motcua({ DATABASE_URL: url }, 'migrate')).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${name}`);
    await c.end();
  });

  it('dumps the database in pg_dump custom format', async () => {
    const out = mkdtempSync(join(tmpdir(), 'motcua-pgbackup-'));
    const res = await motcua(
      { DATABASE_URL: url, MOTCUA_FILES_DIR: join(out, 'none') },
      'backup',
      '--out',
      out,
    );
    expect(res).toMatchObject({ code: 0 });
    const dumps = readdirSync(out).filter((n) => n.endsWith('.dump'));
    expect(dumps).toHaveLength(1);
    const { stdout } = await promisify(execFile)('pg_restore', ['--list', join(out, dumps[0]!)]);
    expect(stdout).toMatch(/TABLE .*dossiers/);
  }, 60_000);
});
