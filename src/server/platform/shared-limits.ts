/**
 * Limits shared by every server process on one database (issue 14 item 5): a counter lives in a `shared_limits`
 * row instead of a process's memory, so a sign-in throttle or a failed-lookup limit set through one server holds
 * on the others behind the same proxy.
 *
 * The logic stays the in-memory limiter's (rate-limit.ts, accounts/login-throttle.ts): a shared limiter loads the
 * few counters one decision needs into a fresh in-memory limiter, lets it decide, and writes the counters back, all
 * in one short transaction holding the rows (PostgreSQL FOR UPDATE, rows locked in key order; SQLite has a single
 * writer). So two servers deciding on the same key at once decide one after the other, as one process would.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dialectOf } from '../db/dialect.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';

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

const id = (k: StateKey): string => `${k.bucket}\u0000${k.key}`;

/**
 * Reads the counters at `keys` (undefined where absent or expired) with their rows locked, lets `decide` compute
 * the result and the counters to write, and writes them, in one transaction.
 */
export async function withLockedState<R>(
  db: Db,
  keys: StateKey[],
  now: number,
  decide: (values: Map<string, unknown>) => { result: R; writes: StateWrite[] },
): Promise<R> {
  const sorted = [...keys].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  const locks = dialectOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    const values = new Map<string, unknown>();
    for (const k of sorted) {
      // a row to lock even for a new key: two servers counting a key's first event both count it
      await trx
        .insertInto('shared_limits')
        .values({ bucket: k.bucket, key: k.key, value: 'null', expires_at: 0 })
        .onConflict((oc) => oc.columns(['bucket', 'key']).doNothing())
        .execute();
      let q = trx
        .selectFrom('shared_limits')
        .select(['value', 'expires_at'])
        .where('bucket', '=', k.bucket)
        .where('key', '=', k.key);
      if (locks) q = q.forUpdate();
      const row = await q.executeTakeFirstOrThrow();
      const value: unknown = Number(row.expires_at) > now ? JSON.parse(row.value) : null;
      if (value !== null) values.set(id(k), value);
    }
    const { result, writes } = decide(values);
    for (const w of writes) {
      if (w.value === undefined || w.expiresAt <= now)
        await trx
          .deleteFrom('shared_limits')
          .where('bucket', '=', w.bucket)
          .where('key', '=', w.key)
          .execute();
      else
        await trx
          .updateTable('shared_limits')
          .set({ value: JSON.stringify(w.value), expires_at: w.expiresAt })
          .where('bucket', '=', w.bucket)
          .where('key', '=', w.key)
          .execute();
    }
    return result;
  });
}

/** The value of a counter, unlocked (for display), or undefined. */
export async function readState(db: Db, k: StateKey, now: number): Promise<unknown> {
  const row = await db
    .selectFrom('shared_limits')
    .select('value')
    .where('bucket', '=', k.bucket)
    .where('key', '=', k.key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const value: unknown = row ? JSON.parse(row.value) : null;
  return value === null ? undefined : value;
}

/** Deletes the expired counters; returns how many (the `limits.purge_expired` job). */
export async function purgeExpiredLimits(db: Db, now: number): Promise<number> {
  const r = await db.deleteFrom('shared_limits').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** What a route needs of a limiter: the in-memory one answers at once, the shared one after a round trip. */
export interface Limiter {
  take(key: string, now: number): number | Promise<number>;
  release(key: string, at: number): void | Promise<void>;
}

/** A sliding-window limit (rate-limit.ts) whose windows live in the database, shared by every server. */
export class SharedRateLimiter implements Limiter {
  private readonly db: Db;
  private readonly bucket: string;
  private readonly options: RateLimitOptions;

  constructor(db: Db, bucket: string, options: RateLimitOptions) {
    this.db = db;
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
    return withLockedState(this.db, [k], now, (values) => {
      const limiter = new RateLimiter(this.options);
      limiter.restore(key, (values.get(id(k)) as number[] | undefined) ?? []);
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

/** The shared counters' key in `withLockedState`'s map. */
export const stateId = id;

/** Whether the database lets several server processes share limits (PostgreSQL; SQLite serves one process). */
export const sharesLimits = (db: Db): boolean => dialectOf(db) === 'postgres';
