import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/motcua', import.meta.url));

describe('motcua migrate, users and audit verify (CLI, SQLite file)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'motcua-cli-')), 'cli.db');
  const env = { ...process.env, DATABASE_URL: `sqlite:${file}`, MOTCUA_PASSWORD: '' };
  const run = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(BIN, args, { env });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  beforeAll(async () => {
    const migrated = await run('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/up to date/);
  }, 60_000);

  it('creates, lists, disables and re-enables an account', async () => {
    const created = await run(
      'users',
      'create',
      '--username',
      'cv.test',
      '--name',
      'Chuyên viên Thử',
      '--unit',
      '25000',
      '--role',
      'specialist',
      '--password',
      'long-password',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/Created cv\.test/);
    const listed = await run('users', 'list');
    expect(listed.stdout).toMatch(/cv\.test\s+25000\s+specialist\s+active/);
    expect((await run('users', 'disable', '--username', 'cv.test')).code).toBe(0);
    expect((await run('users', 'list')).stdout).toMatch(/cv\.test.*disabled/);
    expect((await run('users', 'enable', '--username', 'cv.test')).code).toBe(0);
    expect(
      (await run('users', 'passwd', '--username', 'cv.test', '--password', 'another-password')).code,
    ).toBe(0);
  });

  it('runs as the system: creates a system admin, resets and disables one (no session may)', async () => {
    const created = await run(
      'users',
      'create',
      '--username',
      'quantri.moi',
      '--unit',
      '68',
      '--role',
      'system_admin',
      '--password',
      'long-password',
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/Created quantri\.moi \(system_admin\)/);
    expect((await run('users', 'list')).stdout).toMatch(/quantri\.moi\s+68\s+system_admin\s+active/);
    expect(
      (await run('users', 'passwd', '--username', 'quantri.moi', '--password', 'another-password')).code,
    ).toBe(0);
    expect((await run('users', 'disable', '--username', 'quantri.moi')).code).toBe(0);
    expect((await run('users', 'enable', '--username', 'quantri.moi')).code).toBe(0);
    const db = new SQLite(file, { readonly: true });
    const entry = db
      .prepare("select actor_username, details from audit_log where action = 'user.create' and target_id = ?")
      .get('quantri.moi') as { actor_username: string | null; details: string };
    db.close();
    expect(entry).toEqual({ actor_username: null, details: JSON.stringify({ roles: ['system_admin'] }) });
  });

  it('refuses bad arguments with exit 2 and one clear line', async () => {
    const bad = await run(
      'users',
      'create',
      '--username',
      'x',
      '--unit',
      '25000',
      '--role',
      'specialist',
      '--password',
      'long-password',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/username/);
    const role = await run(
      'users',
      'create',
      '--username',
      'abc.def',
      '--unit',
      '25000',
      '--role',
      'mayor',
      '--password',
      'long-password',
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/unknown role mayor/);
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const port = await run('serve', '--port', 'eighty');
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be an integer/);
  });

  it('audit verify passes on an intact log and names an edited entry', async () => {
    const ok = await run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log intact: \d+ entries/);
    const db = new SQLite(file);
    db.prepare("update audit_log set target_id = 'forged' where seq = 2").run();
    db.close();
    const damaged = await run('audit', 'verify');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/edited: chain .*entry #2 was edited/);
  });

  it('keys the log with a 0600 file beside the database; a signed checkpoint finds a tail cut', async () => {
    expect(statSync(`${file}.audit-key`).mode & 0o777).toBe(0o600);
    const checkpoint = join(dirname(file), 'checkpoint.json');
    const signed = await run('audit', 'checkpoint', '--out', checkpoint);
    expect(signed.code).toBe(0);
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toMatchObject({
      version: 1,
      mac: expect.any(String),
    });
    // Cut the last entry of the busiest chain and move its head back, as an attacker with the database could.
    const cut = new SQLite(file);
    const head = cut.prepare('select chain, seq from audit_heads order by seq desc limit 1').get() as {
      chain: string;
      seq: number;
    };
    const prev = cut
      .prepare('select hash from audit_log where chain = ? and seq = ?')
      .get(head.chain, head.seq - 1) as {
      hash: string;
    };
    cut.prepare('delete from audit_log where chain = ? and seq = ?').run(head.chain, head.seq);
    cut
      .prepare('update audit_heads set seq = ?, hash = ? where chain = ?')
      .run(head.seq - 1, prev.hash, head.chain);
    cut.close();
    const against = await run('audit', 'verify', '--against', checkpoint);
    expect(against.code).toBe(1);
    expect(against.stderr).toMatch(new RegExp(`rewritten: .*entry #${head.seq} is not what the checkpoint`));
  });
});
