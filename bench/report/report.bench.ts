/**
 * Report benchmark (issue 5): `npx tsx bench/report/report.bench.ts [--dossiers 1000000] [--keep]
 * [--postgres postgres://…]`. With --postgres the same file is also imported into a fresh schema `bench_report` of
 * that database and the same reports are timed there (a second table; the targets are SQLite's).
 * Generates a legacy JSONL over the 124 communes of Lâm Đồng (real units when the unit import works, else
 * synthetic codes), imports it into a fresh SQLite file, then times the province's one-month period report beside
 * one hand-written SQL aggregate over the same rows. Prints a Markdown table and writes bench/results/report.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { openImportDatabase, type ImportDbHandle } from '../../src/server/legacy/legacy.connection.ts';
import { importLegacyDossiers } from '../../src/server/legacy/legacy.import.ts';
import { periodReport } from '../../src/server/reports/period-report.ts';
import { resolvePeriod } from '../../src/server/platform/period.ts';
import { baselineAggregate, rangeAggregate } from './baseline.ts';
import { generateJsonl } from './generate.ts';
import { benchUnits, type BenchUnits } from './units.ts';
import { systemClock } from '../../src/server/platform/clock.ts';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    from: { type: 'string', default: '2026-03-01' },
    to: { type: 'string', default: '2026-03-31' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
    postgres: { type: 'string' },
  },
});
const COUNT = Number(values.dossiers);
const RUNS = Math.max(1, Number(values.runs));
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error('--dossiers must be a positive integer');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** The median of `RUNS` timed runs after one warm-up. */
async function timeIt<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = process.hrtime.bigint();
    value = await run();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value };
}

interface ImportFigures {
  bytes: number;
  genMs: number;
  importMs: number;
  cpuMs: number;
}

async function generateAndImport(
  handle: ImportDbHandle,
  jsonl: string,
  units: BenchUnits,
): Promise<ImportFigures> {
  const t0 = process.hrtime.bigint();
  const bytes = await generateJsonl(jsonl, COUNT, units.communes);
  const genMs = ms(t0);
  return { ...(await importOnly(handle, jsonl)), bytes, genMs };
}

async function importOnly(handle: ImportDbHandle, jsonl: string) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const imported = await importLegacyDossiers(handle.db, jsonl, {
    sqlite: handle.sqlite,
    now: systemClock.now(),
  });
  const cpu = process.cpuUsage(c0);
  const importMs = ms(t0);
  if (imported.status !== 'imported')
    throw new Error(`import rejected: ${JSON.stringify(imported.errors.slice(0, 5))}`);
  return { importMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function timeReports(handle: ImportDbHandle, units: BenchUnits) {
  const input = { unitCode: units.provinceCode, from: values.from as string, to: values.to as string };
  const report = await timeIt(() => periodReport(handle.db, input, systemClock.now()));
  const bounds = resolvePeriod(input.from, input.to);
  const base = await timeIt(() =>
    baselineAggregate(handle.db, units.provinceCode, bounds.fromMs, bounds.endMs),
  );
  const ranged = await timeIt(() =>
    rangeAggregate(handle.db, units.provinceCode, bounds.fromMs, bounds.endMs),
  );
  const commune = await timeIt(() =>
    periodReport(handle.db, { ...input, unitCode: units.communes[0]?.code ?? '' }, systemClock.now()),
  );
  const t = report.value.totals;
  const agrees = (b: typeof base.value) =>
    t.received.total === b.received &&
    t.resolved.total === b.resolved &&
    t.inProgress.total === b.inProgress &&
    t.inProgress.overdue === b.overdue;
  return { input, report, base, ranged, commune, same: agrees(base.value) && agrees(ranged.value) };
}

function markdown(units: BenchUnits, imp: ImportFigures, r: Awaited<ReturnType<typeof timeReports>>): string {
  const t = r.report.value.totals;
  const linesPerSecond = COUNT / (imp.importMs / 1000);
  const rate = Math.round(linesPerSecond).toLocaleString('en');
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const ratio = r.report.ms / r.ranged.ms;
  const rows: [string, string][] = [
    ['machine', `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} CPUs)`],
    ['node', process.version],
    ['date', `${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC`],
    ['units', `${units.source}: province ${units.provinceCode}, ${units.communes.length} communes`],
    ['dossiers (lines)', COUNT.toLocaleString('en')],
    ['JSONL size', `${(imp.bytes / 1e6).toFixed(0)} MB (generated in ${(imp.genMs / 1000).toFixed(1)} s)`],
    [
      'import (SQLite, one transaction)',
      `${(imp.importMs / 1000).toFixed(1)} s — ${rate} lines/s (target ≥ 20,000 lines/s, i.e. < 60 s for 1,000,000: ${met(linesPerSecond >= 20_000)}); CPU of both threads ${(imp.cpuMs / 1000).toFixed(1)} s`,
    ],
    [
      `period report, province, ${r.input.from}..${r.input.to}`,
      `${r.report.ms.toFixed(0)} ms (target < 1 s: ${met(r.report.ms < 1000)})`,
    ],
    ['hand-written SQL aggregate, same rows (natural WHERE)', `${r.base.ms.toFixed(0)} ms`],
    ['hand-written SQL aggregate, same rows (the two index ranges)', `${r.ranged.ms.toFixed(0)} ms`],
    [
      'ratio report / SQL (natural; index ranges)',
      `${(r.report.ms / r.base.ms).toFixed(2)}×; ${ratio.toFixed(2)}× (target ≤ 2×: ${met(ratio <= 2)})`,
    ],
    ['period report, one commune', `${r.commune.ms.toFixed(1)} ms`],
    [
      'dossiers in the province report',
      `${t.received.total.toLocaleString('en')} (in progress at E: ${t.inProgress.total.toLocaleString('en')}); figures equal both SQL's: ${r.same ? 'yes' : 'NO'}`,
    ],
  ];
  return ['| measure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function markdownPostgres(imp: { importMs: number }, r: Awaited<ReturnType<typeof timeReports>>): string {
  const rows: [string, string][] = [
    ['database', 'PostgreSQL (same machine), a fresh schema'],
    [
      'import (one transaction, unnest batches)',
      `${(imp.importMs / 1000).toFixed(1)} s — ${Math.round(COUNT / (imp.importMs / 1000)).toLocaleString('en')} lines/s`,
    ],
    [`period report, province, ${r.input.from}..${r.input.to}`, `${r.report.ms.toFixed(0)} ms`],
    ['hand-written SQL aggregate, same rows (natural WHERE)', `${r.base.ms.toFixed(0)} ms`],
    ['hand-written SQL aggregate, same rows (the two index ranges)', `${r.ranged.ms.toFixed(0)} ms`],
    [
      'ratio report / SQL (natural; index ranges)',
      `${(r.report.ms / r.base.ms).toFixed(2)}×; ${(r.report.ms / r.ranged.ms).toFixed(2)}×`,
    ],
    ['period report, one commune', `${r.commune.ms.toFixed(1)} ms`],
    ["figures equal both SQL's and SQLite's", r.same ? 'yes' : 'NO'],
  ];
  return ['| measure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

/** The same file imported into PostgreSQL (schema `bench_report`, dropped first and after). */
async function onPostgres(url: string, jsonl: string, sqliteTotals: unknown) {
  const schema = 'bench_report';
  const drop = async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
  await drop();
  const handle = await connect(url, { schema });
  try {
    await migrateToLatest(handle.db, schema);
    const units = await benchUnits(handle.db);
    const imp = await importOnly(handle, jsonl);
    const reports = await timeReports(handle, units);
    reports.same &&= JSON.stringify(reports.report.value.totals) === JSON.stringify(sqliteTotals);
    return { imp, reports };
  } finally {
    await handle.close();
    await drop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const jsonl = join(dir, 'dossiers.jsonl');
  const handle: ImportDbHandle = await openImportDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle.db);
    const units = await benchUnits(handle.db);
    const imp = await generateAndImport(handle, jsonl, units);
    const reports = await timeReports(handle, units);
    let md = markdown(units, imp, reports);
    await handle.close();
    if (values.postgres) {
      const pgRun = await onPostgres(values.postgres, jsonl, reports.report.value.totals);
      md += `\n\nThe same ${COUNT.toLocaleString('en')} lines and reports on PostgreSQL (the targets are SQLite's):\n\n${markdownPostgres(pgRun.imp, pgRun.reports)}`;
      if (!pgRun.reports.same) process.exitCode = 1;
    }
    console.log(md);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/report.md'), `# Report benchmark\n\n${md}\n`);
    if (!reports.same) process.exitCode = 1;
  } finally {
    await handle.close().catch(() => undefined);
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
