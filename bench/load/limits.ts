/**
 * The limits every figure is divided by, measured in the same run: a bare Fastify server (run as a child process
 * like MộtCửa's server: `tsx bench/load/limits.ts bare PORT`), and the raw database transaction intake would cost
 * with nothing around it (a dossier row and an action row, committed with the durability MộtCửa uses).
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

/** What a case measured: transactions or requests per second and latency percentiles (ms). */
export interface Rate {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const DOSSIER_DDL = `create table if not exists bench_dossiers (id text primary key, code text not null unique,
  unit_code text not null, status text not null, applicant_name text not null, received_at bigint not null,
  data text not null)`;
const ACTION_DDL = `create table if not exists bench_actions (id text primary key, dossier_id text not null,
  type text not null, at bigint not null, data text not null)`;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function rate(count: number, ms: number, latencies: number[]): Rate {
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / (ms / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const payload = (i: number) =>
  JSON.stringify({
    applicant: { name: 'Nguyễn Văn An', idNumber: '068090001234' },
    seq: i,
    note: 'x'.repeat(200),
  });

/** better-sqlite3, WAL, synchronous=FULL: one transaction per dossier (dossier + action), for `ms`. */
export function rawSqlite(file: string, ms: number): Rate {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(DOSSIER_DDL);
  db.exec(ACTION_DDL);
  const d = db.prepare('insert into bench_dossiers values (?, ?, ?, ?, ?, ?, ?)');
  const a = db.prepare('insert into bench_actions values (?, ?, ?, ?, ?)');
  const tx = db.transaction((i: number) => {
    d.run(`d${i}`, `C-${i}`, '25000', 'received', 'Nguyễn Văn An', Date.now(), payload(i));
    a.run(`a${i}`, `d${i}`, 'receive', Date.now(), '{}');
  });
  const latencies: number[] = [];
  const end = performance.now() + ms;
  const t0 = performance.now();
  let i = 0;
  while (performance.now() < end) {
    const s = performance.now();
    tx(i++);
    latencies.push(performance.now() - s);
  }
  const took = performance.now() - t0;
  db.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  return rate(i, took, latencies);
}

/** The same on PostgreSQL (default synchronous_commit), `connections` clients at once, for `ms`. */
export async function rawPostgres(url: string, connections: number, ms: number): Promise<Rate> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // The scratch database is dropped WITH (FORCE) after the run: an idle client it ends is no failure.
  pool.on('error', () => undefined);
  await pool.query('drop table if exists bench_dossiers; drop table if exists bench_actions');
  await pool.query(DOSSIER_DDL);
  await pool.query(ACTION_DDL);
  const latencies: number[] = [];
  let n = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  const worker = async (w: number) => {
    const client = await pool.connect();
    try {
      while (performance.now() < end) {
        const i = w * 10_000_000 + n++;
        const s = performance.now();
        await client.query('begin');
        await client.query('insert into bench_dossiers values ($1, $2, $3, $4, $5, $6, $7)', [
          `d${i}`,
          `C-${i}`,
          '25000',
          'received',
          'Nguyễn Văn An',
          Date.now(),
          payload(i),
        ]);
        await client.query('insert into bench_actions values ($1, $2, $3, $4, $5)', [
          `a${i}`,
          `d${i}`,
          'receive',
          Date.now(),
          '{}',
        ]);
        await client.query('commit');
        latencies.push(performance.now() - s);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const took = performance.now() - t0;
  await pool.query('drop table if exists bench_dossiers; drop table if exists bench_actions');
  await pool.end();
  return rate(latencies.length, took, latencies);
}

/** The bare server: GET answers a small JSON object, POST parses a JSON body and answers its size. */
async function bareServer(port: number): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true, code: '000.00.68.25000-260501-0001', status: 'received' }));
  app.post('/bare', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
  await app.listen({ port, host: '127.0.0.1' });
  process.send?.('ready');
}

if (process.argv[2] === 'bare') void bareServer(Number(process.argv[3]));
