/** A one-line progress bar on a terminal (stderr), redrawn at most every 200 ms; nothing when not a TTY. */
import type { LineProgress } from './read-lines.ts';

export interface ProgressBar {
  update(p: LineProgress): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  // Elapsed time for the rate shown: the monotonic timer, not the wall clock.
  const started = performance.now();
  let last = 0;
  let drawn = false;
  const draw = (p: LineProgress) => {
    const ratio = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
    const filled = Math.round(ratio * WIDTH);
    const rate = Math.round(p.lines / Math.max(0.001, (performance.now() - started) / 1000));
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    stream.write(
      `\r${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}%  ${p.lines.toLocaleString('en')} lines  ${rate.toLocaleString('en')}/s `,
    );
    drawn = true;
  };
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 200 && p.bytesRead < p.totalBytes) return;
      last = now;
      draw(p);
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}
