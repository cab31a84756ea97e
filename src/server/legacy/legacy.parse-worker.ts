/**
 * The parsing worker: streams the file, parses every line (legacy.parse.ts) and posts batches to the importing
 * thread, which holds the database. Flow control: the importer grants credits; one credit = one batch in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseLine, type ParsedLine } from './legacy.parse.ts';
import type { ImportContext } from './legacy.rows.ts';
import { forEachLine, type LineProgress } from './read-lines.ts';

export interface WorkerInput {
  file: string;
  ctx: ImportContext;
  batchSize: number;
}

/** Batches travel as JSON text: one string copies much faster than a structured clone of nested arrays. */
export type WorkerMessage =
  | { type: 'batch'; json: string; progress: LineProgress | null }
  | { type: 'done'; lines: number }
  | { type: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('legacy.parse-worker must run in a worker thread');
const { file, ctx, batchSize } = workerData as WorkerInput;

let credits = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { credit: number }) => {
  credits += m.credit;
  wake?.();
  wake = null;
});

async function send(message: WorkerMessage): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port?.postMessage(message);
}

async function run(): Promise<void> {
  let batch: ParsedLine[] = [];
  let progress: LineProgress | null = null;
  const lines = await forEachLine(
    file,
    async (text, line) => {
      const parsed = parseLine(text, line, ctx);
      if (parsed) batch.push(parsed);
      if (batch.length >= batchSize) {
        const lines = batch;
        batch = [];
        await send({ type: 'batch', json: JSON.stringify(lines), progress });
      }
    },
    (p) => (progress = p),
  );
  if (batch.length > 0) await send({ type: 'batch', json: JSON.stringify(batch), progress });
  port?.postMessage({ type: 'done', lines } satisfies WorkerMessage);
}

run().catch((e: unknown) =>
  port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
);
