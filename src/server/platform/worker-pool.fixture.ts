/** The jobs of worker-pool.test.ts: one answers, one never ends, one eats memory, one refuses its input. */
import { serveJobs, WorkerInputError } from './worker-host.ts';

export type FixtureJobs = {
  echo: [string, string];
  bytes: [number, Uint8Array];
  spin: [null, never];
  hog: [null, never];
  refuse: [string, never];
};

serveJobs<FixtureJobs>({
  echo: (text) => `echo: ${text}`,
  bytes: (n) => Buffer.alloc(n, 7),
  spin: () => {
    for (;;); // a layout that never ends: only terminate() stops it
  },
  hog: () => {
    const kept: number[][] = [];
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i));
  },
  refuse: (why) => {
    throw new WorkerInputError(why, 'fixture.refused');
  },
});
