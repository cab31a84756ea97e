import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_SLOW_AFTER,
  delayAfter,
  FORGET_AFTER_MS,
  LoginThrottle,
  MAX_DELAY_MS,
} from './login-throttle.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

describe('LoginThrottle', () => {
  it('lets three failures go free, then doubles the wait up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, 3) / 1000)).toEqual([0, 0, 0, 0, 1, 2, 4, 8]);
    expect(delayAfter(40, 3)).toBe(MAX_DELAY_MS);
    expect(delayAfter(10_000, 3)).toBe(MAX_DELAY_MS);
  });

  it('counts an attempt at once (parallel guesses wait too) and forgives a success', () => {
    const throttle = new LoginThrottle();
    const tickets = [1, 2, 3, 4].map(() => throttle.begin('1.1.1.1', 'a', 0, TEST_NOW));
    expect(tickets.every((t) => typeof t === 'object')).toBe(true);
    expect(throttle.begin('1.1.1.1', 'a', 0, TEST_NOW)).toBe(1);
    const other = throttle.begin('1.1.1.2', 'a', 0, TEST_NOW);
    if (typeof other === 'number') throw new Error('a fresh address is never throttled');
    throttle.succeeded(other);
    expect(typeof throttle.begin('1.1.1.2', 'a', 0, TEST_NOW)).toBe('object');
  });

  it('voids counters when the account is changed (new stamp) and forgets them after a day', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.begin('1.1.1.1', 'a', 7, TEST_NOW);
    expect(throttle.begin('1.1.1.1', 'a', 7, TEST_NOW)).toBeGreaterThan(0);
    expect(typeof throttle.begin('1.1.1.1', 'a', 8, TEST_NOW)).toBe('object');
    for (let i = 0; i < 5; i++) throttle.begin('1.1.1.3', 'b', 0, TEST_NOW);
    expect(typeof throttle.begin('1.1.1.3', 'b', 0, TEST_NOW + FORGET_AFTER_MS)).toBe('object');
  });

  it('slows an account many addresses fail on, without stopping a fresh address', () => {
    const throttle = new LoginThrottle();
    for (let ip = 0; ip < ACCOUNT_SLOW_AFTER; ip++) throttle.begin(`2.2.2.${ip}`, 'a', 0, TEST_NOW);
    expect(throttle.isSlowed('a', 0, TEST_NOW)).toBe(true);
    expect(typeof throttle.begin('3.3.3.3', 'a', 0, TEST_NOW)).toBe('object');
    expect(throttle.begin('3.3.3.3', 'a', 0, TEST_NOW)).toBe(1);
    expect(throttle.isSlowed('a', 1, TEST_NOW)).toBe(false); // the account was changed since
  });

  it('stays bounded under a flood of distinct pairs', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 60_000; i++)
      throttle.begin(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 'x', 0, TEST_NOW);
    const sizes = throttle as unknown as { pairs: Map<string, unknown>; accounts: Map<string, unknown> };
    expect(sizes.pairs.size).toBeLessThanOrEqual(50_000);
  });
});
