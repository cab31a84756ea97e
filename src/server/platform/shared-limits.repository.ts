/**
 * The `shared_limits` table (platform/shared-limits.ts, migration 202612062501_shared_limits): the database store
 * of the limits shared by several server processes.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Decide, StateKey } from './shared-limits.ts';

type Db = Kysely<Database>;

/** shared-limits.ts stateId (not imported: that module imports this one). */
const stateId = (k: StateKey): string => `${k.bucket}\u0000${k.key}`;

/**
 * Reads the counters at `keys` (undefined where absent or expired) with their rows locked, lets `decide` compute
 * the result and the counters to write, and writes them, in one transaction.
 */
export async function withLockedState<R>(
  db: Db,
  keys: StateKey[],
  now: number,
  decide: Decide<R>,
): Promise<R> {
  const sorted = [...keys].sort((a, b) => (stateId(a) < stateId(b) ? -1 : stateId(a) > stateId(b) ? 1 : 0));
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
      if (value !== null) values.set(stateId(k), value);
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
