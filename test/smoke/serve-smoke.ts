/**
 * Smoke test of the CLI and the server on the Node that runs this file, with Node's own type stripping (no
 * tsx): `motcua --help`, `migrate`, `calendar due`, `init` and `users create` (the demo never runs on PostgreSQL),
 * then `serve` on a free port answering health, a sign-in, a dossier list and two documents made by the render
 * workers (a PDF and an Excel file), a clean stop on SIGTERM, then `report` and `audit verify` on what was written.
 *
 *   node24 test/smoke/serve-smoke.ts     (run by test/smoke/node24.sh; needs Node 22.18+)
 *
 * Database: SMOKE_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test. For a
 * postgres:// URL a uniquely named database is created beside it and dropped at the end; a sqlite: URL is used as
 * given (better-sqlite3 must then be built for this Node).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const CLI = fileURLToPath(new URL('../../bin/motcua', import.meta.url));
const PASSWORD = 'smoke-long-password';
const OFFICER = 'tiepnhan.smoke';
const STEP_TIMEOUT_MS = 90_000;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function fail(message: string): never {
  throw new Error(`smoke: ${message}`);
}

function check(ok: boolean, message: string): void {
  if (!ok) fail(message);
}

function cliEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MOTCUA_PASSWORD: PASSWORD,
    MOTCUA_LOG_LEVEL: 'warn',
    NODE_OPTIONS: '',
  };
}

/** Runs one CLI command to its end. */
async function runCli(databaseUrl: string, args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(databaseUrl) });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  console.log(`  motcua ${args.join(' ')} -> exit ${code}`);
  return { code, out, err };
}

function expectSuccess(run: Run, what: string): string {
  check(run.code === 0, `${what} exited ${run.code}\n${run.out}\n${run.err}`);
  return run.out;
}

async function smokeServer(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: cliEnv(databaseUrl),
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'close') as Promise<[number | null]>;
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('serve did not listen in time')), STEP_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void exited.then(([code]) => reject(new Error(`serve exited ${code}\n${out}\n${err}`)));
    });
    console.log(`  motcua serve -> listening on ${base}`);

    const health = await fetch(`${base}/api/health`);
    const healthBody = (await health.json()) as { status?: string };
    check(health.status === 200 && healthBody.status === 'ok', `GET /api/health: ${health.status}`);
    console.log(`  GET /api/health -> ${health.status} ${JSON.stringify(healthBody)}`);

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: OFFICER, password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    check(login.status === 200 && cookie !== '', `POST /api/auth/login: ${login.status}`);
    console.log(`  POST /api/auth/login (${OFFICER}) -> ${login.status}`);

    const list = await fetch(`${base}/api/dossiers`, { headers: { cookie } });
    const listBody = (await list.json()) as { items?: unknown[] };
    check(list.status === 200 && Array.isArray(listBody.items), `GET /api/dossiers: ${list.status}`);
    console.log(`  GET /api/dossiers -> ${list.status}, ${listBody.items?.length} dossiers (a new database)`);

    // Documents are made by the render workers (worker threads loading TypeScript the way this Node does).
    for (const [url, magic] of [
      ['/api/registers/dossiers.pdf?from=2026-01-01&to=2026-01-31', '%PDF-'],
      ['/api/procedures/export.xlsx', 'PK'],
    ] as const) {
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      const bytes = Buffer.from(await res.arrayBuffer());
      const head = bytes.subarray(0, magic.length).toString('latin1');
      check(res.status === 200 && head === magic, `GET ${url}: ${res.status} ${bytes.length} bytes`);
      console.log(`  GET ${url} -> ${res.status}, ${bytes.length} bytes (render worker)`);
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  const [code] = await exited;
  check(code === 0, `serve stopped with exit ${code}\n${err}`);
  console.log(`  SIGTERM -> serve stopped, exit ${code}`);
}

async function smoke(databaseUrl: string): Promise<void> {
  const help = expectSuccess(await runCli(databaseUrl, ['--help']), 'motcua --help');
  check(help.includes('motcua serve'), 'motcua --help printed no usage');
  expectSuccess(await runCli(databaseUrl, ['migrate']), 'motcua migrate');
  const due = expectSuccess(
    await runCli(databaseUrl, [
      'calendar',
      'due',
      '--received',
      '2026-02-13T16:00:00+07:00',
      '--limit',
      '3',
      '--unit',
      'working_day',
    ]),
    'motcua calendar due',
  );
  // README's example: received on the Friday afternoon before the Tết 2026 holiday.
  check(due.trim() === '{"due":"2026-02-25T17:30:00+07:00"}', `calendar due answered ${due}`);
  expectSuccess(
    await runCli(databaseUrl, ['init', '--admin-username', 'quantri.smoke', '--unit', '68']),
    'motcua init',
  );
  expectSuccess(
    await runCli(databaseUrl, [
      'users',
      'create',
      '--username',
      OFFICER,
      '--unit',
      '25000',
      '--role',
      'counter_officer',
    ]),
    'motcua users create',
  );
  await smokeServer(databaseUrl);
  const report = expectSuccess(
    await runCli(databaseUrl, [
      'report',
      '--unit',
      '25000',
      '--from',
      '2025-07-01',
      '--to',
      '2025-07-31',
      '--format',
      'json',
    ]),
    'motcua report',
  );
  check(report.trim().startsWith('{'), 'motcua report printed no JSON');
  expectSuccess(await runCli(databaseUrl, ['audit', 'verify']), 'motcua audit verify');
}

/** A fresh PostgreSQL database beside `baseUrl`, dropped after `use`. */
async function withPostgresDatabase(baseUrl: string, use: (url: string) => Promise<void>): Promise<void> {
  const name = `motcua_smoke_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    try {
      await use(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const stripping: unknown = Reflect.get(process.features, 'typescript');
  check(Boolean(stripping), `Node ${process.version} does not strip types itself (Node 22.18+ does)`);
  const baseUrl =
    process.env.SMOKE_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  console.log(`smoke: Node ${process.version}, type stripping: ${String(stripping)}, no tsx`);
  const started = Date.now();
  if (baseUrl.startsWith('sqlite:')) await smoke(baseUrl);
  else await withPostgresDatabase(baseUrl, smoke);
  console.log(`smoke: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await main();
