/**
 * Runs bin/motcua as a subprocess, as an operator would: `motcua` runs one command to its end, `startServer`
 * starts `serve` and resolves once it prints its listening line. Test code only (imported by *.test.ts).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const BIN = fileURLToPath(new URL('../../../bin/motcua', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables to set; `undefined` removes one inherited from the test's environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
}

/** The environment of a subprocess: the test's, without the variables that pick a database or an address. */
function envOf(vars: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MOTCUA_LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'HOST', 'PORT', 'MOTCUA_PASSWORD']) delete env[name];
  for (const [name, value] of Object.entries(vars))
    if (value === undefined) delete env[name];
    else env[name] = value;
  return env;
}

export async function motcua(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const run = promisify(execFile)(BIN, args, { env: envOf(options.env), cwd: options.cwd });
  if (options.input !== undefined) run.child.stdin?.end(options.input);
  try {
    const { stdout, stderr } = await run;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

export interface RunningServer {
  /** The listening line's address, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Everything printed on standard output so far. */
  stdout(): string;
  /** Stops the server (SIGTERM) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `motcua serve …` and resolves once it listens (rejects if it exits first or takes over `timeoutMs`). */
export async function startServer(
  args: string[],
  options: CliOptions = {},
  timeoutMs = 90_000,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(BIN, args, { env: envOf(options.env), cwd: options.cwd });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const closed = once(child, 'close') as Promise<[number | null]>;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return (await closed)[0];
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`serve did not listen in time\n${out}\n${err}`)),
        timeoutMs,
      );
      child.stdout?.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void closed.then(([code]) => {
        clearTimeout(timer);
        reject(new Error(`serve exited ${code}\n${out}\n${err}`));
      });
    });
    return { url, stdout: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
