/** One counter of a shared limit (platform/shared-limits.ts). */
export interface SharedLimitTable {
  /** Which limit: `login.pair`, `login.account`, `portal.failedLookups`… */
  bucket: string;
  key: string;
  /** JSON: the counter as the in-memory limiter keeps it. */
  value: string;
  /** Epoch ms after which the counter is forgotten (and purged by the `limits.purge_expired` job). */
  expires_at: number;
}
