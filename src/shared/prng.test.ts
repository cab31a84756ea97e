import { describe, expect, it } from 'vitest';
import { prng } from './prng.ts';

describe('prng', () => {
  it('repeats its sequence for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(prng(43)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});
