/**
 * The load benchmark's database: the demo's accounts and reference data (a real server's start-up: migrations,
 * units, catalog) plus N legacy dossiers spread over the province's communes (bench/report/generate.ts, imported
 * by the legacy importer in one transaction, which runs ANALYZE at its end). SQLite: built once per N into
 * bench/load/tmp/ and copied before each run, so reruns start from the same file in seconds. PostgreSQL: a scratch
 * database (`motcua_bench`), created here and dropped by the caller.
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
}

async function build(url: string, auditKeyFile: string, dossiers: number, workDir: string): Promise<void> {
  const config = { DATABASE_URL: url, MOTCUA_AUDIT_KEY_FILE: auditKeyFile };
  const handle = await openDatabase(config, { clock: systemClock });
  let units;
  try {
    await seedDemo(handle.db, BENCH_PASSWORD, systemClock.now());
    units = await benchUnits(handle.db);
  } finally {
    await handle.close();
  }
  const jsonl = join(workDir, `dossiers-${dossiers}.jsonl`);
  if (!existsSync(jsonl))
    await generateJsonl(`${jsonl}.part`, dossiers, units.communes).then(() =>
      renameSync(`${jsonl}.part`, jsonl),
    );
  const imp = await openImportDatabase(url);
  try {
    const result = await importLegacyDossiers(imp.db, jsonl, { sqlite: imp.sqlite, now: systemClock.now() });
    if (result.status !== 'imported')
      throw new Error(`bench import rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
  } finally {
    await imp.close();
  }
  await settle(config);
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
  if (built) {
    const part = `${cached}.part`;
    rmSync(part, { force: true });
    rmSync(`${part}-wal`, { force: true });
    await build(`sqlite:${part}`, auditKeyFile, dossiers, workDir);
    rmSync(`${part}-wal`, { force: true });
    rmSync(`${part}-shm`, { force: true });
    renameSync(part, cached);
  }
  const buildMs = built ? Date.now() - t0 : 0;
  const run = join(workDir, 'run.db');
  for (const f of [run, `${run}-wal`, `${run}-shm`]) rmSync(f, { force: true });
  copyFileSync(cached, run);
  return { url: `sqlite:${run}`, auditKeyFile, dossiers, buildMs };
}

/** `motcua_bench` on the server of `adminUrl` (any database of it), created afresh. */
export async function preparePostgres(
  adminUrl: string,
  workDir: string,
  dossiers: number,
): Promise<PreparedDb> {
  mkdirSync(workDir, { recursive: true });
  await dropPostgres(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('create database motcua_bench');
  await admin.end();
  const url = benchUrl(adminUrl);
  const auditKeyFile = join(workDir, 'audit-pg.key');
  rmSync(auditKeyFile, { force: true });
  const t0 = Date.now();
  await build(url, auditKeyFile, dossiers, workDir);
  return { url, auditKeyFile, dossiers, buildMs: Date.now() - t0 };
}

export function benchUrl(adminUrl: string): string {
  const u = new URL(adminUrl);
  u.pathname = '/motcua_bench';
  return u.toString();
}

export async function dropPostgres(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('drop database if exists motcua_bench with (force)');
  } finally {
    await admin.end();
  }
}
