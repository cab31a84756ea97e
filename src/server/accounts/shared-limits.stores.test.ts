/**
 * The sign-in throttle and the portal's limits decide the same on every store: in memory (one process), in the
 * database (SQLite, PostgreSQL) and in Redis (the sliding-window script, and the compare-and-set path). One long
 * scenario per limit — seeded, so a failure is reproducible — is played on each; every store's answers must equal
 * the in-memory limiter's, answer for answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { deleteKeys, REDIS_UP, testPrefix, testRedis } from '../../../test/support/redis.ts';
import {
  ACCOUNT_SLOW_AFTER,
  FORGET_AFTER_MS,
  LoginThrottle,
  SharedLoginThrottle,
  type LoginTicket,
  type SignInThrottle,
} from './login-throttle.ts';
import { RateLimiter } from '../platform/rate-limit.ts';
import type { RedisClient } from '../platform/redis-client.ts';
import { RedisLimitStore } from '../platform/redis-limits.ts';
import { DbLimitStore, SharedRateLimiter, type Limiter } from '../platform/shared-limits.ts';

/** A small seeded generator (mulberry32): the same scenario on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

/** The next instant: mostly a few seconds on, sometimes the same millisecond, sometimes past a window. */
function step(r: () => number, long: number): number {
  const x = r();
  return x < 0.2 ? 0 : x < 0.8 ? Math.floor(r() * 4000) : x < 0.9 ? Math.floor(r() * long) : long;
}

type Op =
  | { kind: 'take'; key: string; at: number }
  | { kind: 'release'; key: string; at: number }
  | { kind: 'begin'; ip: string; user: string; stamp: number; at: number }
  | { kind: 'succeeded'; of: number; at: number }
  | { kind: 'slowed'; user: string; stamp: number; at: number };

const WINDOW = { limit: 4, windowMs: 30_000 };

function windowScenario(seed: number, length: number): Op[] {
  const r = random(seed);
  const ops: Op[] = [];
  const taken: { key: string; at: number }[] = [];
  // the window's edge first: an instant exactly a window old has left it
  const { limit, windowMs } = WINDOW;
  for (let i = 0; i < limit; i++) ops.push({ kind: 'take', key: 'edge', at: TEST_NOW + i });
  ops.push({ kind: 'take', key: 'edge', at: TEST_NOW + windowMs - 1 });
  ops.push({ kind: 'take', key: 'edge', at: TEST_NOW + windowMs });
  let now = TEST_NOW + windowMs;
  for (let i = 0; i < length; i++) {
    now += step(r, WINDOW.windowMs);
    if (taken.length && r() < 0.15) {
      const t = pick(r, taken);
      ops.push({ kind: 'release', key: t.key, at: t.at });
    } else {
      const key = pick(r, ['1.1.1.1', '2.2.2.2', '0912345678']);
      ops.push({ kind: 'take', key, at: now });
      taken.push({ key, at: now });
    }
  }
  return ops;
}

function throttleScenario(seed: number, length: number): Op[] {
  const r = random(seed);
  const ops: Op[] = [];
  const ips = Array.from({ length: ACCOUNT_SLOW_AFTER + 2 }, (_, i) => `10.0.0.${i}`);
  let now = TEST_NOW;
  for (let i = 0; i < length; i++) {
    now += r() < 0.01 ? FORGET_AFTER_MS : step(r, 20 * 60_000);
    const user = r() < 0.8 ? 'chuyenvien' : 'lanhdao';
    const stamp = r() < 0.01 ? 1 : 0; // an administrative change, now and then
    const x = r();
    const begins = ops.map((o, j) => (o.kind === 'begin' ? j : -1)).filter((j) => j >= 0);
    if (x < 0.05 && begins.length) ops.push({ kind: 'succeeded', of: pick(r, begins), at: now });
    else if (x < 0.15) ops.push({ kind: 'slowed', user, stamp, at: now });
    else {
      // one address keeps guessing (its waits double), the others spread over the accounts
      const ip = r() < 0.4 ? ips[0]! : pick(r, ips);
      ops.push({ kind: 'begin', ip, user, stamp, at: now });
    }
  }
  return ops;
}

async function playWindow(limiter: Limiter, ops: Op[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const op of ops)
    if (op.kind === 'take') answers.push(await limiter.take(op.key, op.at));
    else if (op.kind === 'release') answers.push(await limiter.release(op.key, op.at));
  return answers;
}

async function playThrottle(throttle: SignInThrottle, ops: Op[]): Promise<unknown[]> {
  const answers: unknown[] = [];
  const tickets = new Map<number, LoginTicket>();
  for (const [i, op] of ops.entries()) {
    if (op.kind === 'begin') {
      const a = await throttle.begin(op.ip, op.user, op.stamp, op.at);
      if (typeof a === 'object') tickets.set(i, a);
      answers.push(typeof a === 'object' ? { newPair: a.newPair } : a);
    } else if (op.kind === 'succeeded') {
      const ticket = tickets.get(op.of);
      if (ticket) await throttle.succeeded(ticket, op.at);
      answers.push(ticket ? 'succeeded' : 'no ticket');
    } else if (op.kind === 'slowed') answers.push(await throttle.isSlowed(op.user, op.stamp, op.at));
  }
  return answers;
}

const WINDOW_OPS = windowScenario(14, 300);
const THROTTLE_OPS = throttleScenario(5, 400);
let memoryWindow: unknown[];
let memoryThrottle: unknown[];

beforeAll(async () => {
  memoryWindow = await playWindow(new RateLimiter(WINDOW), WINDOW_OPS);
  memoryThrottle = await playThrottle(new LoginThrottle(), THROTTLE_OPS);
});

describe('the scenarios in memory', () => {
  it('exercise every answer: passes, waits, releases; tickets, waits of several lengths, slowed accounts', () => {
    expect(memoryWindow.filter((a) => a === 0).length).toBeGreaterThan(30);
    expect(new Set(memoryWindow.filter((a) => typeof a === 'number' && a > 0)).size).toBeGreaterThan(5);
    expect(WINDOW_OPS.filter((o) => o.kind === 'release').length).toBeGreaterThan(20);
    expect(memoryThrottle.filter((a) => typeof a === 'object').length).toBeGreaterThan(30);
    expect(new Set(memoryThrottle.filter((a) => typeof a === 'number')).size).toBeGreaterThan(3);
    expect(memoryThrottle.filter((a) => a === 'succeeded').length).toBeGreaterThan(5);
    expect(memoryThrottle.filter((a) => a === true).length).toBeGreaterThan(0);
    expect(memoryThrottle.filter((a) => a === false).length).toBeGreaterThan(0);
  });
});

for (const dialect of DIALECTS)
  describe(`the database store (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
    });
    afterAll(async () => t?.dispose());

    it('answers the portal scenario as memory does', async () => {
      const limiter = new DbLimitStore(t.db).rateLimiter('portal.scenario', WINDOW);
      expect(await playWindow(limiter, WINDOW_OPS)).toEqual(memoryWindow);
    });

    it('answers the sign-in scenario as memory does', async () => {
      const throttle = new SharedLoginThrottle(new DbLimitStore(t.db));
      expect(await playThrottle(throttle, THROTTLE_OPS)).toEqual(memoryThrottle);
    });
  });

describe.skipIf(!REDIS_UP)('the Redis store', () => {
  const prefix = testPrefix();
  let client: RedisClient;
  beforeAll(async () => {
    client = await testRedis();
  });
  afterAll(async () => {
    await client?.close();
    await deleteKeys(prefix);
  });

  it('answers the portal scenario as memory does: the sliding-window script', async () => {
    const limiter = new RedisLimitStore(client, `${prefix}lua:`).rateLimiter('portal.scenario', WINDOW);
    expect(await playWindow(limiter, WINDOW_OPS)).toEqual(memoryWindow);
  });

  it('answers the portal scenario as memory does: the compare-and-set path', async () => {
    const limiter = new SharedRateLimiter(
      new RedisLimitStore(client, `${prefix}cas:`),
      'portal.scenario',
      WINDOW,
    );
    expect(await playWindow(limiter, WINDOW_OPS)).toEqual(memoryWindow);
  });

  it('answers the sign-in scenario as memory does', async () => {
    const throttle = new SharedLoginThrottle(new RedisLimitStore(client, prefix));
    expect(await playThrottle(throttle, THROTTLE_OPS)).toEqual(memoryThrottle);
  });
});
