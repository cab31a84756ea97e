/**
 * Reads off the request thread on SQLite (issue 14 item 2). better-sqlite3 is synchronous: every query runs on the
 * thread that calls it, so on the main connection a province report over 1,000,000 dossiers (seconds of SQL)
 * stalls every other request. This Kysely dialect sends each query instead to a small pool of worker threads
 * (sqlite-read.worker.ts), each holding a read-only connection to the same database file; the main thread only
 * posts `{ sql, parameters }` and receives the rows. In WAL mode (db/connect.ts) a reader sees the last committed
 * state while the main connection writes, and a commit is visible to every read that starts after it.
 *
 * What it is for: `app.reportDb` on a SQLite file database when no replica is configured (serve.ts,
 * MOTCUA_SQLITE_READ_WORKERS). Read only: the workers open the file `readonly` with `PRAGMA query_only`, so a write
 * fails with SQLite's own error, and transactions are refused (each query may go to another worker).
 * Queries wait in one FIFO queue and each worker runs one at a time: a short query never waits behind a long one
 * while another worker is free. Errors come back as `SqliteReadError` with SQLite's message and code.
 * Rows cross threads as structured clones (no table has BLOB columns; one would arrive as a Uint8Array).
 */
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Database } from './schema.ts';

/** What a worker is started with (its `workerData`). */
export interface ReadWorkerData {
  file: string;
  busyTimeoutMs: number;
}

export type ReadRequest = { id: number; sql: string; parameters: readonly unknown[] };
export type ReadReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; rows: unknown[]; changes?: number }
  | { type: 'result'; id: number; ok: false; name: string; message: string; code?: string };

/** An error of a query run in a read worker: SQLite's message and code (e.g. `SQLITE_READONLY`). */
export class SqliteReadError extends Error {
  readonly code: string | undefined;
  constructor(name: string, message: string, code?: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}

/** The worker's entry: an .mjs that loads the TypeScript body on every Node (see render.worker.mjs). */
export const READ_WORKER_ENTRY = new URL('./sqlite-read.worker.mjs', import.meta.url);

export interface ReadWorkersOptions {
  /** The SQLite database file (never ':memory:': a worker cannot see another connection's memory database). */
  file: string;
  /** Worker threads (1-8). */
  size: number;
  /** How long a read waits for a lock (a checkpoint) before SQLITE_BUSY; as the main connection. */
  busyTimeoutMs?: number;
}

interface Pending {
  id: number;
  sql: string;
  parameters: readonly unknown[];
  resolve: (reply: { rows: unknown[]; changes?: number }) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Pending | null;
  /** Settles the promise of spawn() for a worker that ends before it is ready. */
  bootFailed: (error: unknown) => void;
}

const closedError = () => new Error('SQLite read workers closed');

/** The pool of read workers: started together, each running one query at a time from a shared FIFO queue. */
export class SqliteReadWorkers {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly options: Required<ReadWorkersOptions>;
  private nextId = 1;
  private done = 0;
  private closed = false;
  private started: Promise<void> | null = null;
  /** Set when a worker could not open the database: every query fails with it. */
  private bootError: unknown = null;

  constructor(options: ReadWorkersOptions) {
    if (options.file === ':memory:' || options.file === '')
      throw new Error('SQLite read workers need a database file, not an in-memory database');
    this.options = { busyTimeoutMs: 5000, ...options, size: Math.max(1, Math.min(8, options.size)) };
  }

  /** Starts every worker; resolves once all have opened the database, rejects if one cannot. Idempotent. */
  start(): Promise<void> {
    this.started ??= Promise.all(Array.from({ length: this.options.size }, () => this.spawn())).then(
      () => undefined,
    );
    return this.started;
  }

  /** Runs one statement in the first free worker. */
  query(sql: string, parameters: readonly unknown[]): Promise<{ rows: unknown[]; changes?: number }> {
    if (this.closed) return Promise.reject(closedError());
    if (this.bootError) return Promise.reject(this.bootError);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, sql, parameters, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers ready, those running a query, queries waiting and queries answered: for tests and the pool's health. */
  stats(): { workers: number; busy: number; queued: number; done: number } {
    return {
      workers: this.slots.filter((s) => s.ready).length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      done: this.done,
    };
  }

  /**
   * Ends every worker; waiting and running queries fail. A query already inside SQLite runs to its end before its
   * thread stops (SQLite is not interrupted from JavaScript), so this resolves after it.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(closedError());
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, closedError())));
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a query in flight keeps the process alive; an idle worker does not
      slot.worker.postMessage({ id: job.id, sql: job.sql, parameters: job.parameters } satisfies ReadRequest);
    }
  }

  /** Starts one worker; resolves when it has opened the database. */
  private spawn(): Promise<void> {
    const data: ReadWorkerData = { file: this.options.file, busyTimeoutMs: this.options.busyTimeoutMs };
    const worker = new Worker(READ_WORKER_ENTRY, { workerData: data });
    const slot: Slot = { worker, ready: false, job: null, bootFailed: () => undefined };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      slot.bootFailed = reject;
      worker.on('message', (m: ReadReply) => {
        if (m.type === 'ready') {
          slot.ready = true;
          worker.unref();
          resolve();
          this.dispatch();
        } else this.settle(slot, m);
      });
      worker.on('error', (e: Error) => void this.replace(slot, e));
      worker.on('exit', () => void this.replace(slot, new Error('SQLite read worker exited')));
    });
  }

  private settle(slot: Slot, m: Extract<ReadReply, { type: 'result' }>): void {
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    slot.job = null;
    slot.worker.unref();
    this.done += 1;
    if (m.ok) job.resolve(m.changes === undefined ? { rows: m.rows } : { rows: m.rows, changes: m.changes });
    else job.reject(new SqliteReadError(m.name, m.message, m.code));
    this.dispatch();
  }

  /** A worker that failed or exited: its query fails, another takes its place (unless the database cannot open). */
  private async replace(slot: Slot, error: unknown): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (!slot.ready && !this.closed) {
      // It could not open the database (a missing file…): nothing can run, every query fails with this.
      this.bootError = error;
      for (const job of this.queue.splice(0)) job.reject(error);
    }
    await this.retire(slot, error);
    if (!this.closed && !this.bootError) {
      this.spawn().catch(() => undefined); // its boot failure, if any, is recorded in bootError by replace()
    }
  }

  private async retire(slot: Slot, error: unknown): Promise<void> {
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
    if (!slot.ready) slot.bootFailed(error); // start() settles even when closed while a worker boots
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
  }
}

class WorkerConnection implements DatabaseConnection {
  private readonly workers: SqliteReadWorkers;
  constructor(workers: SqliteReadWorkers) {
    this.workers = workers;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, changes } = await this.workers.query(compiled.sql, compiled.parameters);
    return changes === undefined
      ? { rows: rows as R[] }
      : { rows: rows as R[], numAffectedRows: BigInt(changes) };
  }

  /** The whole result is read in the worker, then handed out in chunks (rows cannot be pulled across threads). */
  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 1): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query))
      throw new Error('SQLite read workers only support streaming of select queries');
    const { rows } = await this.workers.query(compiled.sql, compiled.parameters);
    const size = Math.max(1, chunkSize);
    for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size) as R[] };
  }
}

const noTransactions = (): never => {
  throw new Error('SQLite read workers run single read statements: no transactions');
};

class SqliteWorkerDriver implements Driver {
  private readonly workers: SqliteReadWorkers;
  private readonly connection: WorkerConnection;
  constructor(workers: SqliteReadWorkers) {
    this.workers = workers;
    this.connection = new WorkerConnection(workers);
  }
  async init(): Promise<void> {
    await this.workers.start();
  }
  // The connection holds no state: every query goes to the pool's queue, so callers never wait for each other here.
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async releaseConnection(): Promise<void> {}
  async beginTransaction(): Promise<void> {
    noTransactions();
  }
  async commitTransaction(): Promise<void> {
    noTransactions();
  }
  async rollbackTransaction(): Promise<void> {
    noTransactions();
  }
  async destroy(): Promise<void> {
    await this.workers.close();
  }
}

/** A Kysely dialect whose queries run in read workers: SQLite's SQL, adapter and introspection. */
export class SqliteWorkerDialect implements Dialect {
  private readonly workers: SqliteReadWorkers;
  constructor(workers: SqliteReadWorkers) {
    this.workers = workers;
  }
  createDriver(): Driver {
    return new SqliteWorkerDriver(this.workers);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

export interface ReadWorkersHandle {
  /** Kysely over the workers: `app.reportDb`. */
  db: Kysely<Database>;
  workers: SqliteReadWorkers;
  /** Ends the workers (Kysely's destroy). */
  close(): Promise<void>;
}

/**
 * Starts `size` read workers on a SQLite database file and returns Kysely over them, once every worker has opened
 * the file (a failure to open is thrown here, at start-up, not at the first report).
 */
export async function openSqliteReadWorkers(file: string, size: number): Promise<ReadWorkersHandle> {
  const workers = new SqliteReadWorkers({ file, size });
  try {
    await workers.start();
  } catch (e) {
    await workers.close();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new SqliteWorkerDialect(workers) });
  return { db, workers, close: () => db.destroy() };
}
