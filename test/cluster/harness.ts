/**
 * The pieces of a province deployment, started on loopback for the cluster tests (`npm run test:cluster`):
 * `motcua serve` processes, nginx in front of them, and private PostgreSQL primaries and streaming replicas.
 * Every process is started here and stopped by its pid; every file lives under one temporary directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}

export interface Server {
  port: number;
  process: ChildProcess;
  /** Everything the process wrote (its log lines). */
  output: () => string;
}

/** Starts `motcua serve` on a free port with `env`; resolves once it answers /api/health. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, 'bin/motcua'), 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(
    `motcua serve on ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500,
    60_000,
  );
  return { port, process: child, output: () => output };
}

export function stopServer(s: Server | undefined): void {
  if (s && s.process.exitCode === null && s.process.signalCode === null) s.process.kill('SIGTERM');
}

export interface Nginx {
  port: number;
  stop(): void;
}

/**
 * nginx (Debian's nginx-light) as the province's reverse proxy: one upstream of `ports`; a server that fails is
 * skipped for 10 s; GETs are retried on the next server, POSTs never (nginx does not retry non-idempotent
 * requests: a POST whose server died answers 502 and the client retries it with its Idempotency-Key).
 */
export async function startNginx(dir: string, ports: number[]): Promise<Nginx> {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  mkdirSync(join(prefix, 'temp'), { recursive: true });
  chmodSync(dir, 0o755);
  chmodSync(prefix, 0o777);
  chmodSync(join(prefix, 'temp'), 0o777);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/temp/body;
  proxy_temp_path ${prefix}/temp/proxy;
  fastcgi_temp_path ${prefix}/temp/fastcgi;
  uwsgi_temp_path ${prefix}/temp/uwsgi;
  scgi_temp_path ${prefix}/temp/scgi;
  upstream motcua {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://motcua;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`,
  );
  const run = spawnSync('nginx', ['-p', prefix, '-c', conf, '-e', `${prefix}/logs/error.log`], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`nginx: ${run.stderr}`);
  await waitFor(
    `nginx on ${port}`,
    async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok,
    20_000,
  );
  return {
    port,
    stop: () =>
      void spawnSync('nginx', ['-p', prefix, '-c', conf, '-e', `${prefix}/logs/error.log`, '-s', 'stop']),
  };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the postgres OS user when we are root (PostgreSQL refuses to run as root). */
function pgRun(program: string, args: string[]): void {
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]]
    : [join(PG_BIN, program), args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')}: ${r.stderr || r.stdout}`);
}

export interface PgInstance {
  port: number;
  url: (database?: string) => string;
  dataDir: string;
  stop(): void;
}

function pgDir(dir: string, name: string): string {
  const data = join(dir, name);
  mkdirSync(data, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const id = (flag: string) =>
      Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chmodSync(dir, 0o755);
    chownSync(data, id('-u'), id('-g'));
  }
  return data;
}

function pgStart(data: string, port: number): PgInstance {
  pgRun('pg_ctl', [
    '-D',
    data,
    '-l',
    join(data, 'server.log'),
    '-o',
    `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  return {
    port,
    dataDir: data,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        pgRun('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
    },
  };
}

/** A private primary (initdb, trust on loopback, replication allowed) on a free port. */
export async function startPrimary(dir: string): Promise<PgInstance> {
  const data = pgDir(dir, 'primary');
  pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  return pgStart(data, await freePort());
}

/** A streaming replica of `primary`: pg_basebackup -R into its own data directory, started on its own port. */
export async function startReplica(dir: string, primary: PgInstance): Promise<PgInstance> {
  const data = pgDir(dir, 'replica');
  pgRun('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', data, '-R']);
  return pgStart(data, await freePort());
}

/** The PostgreSQL server the cluster tests make their databases on (any database of it). */
export const CLUSTER_BASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The URL of database `name` on that server. */
export const clusterDatabaseUrl = (name: string): string => CLUSTER_BASE_URL.replace(/\/[^/]*$/, `/${name}`);

/** One statement on that server outside any transaction (CREATE / DROP DATABASE). */
export async function adminQuery(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: CLUSTER_BASE_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}
