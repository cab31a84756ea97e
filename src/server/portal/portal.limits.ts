import { rateLimited, type RateLimiter } from '../platform/rate-limit.ts';

/** A slot taken: the limiter, the key and the instant (to give it back when the action did not happen). */
export type Taken = [RateLimiter, string, number];

/** Takes one slot of each limiter, all or none; 429 with Retry-After when one is full. */
export function takeAll(slots: [RateLimiter, string][], now: number): Taken[] {
  const taken: Taken[] = [];
  for (const [limiter, key] of slots) {
    const wait = limiter.take(key, now);
    if (wait > 0) {
      for (const [l, k, at] of taken) l.release(k, at);
      throw rateLimited(wait);
    }
    taken.push([limiter, key, now]);
  }
  return taken;
}
