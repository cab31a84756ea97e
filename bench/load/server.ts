/**
 * A server under test as a child process on a free loopback port, its memory sampled from /proc/<pid>/status
 * (VmRSS now, VmHWM the peak) while it runs; optionally with `--cpu-prof` (the profile is written when it exits).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Peak and current resident memory of a process, in MB (0 when it is gone). */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, hwmMb: 0 };
  }
}

export interface RunningServer {
  url: string;
  pid: number;
  /** The highest VmRSS sampled (and VmHWM, the kernel's own peak) since start or the last `resetPeak`. */
  peakMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${log()}`);
}

export interface StartOptions {
  /** Where `--cpu-prof` writes its profile; no profile without it. */
  profileDir?: string;
  env?: Record<string, string>;
}

async function start(args: string[], probePath: string, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const prof = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...prof, ...args.map((a) => a.replace('$PORT', String(port)))], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url + probePath, child, () => out);
  const pid = child.pid as number;
  let peak = memoryOf(pid).rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, memoryOf(pid).rssMb);
  }, 100);
  timer.unref();
  return {
    url,
    pid,
    peakMb: () => Math.max(peak, memoryOf(pid).rssMb),
    resetPeak: () => {
      peak = memoryOf(pid).rssMb;
    },
    stop: async () => {
      clearInterval(timer);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** `motcua serve` on the prepared database (logs at warn: the benchmark measures work, not a terminal). */
export function startMotcua(
  databaseUrl: string,
  auditKeyFile: string,
  options: StartOptions = {},
): Promise<RunningServer> {
  return start([join(ROOT, 'bin/motcua'), 'serve', '--port', '$PORT', '--host', '127.0.0.1'], '/api/health', {
    ...options,
    env: {
      DATABASE_URL: databaseUrl,
      MOTCUA_AUDIT_KEY_FILE: auditKeyFile,
      MOTCUA_TRUST_PROXY: '1',
      MOTCUA_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      MOTCUA_FILES_DIR: join(ROOT, 'bench/load/tmp/files'),
      ...options.env,
    },
  });
}

export function startBare(): Promise<RunningServer> {
  return start(['--import', 'tsx', join(ROOT, 'bench/load/limits.ts'), 'bare', '$PORT'], '/bare', {});
}
