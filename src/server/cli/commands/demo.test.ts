/**
 * Starting safely (docs/SECURITY.md): `serve --demo` and `seed --demo` use the demo's own SQLite file, listen on
 * 127.0.0.1 and refuse a PostgreSQL database or one holding real data; plain `serve` never seeds.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { motcua, startServer } from '../cli-test-helpers.ts';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/never-opened';
const tempDir = () => realpathSync(mkdtempSync(join(tmpdir(), 'motcua-start-')));
const usernames = (file: string): string[] => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select username from users order by username').all() as { username: string }[]).map(
      (u) => u.username,
    );
  } finally {
    db.close();
  }
};

describe('serve --demo and seed --demo refuse a database that is not the demo', () => {
  const prod = join(tempDir(), 'motcua.db');
  const prodEnv = { DATABASE_URL: `sqlite:${prod}` };

  beforeAll(async () => {
    expect((await motcua(['migrate'], { env: prodEnv })).code).toBe(0);
    const created = await motcua(
      ['users', 'create', '--username', 'cv.thu', '--unit', '25000', '--role', 'specialist'],
      { env: { ...prodEnv, MOTCUA_PASSWORD: 'long-password' } },
    );
    expect(created.code).toBe(0);
  }, 90_000);

  it('PostgreSQL: exit 2 with the reason, nothing opened', async () => {
    for (const args of [
      ['serve', '--demo'],
      ['seed', '--demo'],
    ]) {
      const run = await motcua(args, { env: { DATABASE_URL: POSTGRES } });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([
        `motcua ${args.join(' ')}: the demo runs on a SQLite file of its own, never on PostgreSQL (DATABASE_URL); ` +
          'a real server starts with motcua migrate, motcua init and motcua serve',
      ]);
    }
  });

  it('a SQLite file with a real account: exit 2 naming it, no demo account added', async () => {
    for (const args of [
      ['serve', '--demo', '--port', '0'],
      ['seed', '--demo'],
    ]) {
      const run = await motcua(args, { env: prodEnv });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        `motcua ${args.slice(0, 2).join(' ')}: ${prod} holds an account that is not a demo account (cv.thu); ` +
          'the demo needs a database of its own (leave DATABASE_URL unset for ./data/demo.db, or name a new SQLite file)',
      );
    }
    expect(usernames(prod)).toEqual(['cv.thu']);
  });
});

describe('npm start (serve --demo) with the defaults', () => {
  const cwd = tempDir();
  const demoDb = join(cwd, 'data', 'demo.db');

  it('seeds ./data/demo.db under the working directory and listens on 127.0.0.1', async () => {
    const server = await startServer(['serve', '--demo', '--port', '0'], { cwd });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.stdout()).toContain(`MộtCửa demo, sqlite (${demoDb}) listening on ${server.url}`);
      expect(server.stdout()).toMatch(/Demo loaded\. Accounts \(password "motcua-demo"\)/);
      // A SQLite file: the reports read through read-only worker threads (MOTCUA_SQLITE_READ_WORKERS), and the
      // server still stops cleanly with them (exit 0 below).
      expect(server.stdout()).toMatch(
        /Reports, dashboards and exports read through [12] read-only SQLite worker/,
      );
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(usernames(demoDb)).toContain('tiepnhan.dilinh');
  }, 120_000);

  it('starts again on its own database, and seed --demo leaves it as it is', async () => {
    const server = await startServer(['serve', '--demo', '--port', '0'], { cwd });
    try {
      expect(server.stdout()).toMatch(/Demo accounts already present/);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const seed = await motcua(['seed', '--demo'], { cwd });
    expect(seed).toMatchObject({ code: 0, stderr: '' });
    expect(seed.stdout).toContain(`The demo is already loaded in ${demoDb}; nothing seeded.`);
  }, 120_000);

  it('--host or HOST tell it otherwise', async () => {
    const server = await startServer(['serve', '--demo', '--port', '0'], { cwd, env: { HOST: 'localhost' } });
    try {
      expect(server.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('refuses its own database once a dossier in it was imported from a former system', async () => {
    const db = new SQLite(demoDb);
    db.prepare("update dossiers set source = 'import' where id = (select min(id) from dossiers)").run();
    db.close();
    const run = await motcua(['seed', '--demo'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${demoDb} holds 1 imported dossier;`);
  });
});

describe('motcua serve (no --demo)', () => {
  it('never seeds: an empty database stays without accounts', async () => {
    const file = join(tempDir(), 'motcua.db');
    const server = await startServer(['serve', '--port', '0'], {
      env: { DATABASE_URL: `sqlite:${file}`, HOST: '127.0.0.1' },
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.stdout()).toContain('No account yet: create the first administrator with motcua init');
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(usernames(file)).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(usernames(file)).toEqual([]);
  }, 120_000);
});
