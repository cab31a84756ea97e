import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface LineProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

/**
 * Streams a text file line by line (memory stays flat whatever its size), calling `onLine` with the 1-based line
 * number; `onProgress` is called every `progressEvery` lines and at the end.
 */
export async function forEachLine(
  file: string,
  onLine: (text: string, line: number) => void | Promise<void>,
  onProgress?: (p: LineProgress) => void,
  progressEvery = 20_000,
): Promise<number> {
  const totalBytes = (await stat(file)).size;
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) {
    line += 1;
    const pending = onLine(text, line);
    if (pending) await pending;
    if (onProgress && line % progressEvery === 0)
      onProgress({ bytesRead: input.bytesRead, totalBytes, lines: line });
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes, lines: line });
  return line;
}
