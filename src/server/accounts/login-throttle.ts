/**
 * Counts failed sign-ins per client address in a sliding window; past the limit the address gets 429 until the
 * oldest failure leaves the window. Successful sign-ins are never throttled. In memory: one process serves a site.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(maxFailures = 20, windowMs = 10 * 60_000) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
  }

  /** Seconds to wait, or 0 when the address may try again. */
  retryAfter(key: string, now: number): number {
    const recent = this.prune(key, now);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  recordFailure(key: string, now: number): void {
    const recent = this.prune(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.sweep(now);
  }

  private prune(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.prune(key, now);
  }
}
