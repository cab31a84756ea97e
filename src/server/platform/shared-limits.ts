/**
 * Limits shared by every server process (issue 14 item 5): a counter lives in a store every server reaches —
 * the database's `shared_limits` table (DbLimitStore, below), or Redis when MOTCUA_REDIS_URL is set
 * (redis-limits.ts) — instead of a process's memory, so a sign-in throttle or a failed-lookup limit set through one
 * server holds on the others behind the same proxy.
 *
 * The logic stays the in-memory limiter's (rate-limit.ts, accounts/login-throttle.ts): a shared limiter loads the
 * few counters one decision needs into a fresh in-memory limiter, lets it decide, and writes the counters back,
 * atomically. In the database that is one short transaction holding the rows (PostgreSQL FOR UPDATE, rows locked
 * in key order; SQLite has a single writer); in Redis a compare-and-set script, retried when another server wrote
 * the counters in between. Either way two servers deciding on the same key at once decide one after the other, as
 * one process would.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { readState, withLockedState } from './shared-limits.repository.ts';

type Db = Kysely<Database>;

export interface StateKey {
  bucket: string;
  key: string;
}

export interface StateWrite extends StateKey {
  /** Undefined deletes the counter. */
  value: unknown;
  expiresAt: number;
}

/**
 * One decision over the counters read (keyed by `stateId`): its result and the counters to write. Pure: a store
 * may call it again when another server changed the counters meanwhile (Redis).
 */
export type Decide<R> = (values: Map<string, unknown>) => { result: R; writes: StateWrite[] };

/** The shared counters' key in a decision's map. */
export const stateId = (k: StateKey): string => `${k.bucket}\u0000${k.key}`;

/** What a route needs of a limiter: the in-memory one answers at once, the shared one after a round trip. */
export interface Limiter {
  take(key: string, now: number): number | Promise<number>;
  release(key: string, at: number): void | Promise<void>;
}

/** Where shared counters live: the database or Redis. */
export interface LimitStore {
  readonly name: 'database' | 'redis';
  /**
   * Reads the counters at `keys` (absent where none or expired at `now`), lets `decide` compute the result and
   * the counters to write (only among `keys`), and writes them, atomically.
   */
  withLockedState<R>(keys: StateKey[], now: number, decide: Decide<R>): Promise<R>;
  /** The value of a counter (undefined when absent or expired), for display. */
  readState(k: StateKey, now: number): Promise<unknown>;
  /** A sliding-window limit (rate-limit.ts) whose windows live in this store. */
  rateLimiter(bucket: string, options: RateLimitOptions): Limiter;
}

/** The `shared_limits` table (shared-limits.repository.ts). */
export class DbLimitStore implements LimitStore {
  readonly name = 'database';
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  withLockedState<R>(keys: StateKey[], now: number, decide: Decide<R>): Promise<R> {
    return withLockedState(this.db, keys, now, decide);
  }

  readState(k: StateKey, now: number): Promise<unknown> {
    return readState(this.db, k, now);
  }

  rateLimiter(bucket: string, options: RateLimitOptions): Limiter {
    return new SharedRateLimiter(this, bucket, options);
  }
}

/** A sliding-window limit (rate-limit.ts) whose windows live in a store, shared by every server. */
export class SharedRateLimiter implements Limiter {
  private readonly store: LimitStore;
  private readonly bucket: string;
  private readonly options: RateLimitOptions;

  constructor(store: LimitStore, bucket: string, options: RateLimitOptions) {
    this.store = store;
    this.bucket = bucket;
    this.options = options;
  }

  take(key: string, now: number): Promise<number> {
    return this.apply(key, now, (limiter) => limiter.take(key, now));
  }

  async release(key: string, at: number): Promise<void> {
    await this.apply(key, at, (limiter) => limiter.release(key, at));
  }

  private apply<R>(key: string, now: number, act: (limiter: RateLimiter) => R): Promise<R> {
    const k = { bucket: this.bucket, key };
    return this.store.withLockedState([k], now, (values) => {
      const limiter = new RateLimiter(this.options);
      limiter.restore(key, (values.get(stateId(k)) as number[] | undefined) ?? []);
      const result = act(limiter);
      const hits = limiter.instants(key);
      const last = hits[hits.length - 1];
      return {
        result,
        writes: [
          { ...k, value: hits.length ? hits : undefined, expiresAt: (last ?? now) + this.options.windowMs },
        ],
      };
    });
  }
}
