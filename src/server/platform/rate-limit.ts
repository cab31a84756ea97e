import { AppError } from './app-error.ts';

export interface RateLimitOptions {
  /** Events allowed per key inside the window. */
  limit: number;
  windowMs: number;
  /** Keys kept at most; past it the expired keys are swept, then the oldest keys dropped. */
  maxKeys?: number;
}

/**
 * A sliding-window log per key (a client address, a phone number), in memory (several server processes on one
 * PostgreSQL share theirs through the database: shared-limits.ts). Each key
 * keeps at most `limit` instants, the whole map is swept of expired keys once per window and never holds more
 * than `maxKeys` keys, so memory stays bounded whatever a client sends. Time is always passed in (`now`, from the
 * injected clock), never read here.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: RateLimitOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /** Seconds to wait before `key` may act again, or 0 when it may act now. */
  retryAfter(key: string, now: number): number {
    this.sweepIfDue(now);
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    const oldest = recent[recent.length - this.limit] ?? now;
    // Never more than a window, even when the oldest take was stamped after this caller's `now` (concurrent callers).
    return Math.min(
      Math.ceil(this.windowMs / 1000),
      Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
    );
  }

  /** Records one event for `key`. */
  hit(key: string, now: number): void {
    this.sweepIfDue(now);
    const recent = this.recent(key, now);
    recent.push(now);
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.hits.delete(key); // re-inserted last: the map's order is then the keys' last activity
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.evict(now);
  }

  /**
   * Checks and records in one step (no await between, so concurrent requests cannot both take the last slot):
   * 0 when the event is allowed and recorded, else the seconds to wait (nothing recorded).
   */
  take(key: string, now: number): number {
    const wait = this.retryAfter(key, now);
    if (wait === 0) this.hit(key, now);
    return wait;
  }

  /** Gives back the event `take` recorded at `at` (the action it allowed did not happen). */
  release(key: string, at: number): void {
    const list = this.hits.get(key);
    if (!list) return;
    const i = list.lastIndexOf(at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.hits.delete(key);
  }

  /** The instants recorded for `key` (oldest first): what a shared limiter stores (shared-limits.ts). */
  instants(key: string): number[] {
    return [...(this.hits.get(key) ?? [])];
  }

  /** Sets the instants of `key` (a shared limiter's stored window). */
  restore(key: string, instants: readonly number[]): void {
    if (instants.length) this.hits.set(key, [...instants]);
    else this.hits.delete(key);
  }

  /** Keys currently held (for tests of the bound). */
  get size(): number {
    return this.hits.size;
  }

  private recent(key: string, now: number): number[] {
    const list = this.hits.get(key);
    if (!list) return [];
    const from = now - this.windowMs;
    let i = 0;
    while (i < list.length && list[i]! <= from) i++;
    if (i > 0) list.splice(0, i);
    if (list.length === 0) this.hits.delete(key);
    return list;
  }

  private sweepIfDue(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }

  private evict(now: number): void {
    this.lastSweep = Number.NEGATIVE_INFINITY;
    this.sweepIfDue(now);
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}

/** 429 RATE_LIMITED with Retry-After (seconds). */
export const rateLimited = (seconds: number): AppError =>
  new AppError('RATE_LIMITED', { params: { seconds }, headers: { 'retry-after': String(seconds) } });
