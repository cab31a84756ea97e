/**
 * The worker side of worker-pool.ts: answers each job with its handler's result, one job at a time. A handler
 * throws WorkerInputError (with a rule) when its input is unusable; anything else is reported by message only.
 */
import { parentPort } from 'node:worker_threads';
import type { JobTable, WorkerReply, WorkerRequest } from './worker-pool.ts';

export type JobHandlers<J extends JobTable> = {
  [K in keyof J]: (input: J[K][0]) => Promise<J[K][1]> | J[K][1];
};

/** An input the handler cannot use (a malformed file…): the caller gets `rule` to answer with a 4xx. */
export class WorkerInputError extends Error {
  readonly rule: string;
  constructor(message: string, rule: string) {
    super(message);
    this.name = 'WorkerInputError';
    this.rule = rule;
  }
}

/** Buffers travel back without a copy (their memory is transferred); other results are structured clones. */
function transferList(result: unknown): ArrayBuffer[] {
  if (result instanceof Uint8Array && result.buffer instanceof ArrayBuffer) {
    // A Buffer may be a slice of Node's shared pool: transfer only a buffer that is its own.
    return result.byteOffset === 0 && result.byteLength === result.buffer.byteLength ? [result.buffer] : [];
  }
  return [];
}

export function serveJobs<J extends JobTable>(handlers: JobHandlers<J>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (m: WorkerRequest) => {
    void (async () => {
      let reply: WorkerReply;
      let transfer: ArrayBuffer[] = [];
      try {
        const handler = handlers[m.kind as keyof J];
        if (!handler) throw new Error(`unknown job kind ${m.kind}`);
        const result: unknown = await handler(m.input as J[keyof J][0]);
        transfer = transferList(result);
        reply = { type: 'result', id: m.id, ok: true, result };
      } catch (e) {
        reply = {
          type: 'result',
          id: m.id,
          ok: false,
          message: e instanceof Error ? e.message : String(e),
          ...(e instanceof WorkerInputError ? { rule: e.rule } : {}),
        };
      }
      port.postMessage(reply, transfer);
    })();
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
