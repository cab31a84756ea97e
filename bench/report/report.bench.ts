/**
 * Report benchmark (issue 5): `npx tsx bench/report/report.bench.ts [--dossiers 1000000] [--keep]`.
 * Generates a legacy JSONL over the 124 communes of Lâm Đồng (real units when the unit import works, else
 * synthetic codes), imports it into a fresh SQLite file, then times the province's one-month period report beside
 * one hand-written SQL aggregate over the same rows. Prints a Markdown table and writes bench/results/report.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect, type DbHandle } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { importLegacyDossiers } from '../../src/server/legacy/legacy.import.ts';
import { periodReport } from '../../src/server/reports/period-report.ts';
import { resolvePeriod } from '../../src/server/reports/report-period.ts';
import { baselineAggregate } from './baseline.ts';
import { generateJsonl } from './generate.ts';
import { benchUnits } from './units.ts';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    from: { type: 'string', default: '2026-03-01' },
    to: { type: 'string', default: '2026-03-31' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const jsonl = join(dir, 'dossiers.jsonl');
  const handle: DbHandle = await connect(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(handle.db);
    const units = await benchUnits(handle.db);
    let t0 = process.hrtime.bigint();
    const bytes = await generateJsonl(jsonl, COUNT, units.communes);
    const genMs = ms(t0);
    t0 = process.hrtime.bigint();
    const imported = await importLegacyDossiers(handle.db, jsonl);
    const importMs = ms(t0);
    if (imported.status !== 'imported') throw new Error(`import rejected: ${JSON.stringify(imported.errors.slice(0, 5))}`);
    const input = { unitCode: units.provinceCode, from: values.from as string, to: values.to as string };
    const report = await timeIt(() => periodReport(handle.db, input));
    const bounds = resolvePeriod(input.from, input.to);
    const base = await timeIt(() => baselineAggregate(handle.db, units.provinceCode, bounds.fromMs, bounds.endMs));
    const commune = units.communes[0]?.code ?? '';
    const communeReport = await timeIt(() => periodReport(handle.db, { ...input, unitCode: commune }));
    const t = report.value.totals;
    const same =
      t.received.total === base.value.received &&
      t.resolved.total === base.value.resolved &&
      t.inProgress.total === base.value.inProgress &&
      t.inProgress.overdue === base.value.overdue;
    const rows: [string, string][] = [
      ['machine', `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} CPUs)`],
      ['node', process.version],
      ['date', new Date().toISOString().slice(0, 19).replace('T', ' ') + ' UTC'],
      ['units', `${units.source}: province ${units.provinceCode}, ${units.communes.length} communes`],
      ['dossiers (lines)', COUNT.toLocaleString('en')],
      ['JSONL size', `${(bytes / 1e6).toFixed(0)} MB (generated in ${(genMs / 1000).toFixed(1)} s)`],
      ['import (SQLite, one transaction)', `${(importMs / 1000).toFixed(1)} s — ${Math.round(COUNT / (importMs / 1000)).toLocaleString('en')} lines/s (target < 60 s for 1,000,000; ≥ 20,000 lines/s)`],
      ['period report, province, ' + `${input.from}..${input.to}`, `${report.ms.toFixed(0)} ms (target < 1 s)`],
      ['hand-written SQL aggregate, same rows', `${base.ms.toFixed(0)} ms`],
      ['ratio report / SQL', `${(report.ms / base.ms).toFixed(2)}× (target ≤ 2×)`],
      ['period report, one commune', `${communeReport.ms.toFixed(1)} ms`],
      ['rows in period (received total)', `${t.received.total.toLocaleString('en')}; figures equal the SQL's: ${same ? 'yes' : 'NO'}`],
    ];
    const md = ['| measure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    console.log(md);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/report.md'), `# Report benchmark\n\n${md}\n`);
    if (!same) process.exitCode = 1;
  } finally {
    await handle.close();
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
