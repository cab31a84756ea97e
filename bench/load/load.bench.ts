/**
 * Load benchmark (issue 14): `npm run bench:load [-- --dossiers 1000000] [--quick] [--seconds 10]
 * [--postgres URL | --no-postgres] [--no-sqlite] [--profile]`.
 * In one run, back to back: the limits (a bare Fastify GET and POST server, a raw better-sqlite3 FULL transaction,
 * a raw PostgreSQL transaction), then MộtCửa's server (`motcua serve`, a child process) on a database preloaded with
 * N dossiers, SQLite then PostgreSQL: intake, dossier read, queue pages, public lookup, login, period reports at 16
 * and 64 connections, the province report one request at a time, and 2,000 mixed users. Every figure is shown
 * beside its limit; the targets are checked as ratios. Writes bench/results/load.md and its section of
 * docs/BENCHMARKS.md (a run with `--no-sqlite` writes a block of its own, so the SQLite section stays). `--quick` (20,000 dossiers, 3 s per case, SQLite only unless --postgres): under 2 minutes.
 * `--profile`: each case again on a server started with --cpu-prof, summarised by self time (docs/PERFORMANCE.md).
 */
import { performance } from 'node:perf_hooks';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CASES, fixture, mixedRequests, MIX, PERIOD, type Case, type Fixture } from './cases.ts';
import { percentile, rawPostgres, rawSqlite, type Rate } from './limits.ts';
import { load, type Measured } from './measure.ts';
import { users, type UserRequest } from './users.ts';
import { BENCH_PROVINCE, dropPostgres, preparePostgres, prepareSqlite, type PreparedDb } from './prepare.ts';
import { summarise } from './profile.ts';
import { ROOT, startBare, startMotcua, type RunningServer } from './server.ts';
import { renderMarkdown, type DbRun, type Limits, type Run } from './report.ts';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    seconds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-only': { type: 'boolean', default: false },
    users: { type: 'string', default: '2000' },
  },
});

const QUICK = values.quick;
const DOSSIERS = Number(values.dossiers ?? (QUICK ? 20_000 : 1_000_000));
const SECONDS = Number(values.seconds ?? (QUICK ? 3 : 10));
const CONNECTIONS = [16, 64];
const USERS = Number(values.users);
/** A user's average pause between requests (2,000 users: 400 requests/s), and how long the mixed case runs. */
const THINK_SECONDS = 5;
const MIXED_SECONDS = Math.max(SECONDS, QUICK ? 3 : 20);
const PG_URL =
  values.postgres ??
  (QUICK || values['no-postgres'] ? undefined : 'postgres://postgres@127.0.0.1:5432/postgres');
const SQLITE = !values['no-sqlite'];
const WORK = join(ROOT, 'bench/load/tmp');
if (!Number.isInteger(DOSSIERS) || DOSSIERS < 1000) throw new Error('--dossiers: at least 1000');
if (!SQLITE && !PG_URL) throw new Error('--no-sqlite needs PostgreSQL (--postgres URL, not --quick alone)');

const say = (line: string) => console.log(line);
const fmt = (m: Measured) =>
  `${m.perSecond.toFixed(0).padStart(6)}/s p50 ${m.p50.toFixed(1)} p95 ${m.p95.toFixed(1)} p99 ${m.p99.toFixed(1)} ms` +
  (m.non2xx || m.errors ? ` non-2xx ${m.non2xx} errors ${m.errors} ${JSON.stringify(m.statuses)}` : '');

async function measureLimits(pgUrl: string | undefined): Promise<Limits> {
  const bare = await startBare();
  const limits: Limits = {
    get: {},
    post: {},
    sqlite: { perSecond: 0, p50: 0, p95: 0, p99: 0 },
    postgres: {},
  };
  try {
    for (const c of CONNECTIONS) {
      limits.get[c] = await load({
        url: bare.url,
        connections: c,
        seconds: SECONDS,
        requests: [{ method: 'GET', path: '/bare' }],
      });
      say(`limit bare GET  c=${c}: ${fmt(limits.get[c] as Measured)}`);
      limits.post[c] = await load({
        url: bare.url,
        connections: c,
        seconds: SECONDS,
        requests: [
          { method: 'POST', path: '/bare', headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
        ],
      });
      say(`limit bare POST c=${c}: ${fmt(limits.post[c] as Measured)}`);
    }
    limits.users = await users({
      url: bare.url,
      users: USERS,
      seconds: MIXED_SECONDS,
      thinkSeconds: THINK_SECONDS,
      next: () => ({ method: 'GET', path: '/bare' }),
    });
    say(`limit bare GET, ${USERS} users: ${fmt(limits.users)}`);
  } finally {
    await bare.stop();
  }
  mkdirSync(WORK, { recursive: true });
  limits.sqlite = rawSqlite(join(WORK, 'raw.db'), SECONDS * 1000);
  say(
    `limit raw SQLite FULL tx: ${limits.sqlite.perSecond.toFixed(0)}/s p99 ${limits.sqlite.p99.toFixed(2)} ms`,
  );
  if (pgUrl) {
    const { benchUrl } = await import('./prepare.ts');
    await dropPostgres(pgUrl);
    const admin = new (await import('pg')).default.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('create database motcua_bench');
    await admin.end();
    for (const c of CONNECTIONS) {
      limits.postgres[c] = await rawPostgres(benchUrl(pgUrl), c, SECONDS * 1000);
      const r = limits.postgres[c] as Rate;
      say(`limit raw PostgreSQL tx c=${c}: ${r.perSecond.toFixed(0)}/s p99 ${r.p99.toFixed(2)} ms`);
    }
    await dropPostgres(pgUrl);
  }
  return limits;
}

/** The province's period report `n` times one after the other (after one warm-up). */
/** The 2,000 users' mix (cases.ts MIX) as open-loop arrivals, each user on its own connection (users.ts). */
function mixedUsers(url: string, f: Fixture): Promise<Measured> {
  const [mix] = mixedRequests(f);
  if (!mix?.setupRequest || !mix.onResponse) throw new Error('the mixed requests lost their setup');
  const setup = mix.setupRequest;
  const onResponse = mix.onResponse;
  return users({
    url,
    users: USERS,
    seconds: MIXED_SECONDS,
    thinkSeconds: THINK_SECONDS,
    next: () => setup({} as Parameters<typeof setup>[0], {}) as UserRequest,
    onResponse: (status, body) => onResponse(status, body, {}),
  });
}

async function oneAtATime(url: string, f: Fixture, n: number): Promise<Measured> {
  const path = `/api/reports/period?${new URLSearchParams({ unit: BENCH_PROVINCE, ...PERIOD })}`;
  const times: number[] = [];
  let non2xx = 0;
  const t0 = performance.now();
  for (let i = 0; i <= n; i += 1) {
    const s = performance.now();
    const res = await fetch(url + path, { headers: { cookie: f.province } });
    await res.arrayBuffer();
    if (i > 0) times.push(performance.now() - s);
    if (!res.ok) non2xx += 1;
  }
  times.sort((a, b) => a - b);
  return {
    perSecond: (n + 1) / ((performance.now() - t0) / 1000),
    total: n,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    non2xx,
    errors: 0,
    statuses: {},
  };
}

/**
 * Waits until the server answers its health check within 100 ms again: requests still queued when a case ends
 * (a province report costs seconds of CPU on SQLite's one thread) must not be counted against the next case.
 */
async function drain(server: RunningServer): Promise<void> {
  const until = performance.now() + 120_000;
  while (performance.now() < until) {
    const t0 = performance.now();
    await fetch(`${server.url}/api/health`).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    if (performance.now() - t0 < 100) return;
  }
}

async function runCase(server: RunningServer, f: Fixture, c: Case, connections: number, seconds = SECONDS) {
  await drain(server);
  return load({ url: server.url, connections, seconds, requests: c.requests(f) });
}

async function runDatabase(label: DbRun['label'], db: PreparedDb): Promise<DbRun> {
  const steps = Object.entries(db.buildSteps ?? {})
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  say(
    `\n== ${label}: ${db.dossiers.toLocaleString('en')} dossiers${db.buildMs ? ` (built in ${(db.buildMs / 1000).toFixed(0)} s: ${steps})` : ' (cached)'}` +
      (db.copyMs === undefined ? '' : `, copied from its template in ${(db.copyMs / 1000).toFixed(1)} s`),
  );
  const server = await startMotcua(db.url, db.auditKeyFile);
  const run: DbRun = {
    label,
    dossiers: db.dossiers,
    cases: [],
    single: null,
    mixed: null,
    peakMb: 0,
    deepPage: 0,
    buildMs: db.buildMs,
    ...(db.buildSteps ? { buildSteps: db.buildSteps } : {}),
    ...(db.copyMs === undefined ? {} : { copyMs: db.copyMs }),
  };
  try {
    const f = await fixture(server.url, QUICK ? 10 : 40);
    run.deepPage = f.deepPage;
    for (const connections of CONNECTIONS)
      for (const c of CASES) {
        const m = await runCase(server, f, c, connections);
        run.cases.push({ name: c.name, limit: c.limit, connections, m });
        say(`${c.name.padEnd(48)} c=${connections}: ${fmt(m)}`);
      }
    await drain(server);
    run.single = await oneAtATime(server.url, f, QUICK ? 5 : 20);
    say(`${'period report, province, one at a time'.padEnd(48)} c=1: ${fmt(run.single)}`);
    await drain(server);
    // The users think between requests (5 s on average): 2,000 of them send ~400 requests per second.
    run.mixed = await mixedUsers(server.url, f);
    say(`${`mixed, ${USERS} users`.padEnd(48)}: ${fmt(run.mixed)}`);
  } finally {
    run.peakMb = server.peakMb();
    await server.stop();
  }
  return run;
}

/** Each case on a server of its own started with --cpu-prof (16 connections), summarised by self time. */
async function profileCases(db: PreparedDb): Promise<Run['profiles']> {
  const out: NonNullable<Run['profiles']> = [];
  for (const c of CASES) {
    const dir = mkdtempSync(join(WORK, 'prof-'));
    const server = await startMotcua(db.url, db.auditKeyFile, { profileDir: dir });
    try {
      const f = await fixture(server.url, 3);
      await runCase(server, f, c, 16, Math.max(SECONDS, 5));
    } finally {
      await server.stop();
    }
    const file = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
    if (file) out.push({ name: c.name, ...summarise(join(dir, file), 12) });
    rmSync(dir, { recursive: true, force: true });
    say(`profiled ${c.name}`);
  }
  return out;
}

/**
 * Replaces a load section of docs/BENCHMARKS.md (between its markers), or adds it before "Reading these figures".
 * A run with both databases writes `bench:load`; a PostgreSQL-only run (`--no-sqlite`) writes `bench:load:postgres`,
 * leaving the SQLite section of an earlier run as it was.
 */
function writeDocs(md: string, name: string): void {
  const BEGIN = `<!-- ${name}:begin -->`;
  const END = `<!-- ${name}:end -->`;
  const file = join(ROOT, 'docs/BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const block = `${BEGIN}\n${md.trim()}\n${END}`;
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  const reading = doc.indexOf('## Reading these figures');
  const next =
    i >= 0 && j > i
      ? doc.slice(0, i) + block + doc.slice(j + END.length)
      : reading >= 0
        ? `${doc.slice(0, reading)}${block}\n\n${doc.slice(reading)}`
        : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** `--profile-only`: the profiles alone, written to bench/results/profiles.md. */
async function profileOnly(): Promise<void> {
  const profiles = await profileCases(await prepareSqlite(WORK, DOSSIERS));
  const limits: Limits = {
    get: {},
    post: {},
    sqlite: { perSecond: 0, p50: 0, p95: 0, p99: 0 },
    postgres: {},
  };
  const md = renderMarkdown({
    machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} logical CPUs`,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    seconds: SECONDS,
    quick: QUICK,
    users: USERS,
    mix: MIX,
    limits,
    runs: [],
    profiles,
    loadAverage: null,
  });
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/profiles.md'), md);
  console.log(md);
}

async function main(): Promise<void> {
  if (values['profile-only']) return profileOnly();
  const started = new Date();
  const loadBefore = loadavg();
  say(`load average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}`);
  const limits = await measureLimits(PG_URL);
  const runs: DbRun[] = [];
  if (SQLITE) runs.push(await runDatabase('SQLite', await prepareSqlite(WORK, DOSSIERS)));
  let profiles: Run['profiles'] = null;
  if (values.profile) profiles = await profileCases(await prepareSqlite(WORK, DOSSIERS));
  if (PG_URL) {
    try {
      runs.push(await runDatabase('PostgreSQL', await preparePostgres(PG_URL, WORK, DOSSIERS)));
    } finally {
      await dropPostgres(PG_URL);
    }
  }
  const loadAfter = loadavg();
  say(`load average after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')}`);
  const md = renderMarkdown({
    title: SQLITE ? 'Load benchmark' : 'Load benchmark, PostgreSQL',
    loadAverage: { before: loadBefore, after: loadAfter },
    machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GB memory`,
    node: process.version,
    date: started.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    seconds: SECONDS,
    quick: QUICK,
    users: USERS,
    mix: MIX,
    limits,
    runs,
    profiles,
  });
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/load.md'), md);
  if (!QUICK && !values['no-docs']) writeDocs(md, SQLITE ? 'bench:load' : 'bench:load:postgres');
  console.log(`\n${md}`);
}

await main();
