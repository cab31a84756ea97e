import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

const T0 = Date.parse('2026-12-08T09:00:00+07:00');

describe('RateLimiter', () => {
  it('allows `limit` events per sliding window, then says how long to wait', () => {
    const l = new RateLimiter({ limit: 3, windowMs: 60_000 });
    expect([l.take('a', T0), l.take('a', T0 + 10_000), l.take('a', T0 + 20_000)]).toEqual([0, 0, 0]);
    expect(l.take('a', T0 + 30_000)).toBe(30); // the first event leaves the window at T0 + 60 s
    expect(l.take('b', T0 + 30_000)).toBe(0); // keys are independent
    expect(l.retryAfter('a', T0 + 60_000)).toBe(0);
    expect(l.take('a', T0 + 60_000)).toBe(0);
    expect(l.take('a', T0 + 60_001)).toBe(10);
  });

  it('never asks for more than a window when a take was stamped after the caller (concurrent callers)', () => {
    const l = new RateLimiter({ limit: 2, windowMs: 60_000 });
    l.hit('k', 1_000_500);
    l.hit('k', 1_000_900);
    expect(l.retryAfter('k', 1_000_000)).toBe(60);
    expect(l.retryAfter('k', 1_030_000)).toBe(31);
  });

  it('gives back a slot taken for an action that did not happen', () => {
    const l = new RateLimiter({ limit: 1, windowMs: 60_000 });
    expect(l.take('a', T0)).toBe(0);
    expect(l.take('a', T0)).toBe(60);
    l.release('a', T0);
    expect(l.take('a', T0)).toBe(0);
  });

  it('stays bounded: expired keys are swept, and past maxKeys the least recent keys go', () => {
    const l = new RateLimiter({ limit: 2, windowMs: 1000, maxKeys: 100 });
    for (let i = 0; i < 100; i++) l.hit(`k${i}`, T0);
    expect(l.size).toBe(100);
    l.hit('late', T0 + 500);
    expect(l.size).toBe(100); // k0, the least recent, made room
    expect(l.retryAfter('k0', T0 + 500)).toBe(0);
    for (let i = 0; i < 50; i++) l.hit('late', T0 + 500);
    l.retryAfter('x', T0 + 2000); // the next window's first call sweeps
    expect(l.size).toBe(0);
  });
});
