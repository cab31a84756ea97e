import { rateLimited } from '../platform/rate-limit.ts';
import type { Limiter } from '../platform/shared-limits.ts';

/** A slot taken: the limiter, the key and the instant (to give it back when the action did not happen). */
export type Taken = [Limiter, string, number];

/**
 * Takes one slot of each limiter, all or none; 429 with Retry-After when one is full. The limiters are in memory
 * (SQLite) or shared by every server through Redis or the database (platform/redis-limits.ts).
 */
export async function takeAll(slots: [Limiter, string][], now: number): Promise<Taken[]> {
  const taken: Taken[] = [];
  for (const [limiter, key] of slots) {
    const wait = await limiter.take(key, now);
    if (wait > 0) {
      await releaseAll(taken);
      throw rateLimited(wait);
    }
    taken.push([limiter, key, now]);
  }
  return taken;
}

/** Gives back the slots taken for an action that did not happen. */
export async function releaseAll(taken: readonly Taken[]): Promise<void> {
  for (const [limiter, key, at] of taken) await limiter.release(key, at);
}
