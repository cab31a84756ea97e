/**
 * `npm run bench`: runs every benchmark (each in its own process, one after the other, so they do not compete
 * for the two cores), then writes docs/BENCHMARKS.md from their results. Extra arguments go to the report
 * benchmark, e.g. `npm run bench -- --dossiers 1000000`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const BENCHES = [
  { script: 'bench/deadline/deadline.bench.ts', result: 'bench/results/deadline.md', args: [] as string[] },
  { script: 'bench/report/report.bench.ts', result: 'bench/results/report.md', args: process.argv.slice(2) },
];

for (const b of BENCHES) {
  console.log(`\n== ${b.script} ${b.args.join(' ')}`);
  execFileSync(tsx, [join(root, b.script), ...b.args], { stdio: 'inherit', cwd: root });
}

// The load benchmark (npm run bench:load, its own script: it takes the better part of an hour) writes its own
// section between these markers; it is kept as it is.
const docFile = join(root, 'docs/BENCHMARKS.md');
const previous = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
const loadSection = /<!-- bench:load:begin -->[\s\S]*<!-- bench:load:end -->/.exec(previous)?.[0];

const sections = BENCHES.filter((b) => existsSync(join(root, b.result))).map((b) =>
  readFileSync(join(root, b.result), 'utf8').replace(/^# /m, '## ').trim(),
);
const doc = `# Benchmarks

Speed and memory targets live here, not in timed unit tests. Each benchmark measures its baseline in the same
run on the same machine; the tables below are written by \`npm run bench\` (\`bench/run.ts\`).

${sections.join('\n\n')}
${loadSection ? `\n${loadSection}\n` : ''}
## Reading these figures

- The machine is a shared 2-vCPU virtual machine; other work ran during these runs, so figures vary by up
  to ~40 % between runs. Each benchmark's baseline was measured in the same run, so the ratios are the
  comparable part.
- Deadline: the target (≥ 1,000,000 computations/s on one core, ≥ 20x the naive day-by-day loop at 30 days) is
  met against naive B, the day-by-day walk through the calendar's public \`isWorkingDay\`. Naive A, a deliberately
  tight loop over integer day numbers with a Map, is shown too: against it the compiled calendar is ~8x.
- Report: each target's row says whether this run met it. The ratio that counts is the one against the SQL over
  the same two index ranges the report reads; the natural single-WHERE SQL is shown because it is what one would
  write first (SQLite does not use the index ranges for it). The tables are one run: on this shared machine the
  same benchmark has given the report 147-211 ms and the ratio 1.2x-1.8x on the same day (import 29-32 s).
- PostgreSQL (when run with \`--postgres URL\`): the same lines and reports on the PostgreSQL a province runs; no
  target is set there, the figures are for sizing a province server and must equal SQLite's.
- Import: one transaction, parsing in a worker thread, rows through prepared statements, the dossiers' secondary
  indexes rebuilt once at the end. Imported histories live on the dossier row (\`imported_actions\`) and due rows
  are written only when a due changed, so a line costs ~1.5 rows instead of ~5 (docs/REPORTS.md §6). Run it on an
  otherwise idle machine: with the test suite running beside it, the same import took 3-4x longer.
`;
writeFileSync(docFile, doc);
console.log('\nWrote docs/BENCHMARKS.md');
