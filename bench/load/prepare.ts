/**
 * The load benchmark's database: the demo's accounts and reference data (a real server's start-up: migrations,
 * units, catalog) plus N legacy dossiers spread over the province's communes (bench/report/generate.ts, imported
 * by the legacy importer in one transaction, which runs ANALYZE at its end). SQLite: built once per N into
 * bench/load/tmp/ and copied before each run, so reruns start from the same file in seconds. PostgreSQL the same
 * way: built once per N into a template database `motcua_bench_base_<N>` (the same import, which ends with
 * VACUUM (ANALYZE) on PostgreSQL); each run gets the scratch database
 * `motcua_bench` as `CREATE DATABASE … TEMPLATE` of it (a file copy), dropped by the caller. The template is kept
 * for the next run (`drop database motcua_bench_base_<N>` to reclaim its space; its audit key is
 * bench/load/tmp/audit-pg-<N>.key, and the template is rebuilt when that file is missing).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/server/bootstrap.ts';
import { seedDemo } from '../../src/server/demo/demo-seed.ts';
import { SERVER_JOBS } from '../../src/server/jobs/jobs.ts';
import { openImportDatabase } from '../../src/server/legacy/legacy.connection.ts';
import { importLegacyDossiers } from '../../src/server/legacy/legacy.import.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { generateJsonl } from '../report/generate.ts';
import { benchUnits } from '../report/units.ts';

export const BENCH_PASSWORD = 'bench-load-password';
/** The demo commune whose officers the benchmark signs in as (Di Linh). */
export const BENCH_UNIT = '25000';
export const BENCH_PROVINCE = '68';

export interface PreparedDb {
  url: string;
  auditKeyFile: string;
  dossiers: number;
  /** How long building it took (0 when reused from the cache). */
  buildMs: number;
  /** Its steps, when built in this run. */
  buildSteps?: BuildSteps;
  /** PostgreSQL: how long the copy from the template took (CREATE DATABASE … TEMPLATE). */
  copyMs?: number;
}

/** How long each step of a build took, in ms (printed by the benchmark and kept in its report). */
export type BuildSteps = Record<string, number>;

async function build(
  url: string,
  auditKeyFile: string,
  dossiers: number,
  workDir: string,
): Promise<BuildSteps> {
  const steps: BuildSteps = {};
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = now - t;
    t = now;
  };
  const config = { DATABASE_URL: url, MOTCUA_AUDIT_KEY_FILE: auditKeyFile };
  const handle = await openDatabase(config, { clock: systemClock });
  let units;
  try {
    await seedDemo(handle.db, BENCH_PASSWORD, systemClock.now());
    units = await benchUnits(handle.db);
  } finally {
    await handle.close();
  }
  step('schema, demo accounts, units');
  const jsonl = join(workDir, `dossiers-${dossiers}.jsonl`);
  if (!existsSync(jsonl))
    await generateJsonl(`${jsonl}.part`, dossiers, units.communes).then(() =>
      renameSync(`${jsonl}.part`, jsonl),
    );
  step('JSONL');
  const imp = await openImportDatabase(url);
  try {
    // On PostgreSQL the importer ends with VACUUM (ANALYZE), counted here.
    const result = await importLegacyDossiers(imp.db, jsonl, { sqlite: imp.sqlite, now: systemClock.now() });
    if (result.status !== 'imported')
      throw new Error(`bench import rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
  } finally {
    await imp.close();
  }
  step('import');
  await settle(config);
  step('jobs');
  return steps;
}

/**
 * Runs the server's jobs once, as a server that had been running all along would have: the generated histories
 * end months before today, and the first run of the return job (3,831 dossiers at 1,000,000) would otherwise
 * stall the benchmark's first minute.
 */
export async function settle(config: { DATABASE_URL: string; MOTCUA_AUDIT_KEY_FILE: string }): Promise<void> {
  const handle = await openDatabase(config, { clock: systemClock });
  try {
    for (const job of SERVER_JOBS) await job.run(handle.db, systemClock.now());
  } finally {
    await handle.close();
  }
}

/** A SQLite file with `dossiers` dossiers for this run (a copy of the cached one). */
export async function prepareSqlite(workDir: string, dossiers: number): Promise<PreparedDb> {
  mkdirSync(workDir, { recursive: true });
  const cached = join(workDir, `base-${dossiers}.db`);
  const auditKeyFile = join(workDir, 'audit.key');
  const t0 = Date.now();
  const built = !existsSync(cached);
  let buildSteps: BuildSteps | undefined;
  if (built) {
    const part = `${cached}.part`;
    rmSync(part, { force: true });
    rmSync(`${part}-wal`, { force: true });
    buildSteps = await build(`sqlite:${part}`, auditKeyFile, dossiers, workDir);
    rmSync(`${part}-wal`, { force: true });
    rmSync(`${part}-shm`, { force: true });
    renameSync(part, cached);
  }
  const buildMs = built ? Date.now() - t0 : 0;
  const run = join(workDir, 'run.db');
  for (const f of [run, `${run}-wal`, `${run}-shm`]) rmSync(f, { force: true });
  copyFileSync(cached, run);
  return { url: `sqlite:${run}`, auditKeyFile, dossiers, buildMs, ...(buildSteps ? { buildSteps } : {}) };
}

const baseName = (dossiers: number) => `motcua_bench_base_${dossiers}`;

async function withAdmin<T>(adminUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/**
 * CREATE DATABASE … TEMPLATE and ALTER DATABASE … RENAME need the source to have no session: the pools closed
 * just before may still be ending theirs, so a few retries.
 */
async function whenIdle(admin: pg.Client, statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(statement);
      return;
    } catch (e) {
      const busy = e instanceof Error && /being accessed by other users/.test(e.message);
      if (!busy || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * `motcua_bench` on the server of `adminUrl` (any database of it): a copy of the template database
 * `motcua_bench_base_<N>`, built first when missing (into `…_part`, renamed when complete).
 */
export async function preparePostgres(
  adminUrl: string,
  workDir: string,
  dossiers: number,
): Promise<PreparedDb> {
  mkdirSync(workDir, { recursive: true });
  const base = baseName(dossiers);
  const part = `${base}_part`;
  const auditKeyFile = join(workDir, `audit-pg-${dossiers}.key`);
  await dropPostgres(adminUrl);
  const exists = await withAdmin(adminUrl, async (admin) => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [base]);
    return rowCount === 1;
  });
  let buildMs = 0;
  let buildSteps: BuildSteps | undefined;
  if (!exists || !existsSync(auditKeyFile)) {
    const t0 = performance.now();
    await withAdmin(adminUrl, async (admin) => {
      await admin.query(`drop database if exists ${base} with (force)`);
      await admin.query(`drop database if exists ${part} with (force)`);
      await admin.query(`create database ${part}`);
    });
    rmSync(auditKeyFile, { force: true });
    const partUrl = databaseUrl(adminUrl, part);
    buildSteps = await build(partUrl, auditKeyFile, dossiers, workDir);
    await withAdmin(adminUrl, (admin) => whenIdle(admin, `alter database ${part} rename to ${base}`));
    buildMs = performance.now() - t0;
  }
  const t1 = performance.now();
  await withAdmin(adminUrl, (admin) => whenIdle(admin, `create database motcua_bench template ${base}`));
  const copyMs = performance.now() - t1;
  return {
    url: benchUrl(adminUrl),
    auditKeyFile,
    dossiers,
    buildMs,
    copyMs,
    ...(buildSteps ? { buildSteps } : {}),
  };
}

function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export function benchUrl(adminUrl: string): string {
  return databaseUrl(adminUrl, 'motcua_bench');
}

export async function dropPostgres(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    await admin.query('drop database if exists motcua_bench with (force)');
  });
}
