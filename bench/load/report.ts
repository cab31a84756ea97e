/** The load benchmark's Markdown: the limits, every case beside its limit, and the targets of issue 14 item 4. */
import type { Rate } from './limits.ts';
import type { Measured } from './measure.ts';
import type { SelfTime } from './profile.ts';

export interface Limits {
  get: Record<number, Measured>;
  post: Record<number, Measured>;
  sqlite: Rate;
  postgres: Record<number, Rate>;
  /** The bare GET under the mixed users' open-loop arrivals (bench/load/users.ts): the client's own share. */
  users?: Measured;
}

export interface CaseRun {
  name: string;
  limit: 'get' | 'post' | 'tx';
  connections: number;
  m: Measured;
}

export interface DbRun {
  label: 'SQLite' | 'PostgreSQL';
  dossiers: number;
  cases: CaseRun[];
  single: Measured | null;
  mixed: Measured | null;
  peakMb: number;
  deepPage: number;
  /** How long building the database took (0: reused from its cache or template). */
  buildMs?: number;
  buildSteps?: Record<string, number>;
  /** PostgreSQL: the copy of the template database for this run. */
  copyMs?: number;
}

export interface Run {
  /** The section's heading (default "Load benchmark"). */
  title?: string;
  /** os.loadavg() (1, 5, 15 min) when the run started and ended: how busy the shared machine was. */
  loadAverage: { before: number[]; after: number[] } | null;
  machine: string;
  node: string;
  date: string;
  seconds: number;
  quick: boolean;
  users: number;
  mix: Record<string, number>;
  limits: Limits;
  runs: DbRun[];
  profiles: { name: string; total: number; top: SelfTime[]; byPlace: SelfTime[] }[] | null;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The limit a case is divided by, on this database at these connections. */
export function limitOf(limits: Limits, db: DbRun['label'], c: CaseRun): number {
  if (c.limit === 'get') return limits.get[c.connections]?.perSecond ?? 0;
  if (c.limit === 'post') return limits.post[c.connections]?.perSecond ?? 0;
  if (db === 'SQLite') return limits.sqlite.perSecond;
  return limits.postgres[c.connections]?.perSecond ?? 0;
}

export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean;
  /** How far from the target (a factor), when missed. */
  miss: string;
}

const find = (run: DbRun, name: string, connections: number) =>
  run.cases.find((c) => c.name.startsWith(name) && c.connections === connections);

export function checkTargets(limits: Limits, run: DbRun): TargetCheck[] {
  const out: TargetCheck[] = [];
  const share = (name: string, min: number, p99Max: number) => {
    const c = find(run, name, 64);
    if (!c) return;
    const ratio = c.m.perSecond / limitOf(limits, run.label, c);
    out.push({
      target: `${name}: ≥ ${min * 100} % of its limit at 64 connections`,
      figure: pct(ratio),
      met: ratio >= min,
      miss: ratio >= min ? '' : `${(min / ratio).toFixed(1)}× short`,
    });
    out.push({
      target: `${name}: p99 < ${p99Max} ms at 64 connections`,
      figure: `${ms(c.m.p99)} ms`,
      met: c.m.p99 < p99Max,
      miss: c.m.p99 < p99Max ? '' : `${(c.m.p99 / p99Max).toFixed(1)}× over`,
    });
  };
  share('dossier read', 0.4, 10);
  share('public lookup', 0.4, 10);
  share('queue, first page', 0.25, 20);
  share('intake', 0.5, 50);
  if (run.single) {
    const v = run.single.p50;
    out.push({
      target: 'province period report: < 300 ms one request at a time (median)',
      figure: `${ms(v)} ms`,
      met: v < 300,
      miss: v < 300 ? '' : `${(v / 300).toFixed(1)}× over`,
    });
  }
  const report16 = find(run, 'period report, province', 16);
  if (report16)
    out.push({
      target: 'province period report: p99 < 2 s with 16 at once',
      figure: `${ms(report16.m.p99)} ms`,
      met: report16.m.p99 < 2000,
      miss: report16.m.p99 < 2000 ? '' : `${(report16.m.p99 / 2000).toFixed(1)}× over`,
    });
  if (run.mixed)
    out.push({
      target: 'mixed users: p95 < 100 ms',
      figure: `${ms(run.mixed.p95)} ms`,
      met: run.mixed.p95 < 100,
      miss: run.mixed.p95 < 100 ? '' : `${(run.mixed.p95 / 100).toFixed(1)}× over`,
    });
  out.push({
    target: 'server RSS < 300 MB throughout',
    figure: `${n0(run.peakMb)} MB peak`,
    met: run.peakMb < 300,
    miss: run.peakMb < 300 ? '' : `${(run.peakMb / 300).toFixed(2)}× over`,
  });
  return out;
}

function limitsTable(l: Limits, connections: number[]): string[] {
  const row = (name: string, f: (c: number) => Measured | Rate | undefined) =>
    `| ${name} | ${connections
      .map((c) => {
        const m = f(c);
        return m ? `${n0(m.perSecond)}/s (p99 ${ms(m.p99)} ms)` : '—';
      })
      .join(' | ')} |`;
  return [
    `| limit | ${connections.map((c) => `${c} connections`).join(' | ')} |`,
    `| --- | ${connections.map(() => '---:').join(' | ')} |`,
    row('bare Fastify GET', (c) => l.get[c]),
    row('bare Fastify POST (JSON body)', (c) => l.post[c]),
    row('raw better-sqlite3 transaction, WAL + FULL (one writer)', () => l.sqlite),
    row('raw PostgreSQL transaction (pool of as many clients)', (c) => l.postgres[c]),
    ...(l.users
      ? [
          `| bare Fastify GET, the mixed users' arrivals (open loop) | p50 ${ms(l.users.p50)} · p95 ${ms(l.users.p95)} · p99 ${ms(l.users.p99)} ms at ${n0(l.users.perSecond)}/s | |`,
        ]
      : []),
  ];
}

function casesTable(l: Limits, run: DbRun): string[] {
  const lines = [
    '| case | conn. | answers/s | of its limit | p50 ms | p95 ms | p99 ms | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of run.cases) {
    const limit = limitOf(l, run.label, c);
    const non2xx = c.m.non2xx + c.m.errors;
    // No answer completed within the case: there are no latencies to show (not zero ones).
    const latencies = c.m.total === 0 ? '— | — | —' : `${ms(c.m.p50)} | ${ms(c.m.p95)} | ${ms(c.m.p99)}`;
    lines.push(
      `| ${c.name} | ${c.connections} | ${c.m.total === 0 ? '0 (none completed)' : n0(c.m.perSecond)} | ${limit ? pct(c.m.perSecond / limit) : '—'} (${c.limit === 'tx' ? 'raw tx' : `bare ${c.limit.toUpperCase()}`}) | ${latencies} | ${non2xx}${non2xx ? ` ${JSON.stringify(c.m.statuses)}` : ''} |`,
    );
  }
  if (run.single)
    lines.push(
      `| period report, province, one at a time | 1 | ${n0(run.single.perSecond)} | — | ${ms(run.single.p50)} | ${ms(run.single.p95)} | ${ms(run.single.p99)} | ${run.single.non2xx + run.single.errors} |`,
    );
  if (run.mixed)
    lines.push(
      `| mixed users (see below) | users | ${n0(run.mixed.perSecond)} | — | ${ms(run.mixed.p50)} | ${ms(run.mixed.p95)} | ${ms(run.mixed.p99)} | ${run.mixed.non2xx + run.mixed.errors}${run.mixed.non2xx ? ` ${JSON.stringify(run.mixed.statuses)}` : ''} |`,
    );
  return lines;
}

/** How this run's database came to be: built (with its steps), or reused from its cache or template. */
function databaseLine(run: DbRun): string {
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  const steps = Object.entries(run.buildSteps ?? {})
    .map(([name, t]) => `${name} ${s(t)}`)
    .join(', ');
  const built = run.buildMs
    ? `Database built in this run in ${s(run.buildMs)} (${steps})`
    : 'Database reused';
  const copy =
    run.copyMs === undefined ? '' : `; this run's copy of the template database took ${s(run.copyMs)}`;
  return `${built}${copy}.`;
}

export function renderMarkdown(r: Run): string {
  const connections = Object.keys(r.limits.get).map(Number);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const out: string[] = [
    `## ${r.title ?? 'Load benchmark'}`,
    '',
    `Written by \`npm run bench:load\` (bench/load/load.bench.ts)${r.quick ? ' in its quick form' : ''}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| machine | ${r.machine} |`,
    `| node | ${r.node} |`,
    `| date | ${r.date} |`,
    `| each case | ${r.seconds} s, autocannon in the benchmark's process, the server a child process on loopback |`,
    ...(r.loadAverage
      ? [
          `| load average (1 / 5 / 15 min) | ${loads(r.loadAverage.before)} at the start, ${loads(r.loadAverage.after)} at the end |`,
        ]
      : []),
    '',
    '### Limits (measured in the same run)',
    '',
    ...limitsTable(r.limits, connections),
  ];
  for (const run of r.runs) {
    out.push(
      '',
      `### ${run.label}, ${run.dossiers.toLocaleString('en')} dossiers`,
      '',
      `Peak server RSS (VmRSS sampled every 100 ms): ${n0(run.peakMb)} MB. The later queue page is page ${run.deepPage + 1} (50 a page). ${databaseLine(run)}`,
      '',
      ...casesTable(r.limits, run),
      '',
      '| target (issue 14 item 4) | this run | met |',
      '| --- | ---: | --- |',
      ...checkTargets(r.limits, run).map(
        (t) => `| ${t.target} | ${t.figure} | ${t.met ? 'met' : `missed, ${t.miss}`} |`,
      ),
    );
  }
  const mix = Object.entries(r.mix)
    .map(([k, v]) => `${v} % ${k}`)
    .join(', ');
  out.push(
    '',
    `Mixed users: ${r.users.toLocaleString('en')} users, each with its own keep-alive connection, sending one request ` +
      `every 5 s on average (Poisson arrivals, ${n0(r.users / 5)} requests/s in all; bench/load/users.ts): ${mix}. ` +
      'Latency counts from the instant a request was due, so a late client hides no server delay.',
  );
  if (r.profiles?.length) {
    out.push('', '### CPU profiles per route (self time, SQLite, 16 connections)', '');
    for (const p of r.profiles) {
      out.push(
        `**${p.name}** (${(p.total / 1000).toFixed(1)} s sampled). By place: ${p.byPlace
          .slice(0, 8)
          .map((s) => `${s.where} ${pct(s.share)}`)
          .join(', ')}.`,
        '',
        '| function | where | self |',
        '| --- | --- | ---: |',
        ...p.top.map((s) => `| ${s.name.replaceAll('|', '\\|')} | ${s.where} | ${pct(s.share)} |`),
        '',
      );
    }
  }
  return `${out.join('\n')}\n`;
}
