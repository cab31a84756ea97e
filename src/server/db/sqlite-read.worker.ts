/**
 * A SQLite read worker (sqlite-worker-dialect.ts): one read-only better-sqlite3 connection to the server's database
 * file, opened `readonly` and with `PRAGMA query_only`, so nothing it runs can write. It answers each
 * `{ id, sql, parameters }` with the rows (or the change count of a statement that is not a read, which SQLite
 * refuses here anyway), one query at a time, its prepared statements kept as on the main connection
 * (statement-cache.ts). In WAL mode it reads the last committed state while the main connection writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { CachedStatements } from './statement-cache.ts';
import type { ReadReply, ReadRequest, ReadWorkerData } from './sqlite-worker-dialect.ts';

const port = parentPort;
if (!port) throw new Error('sqlite-read.worker must run in a worker thread');
const { file, busyTimeoutMs } = workerData as ReadWorkerData;

/** Opens the file read-only; an error that can cross to the main thread intact (SqliteError arrives without its message). */
function open(): SQLite.Database {
  try {
    return new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`cannot open ${file} read-only: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const sqlite = open();
sqlite.pragma('query_only = ON');
sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
const statements = new CachedStatements(sqlite);

/** Parameters came through a structured clone: a Buffer arrives as a plain Uint8Array, which SQLite binds as a Buffer. */
const bindable = (parameters: readonly unknown[]): unknown[] =>
  parameters.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));

function run(request: ReadRequest): ReadReply {
  try {
    const statement = statements.prepare(request.sql);
    const parameters = bindable(request.parameters);
    if (statement.reader)
      return { type: 'result', id: request.id, ok: true, rows: statement.all(parameters) };
    const { changes } = statement.run(parameters);
    return { type: 'result', id: request.id, ok: true, rows: [], changes };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const code = (error as { code?: unknown }).code;
    return {
      type: 'result',
      id: request.id,
      ok: false,
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
}

port.on('message', (request: ReadRequest) => port.postMessage(run(request)));
port.postMessage({ type: 'ready' } satisfies ReadReply);
