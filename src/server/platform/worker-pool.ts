/**
 * A small pool of worker threads for expensive, synchronous work (PDF layout, Excel writing and reading), so one
 * heavy document never blocks the event loop that serves every other request.
 *
 * Bounds (docs/SECURITY.md, "Bounded work"):
 * - `size` workers, started on first use; each has a V8 heap limit (`memoryMb`, resourceLimits);
 * - a job running longer than `timeoutMs` is killed with its worker (terminate), the worker replaced, and the
 *   caller gets 422 WORK_LIMIT_EXCEEDED; a worker that runs out of memory is likewise replaced;
 * - at most `maxQueue` jobs wait; one more is 503 SERVER_BUSY with Retry-After.
 * The time limit counts from the moment a started worker takes the job: neither queueing nor a worker's start
 * (loading the TypeScript and the fonts) counts against the document.
 *
 * The worker entry (an .mjs file, see documents/legacy workers) posts `{ type: 'ready' }` once loaded, then
 * answers each `{ id, kind, input }` with `{ id, ok: true, result }` or `{ id, ok: false, message }`.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from './app-error.ts';

export interface WorkerPoolOptions {
  /** The worker's entry file (an .mjs that loads the TypeScript body, as legacy.parse-worker.mjs does). */
  entry: URL;
  /** Number of worker threads (1–4). */
  size: number;
  /** Longest run of one job, in milliseconds. */
  timeoutMs: number;
  /** V8 old-generation heap of each worker, in MB. */
  memoryMb: number;
  /** Jobs that may wait for a free worker; more is 503. */
  maxQueue: number;
}

/** Job kind → [input, result]: the contract between the callers and the worker body. */
export type JobTable = Record<string, [unknown, unknown]>;

export type WorkerRequest = { id: number; kind: string; input: unknown };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; message: string; rule?: string };

interface Job {
  id: number;
  kind: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** Seconds a client is asked to wait when the queue is full. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** A job the worker itself refused (its input is unusable): the caller maps it to its own 4xx. */
export class WorkerJobError extends Error {
  readonly rule: string | undefined;
  constructor(message: string, rule?: string) {
    super(message);
    this.name = 'WorkerJobError';
    this.rule = rule;
  }
}

const limitExceeded = (limit: 'time' | 'memory', options: WorkerPoolOptions): AppError =>
  new AppError('WORK_LIMIT_EXCEEDED', {
    params: { seconds: Math.ceil(options.timeoutMs / 1000), megabytes: options.memoryMb },
    details: {
      limit,
      ...(limit === 'time' ? { timeoutMs: options.timeoutMs } : { memoryMb: options.memoryMb }),
    },
  });

export class WorkerPool<J extends JobTable> {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  private readonly options: WorkerPoolOptions;

  constructor(options: WorkerPoolOptions) {
    this.options = options;
  }

  /** Runs one job in a worker; rejects with AppError on a limit, WorkerJobError when the job throws. */
  run<K extends keyof J & string>(kind: K, input: J[K][0]): Promise<J[K][1]> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    if (this.queue.length >= this.options.maxQueue)
      return Promise.reject(
        new AppError('SERVER_BUSY', {
          params: { seconds: BUSY_RETRY_AFTER_SECONDS },
          headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
        }),
      );
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, input, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Jobs waiting and workers busy: for tests and the health of the pool. */
  stats(): { queued: number; busy: number; workers: number } {
    return {
      queued: this.queue.length,
      busy: this.slots.filter((s) => s.job).length,
      workers: this.slots.length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => this.retire(s, new Error('worker pool closed'))));
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) break;
      this.start(slot, this.queue.shift()!);
    }
    // Start a worker when every existing one is busy or starting and there is room for another.
    const starting = this.slots.filter((s) => !s.ready).length;
    if (this.queue.length > starting && this.slots.length < this.options.size) this.spawn();
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref(); // a job in flight keeps the process alive; an idle worker does not
    slot.timer = setTimeout(() => {
      void this.replace(slot, limitExceeded('time', this.options));
    }, this.options.timeoutMs);
    const request: WorkerRequest = { id: job.id, kind: job.kind, input: job.input };
    slot.worker.postMessage(request);
  }

  private spawn(): void {
    const worker = new Worker(this.options.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (m: WorkerReply) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitExceeded('memory', this.options) : (e as Error);
      void this.replace(slot, error, slot.ready ? null : e);
    });
    worker.on('exit', () => {
      if (this.slots.includes(slot)) void this.replace(slot, new Error('render worker exited'));
    });
  }

  private onMessage(slot: Slot, m: WorkerReply): void {
    if (m.type === 'ready') {
      slot.ready = true;
      slot.worker.unref();
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    slot.worker.unref();
    if (m.ok) job.resolve(m.result);
    else job.reject(new WorkerJobError(m.message, m.rule));
    this.dispatch();
  }

  /**
   * Ends a worker (its job, if any, fails with `error`) and lets dispatch start another. A worker that dies
   * before it is ready (`bootError`) cannot run anything: the jobs waiting fail too rather than loop.
   */
  private async replace(slot: Slot, error: unknown, bootError: unknown = null): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    await this.retire(slot, error);
    if (bootError && !this.slots.some((s) => s.ready))
      for (const job of this.queue.splice(0)) job.reject(bootError);
    this.dispatch();
  }

  private async retire(slot: Slot, error: unknown): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    slot.timer = null;
    job?.reject(error);
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
  }
}

/** A worker's bytes (a Uint8Array once they crossed threads) as a Buffer, without a copy. */
export const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
