import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.ts';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('singleFlight', () => {
  it('callers of the same key while it runs share one computation; the next call after it computes afresh', async () => {
    const shared = singleFlight<object, number>();
    const owner = {};
    let runs = 0;
    const gate = deferred<number>();
    const run = () => ((runs += 1), gate.promise);
    const first = shared(owner, 'k', run);
    const second = shared(owner, 'k', run);
    expect(runs).toBe(1);
    gate.resolve(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    await shared(owner, 'k', () => ((runs += 1), Promise.resolve(8)));
    expect(runs).toBe(2);
  });

  it('other keys and other owners never share', async () => {
    const shared = singleFlight<object, string>();
    const a = {};
    const b = {};
    const gate = deferred<string>();
    let runs = 0;
    const run = () => ((runs += 1), gate.promise);
    const calls = [shared(a, 'x', run), shared(a, 'y', run), shared(b, 'x', run)];
    expect(runs).toBe(3);
    gate.resolve('done');
    await Promise.all(calls);
  });

  it('a failure reaches every waiting caller and is not kept', async () => {
    const shared = singleFlight<object, number>();
    const owner = {};
    const gate = deferred<number>();
    const first = shared(owner, 'k', () => gate.promise);
    const second = shared(owner, 'k', () => Promise.resolve(1));
    gate.reject(new Error('disk'));
    await expect(first).rejects.toThrow('disk');
    await expect(second).rejects.toThrow('disk');
    expect(await shared(owner, 'k', () => Promise.resolve(2))).toBe(2);
  });
});
