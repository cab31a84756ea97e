/**
 * The parsed lines of a legacy file, in batches, in line order: parsed in a worker thread for large files (the
 * importing thread then only writes, so parsing and SQLite run in parallel), in-thread for small ones.
 */
import { Worker } from 'node:worker_threads';
import { parseLine, type ParsedLine } from './legacy.parse.ts';
import type { WorkerInput, WorkerMessage } from './legacy.parse-worker.ts';
import type { ImportContext } from './legacy.rows.ts';
import { forEachLine, type LineProgress } from './read-lines.ts';

export const BATCH_LINES = 1000;
/** Batches parsed ahead of the writer (bounds memory). */
const CREDITS = 8;

export interface SourceOptions {
  /** Parse in a worker thread; default: when the file is 16 MB or more. */
  worker?: boolean;
  onProgress?: (p: LineProgress) => void;
}

export interface Batch {
  lines: ParsedLine[];
}

export const useWorkerByDefault = (bytes: number): boolean => bytes >= 16 * 1024 * 1024;

/** Calls `onBatch` for every batch; resolves with the number of lines read. */
export async function readParsed(
  file: string,
  ctx: ImportContext,
  onBatch: (lines: ParsedLine[]) => Promise<void>,
  options: SourceOptions & { worker: boolean },
): Promise<number> {
  if (options.worker) return readInWorker(file, ctx, onBatch, options.onProgress);
  let batch: ParsedLine[] = [];
  const lines = await forEachLine(
    file,
    async (text, line) => {
      const parsed = parseLine(text, line, ctx);
      if (parsed) batch.push(parsed);
      if (batch.length >= BATCH_LINES) {
        const full = batch;
        batch = [];
        await onBatch(full);
      }
    },
    options.onProgress,
  );
  if (batch.length > 0) await onBatch(batch);
  return lines;
}

function readInWorker(
  file: string,
  ctx: ImportContext,
  onBatch: (lines: ParsedLine[]) => Promise<void>,
  onProgress?: (p: LineProgress) => void,
): Promise<number> {
  const workerData: WorkerInput = { file, ctx, batchSize: BATCH_LINES };
  const worker = new Worker(new URL('./legacy.parse-worker.mjs', import.meta.url), { workerData });
  return new Promise<number>((resolve, reject) => {
    let chain = Promise.resolve();
    const fail = (e: unknown) => {
      void worker.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.on('error', fail);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'failed') return fail(new Error(m.message));
      chain = chain
        .then(async () => {
          if (m.type === 'done') {
            await worker.terminate();
            resolve(m.lines);
            return;
          }
          await onBatch(JSON.parse(m.json) as ParsedLine[]);
          if (m.progress) onProgress?.(m.progress);
          worker.postMessage({ credit: 1 });
        })
        .catch(fail);
    });
    worker.postMessage({ credit: CREDITS });
  });
}
