import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import type { FixtureJobs } from './worker-pool.fixture.ts';
import { asBuffer, WorkerJobError, WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

const ENTRY = new URL('./worker-pool.fixture.mjs', import.meta.url);

describe('the worker pool', () => {
  let pool: WorkerPool<FixtureJobs> | undefined;
  const open = (options: Partial<WorkerPoolOptions> = {}) =>
    (pool = new WorkerPool<FixtureJobs>({
      entry: ENTRY,
      size: 1,
      timeoutMs: 10_000,
      memoryMb: 64,
      maxQueue: 10,
      ...options,
    }));
  afterEach(async () => pool?.close());

  it('runs jobs in a worker and brings their bytes back', async () => {
    const p = open();
    expect(await p.run('echo', 'xin chào')).toBe('echo: xin chào');
    const bytes = asBuffer(await p.run('bytes', 100_000));
    expect(bytes.length).toBe(100_000);
    expect(bytes.every((b) => b === 7)).toBe(true);
    expect(p.stats()).toEqual({ queued: 0, busy: 0, workers: 1 });
  });

  it('kills a job that runs past the time limit, replaces the worker, and keeps the event loop free meanwhile', async () => {
    const p = open({ timeoutMs: 1_000 });
    await p.run('echo', 'warm'); // the worker is started: the limit now counts the job alone
    const settled: string[] = [];
    const spin = p.run('spin', null).then(
      () => settled.push('spin resolved'),
      (e: unknown) => {
        settled.push('spin rejected');
        return e;
      },
    );
    // While the job spins in its worker, this thread keeps answering: timers fire before the job ends.
    await new Promise((resolve) => setTimeout(resolve, 20));
    settled.push('timer');
    const error = await spin;
    expect(settled).toEqual(['timer', 'spin rejected']);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'WORK_LIMIT_EXCEEDED',
      status: 422,
      details: { limit: 'time', timeoutMs: 1_000 },
    });
    expect(await p.run('echo', 'after')).toBe('echo: after'); // a new worker took over
    expect(p.stats().workers).toBe(1);
  });

  it('replaces a worker that runs out of its heap', async () => {
    const p = open({ memoryMb: 64, timeoutMs: 60_000 });
    await expect(p.run('hog', null)).rejects.toMatchObject({
      code: 'WORK_LIMIT_EXCEEDED',
      details: { limit: 'memory', memoryMb: 64 },
    });
    expect(await p.run('echo', 'after')).toBe('echo: after');
  });

  it('refuses with 503 and Retry-After when the queue is full', async () => {
    const p = open({ maxQueue: 1 });
    const first = p.run('echo', 'first'); // waits for the worker to start: the queue is now full
    const error = await p.run('echo', 'second').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVER_BUSY', status: 503, headers: { 'retry-after': '5' } });
    expect(await first).toBe('echo: first');
  });

  it('reports a job that refuses its input with the rule, and the worker stays', async () => {
    const p = open();
    const error = await p.run('refuse', 'bad file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerJobError);
    expect(error).toMatchObject({ message: 'bad file', rule: 'fixture.refused' });
    expect(await p.run('echo', 'still here')).toBe('echo: still here');
  });

  it('runs jobs side by side with two workers', async () => {
    const p = open({ size: 2, timeoutMs: 1_000 });
    const spin = p.run('spin', null).catch((e: unknown) => e);
    // With the first worker stuck, the second answers before the first is killed.
    expect(await p.run('echo', 'beside')).toBe('echo: beside');
    expect(p.stats().busy).toBe(1);
    await expect(spin).resolves.toMatchObject({ code: 'WORK_LIMIT_EXCEEDED' });
  });
});
