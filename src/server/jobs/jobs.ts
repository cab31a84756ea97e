/** The server's background jobs, run by the job runner (job-runner.ts) on `motcua serve`. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { deleteExpiredSessions } from '../accounts/account.repository.ts';
import { returnStaleSupplements } from '../dossiers/dossier.return.job.ts';
import { deleteIdempotencyKeysBefore } from '../platform/idempotency.ts';
import { purgeExpiredLimits } from '../platform/shared-limits.repository.ts';
import type { JobDefinition } from '../platform/job-runner.ts';
import { remindDueJob } from '../notifications/notification.delivery.ts';
import { optimizeStatistics } from '../db/statistics.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Idempotency keys answer retries over a bad link; after this long nobody retries. */
export const IDEMPOTENCY_KEEP_DAYS = 30;

export const purgeExpiredSessions: JobDefinition = {
  name: 'sessions.purge_expired',
  intervalMs: 60 * MINUTE,
  run: async (db, now) => ({ done: await deleteExpiredSessions(db, now), failed: 0 }),
};

export const purgeOldIdempotencyKeys: JobDefinition = {
  name: 'idempotency.purge_old',
  intervalMs: 24 * 60 * MINUTE,
  run: async (db, now) => ({
    done: await deleteIdempotencyKeysBefore(db, now - IDEMPOTENCY_KEEP_DAYS * DAY),
    failed: 0,
  }),
};

/** Shared sign-in throttles and portal limits past their window (platform/shared-limits.ts). */
export const purgeExpiredLimitsJob: JobDefinition = {
  name: 'limits.purge_expired',
  intervalMs: 60 * MINUTE,
  run: async (db, now) => ({ done: await purgeExpiredLimits(db, now), failed: 0 }),
};

export const returnStaleSupplementsJob: JobDefinition = {
  name: 'dossiers.return_stale_supplements',
  intervalMs: 15 * MINUTE,
  run: async (db: Kysely<Database>, now: number) => {
    const failures: string[] = [];
    const codes = await returnStaleSupplements(db, now, {
      onError: (code, e) => failures.push(`${code}: ${e instanceof Error ? e.message : String(e)}`),
    });
    const message = [
      codes.length ? `returned without supplement: ${codes.slice(0, 20).join(', ')}` : '',
      failures.length ? `failed: ${failures.slice(0, 5).join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return { done: codes.length, failed: failures.length, message: message || undefined };
  },
};

/**
 * The query planner's statistics kept current as dossiers accumulate (SQLite's `PRAGMA optimize`, sampled: a few
 * milliseconds; PostgreSQL's autovacuum does this itself).
 */
export const optimizeStatisticsJob: JobDefinition = {
  name: 'db.optimize_statistics',
  intervalMs: 6 * 60 * MINUTE,
  run: async (db) => {
    await optimizeStatistics(db);
    return { done: 1, failed: 0 };
  },
};

/** Every job `motcua serve` runs. */
export const SERVER_JOBS: readonly JobDefinition[] = [
  returnStaleSupplementsJob,
  purgeExpiredSessions,
  purgeOldIdempotencyKeys,
  purgeExpiredLimitsJob,
  remindDueJob,
  optimizeStatisticsJob,
];
