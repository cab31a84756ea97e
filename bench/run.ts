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

const sections = BENCHES.filter((b) => existsSync(join(root, b.result))).map((b) =>
  readFileSync(join(root, b.result), 'utf8').replace(/^# /m, '## ').trim(),
);
const doc = `# Benchmarks

Speed and memory targets live here, not in timed unit tests. Each benchmark measures its baseline in the same
run on the same machine; the tables below are written by \`npm run bench\` (\`bench/run.ts\`).

${sections.join('\n\n')}
`;
writeFileSync(join(root, 'docs/BENCHMARKS.md'), doc);
console.log('\nWrote docs/BENCHMARKS.md');
