import { timingSafeEqual } from 'node:crypto';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import type { z } from 'zod';
import type { ZApplicant } from '../dossiers/dossier.schemas.ts';
import { RateLimiter } from '../platform/rate-limit.ts';
import type { Limiter, LimitStore } from '../platform/shared-limits.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The public doors' limits (docs/SECURITY.md, "Public doors and caching"). When several server processes may
 * serve (PostgreSQL, or Redis configured), the limits that guard something (failed lookups, submissions) are
 * shared through Redis or the database (platform/redis-limits.ts); the flood guard on every request stays per process (a round trip per public request would cost more than it
 * guards: behind several servers nginx's limit_req is the shared flood guard, docs/OPERATIONS.md).
 */
export const PORTAL_LIMITS = {
  /** Any request to a public route, per client address. */
  requests: { limit: 60, windowMs: MINUTE },
  /** Lookups that found nothing (unknown code or wrong digits), per client address. */
  failedLookups: { limit: 10, windowMs: 10 * MINUTE },
  /** Online submissions, per client address. */
  submissionsPerAddress: { limit: 20, windowMs: HOUR },
  /** Online submissions, per applicant phone number (the ID number when no phone is given). */
  submissionsPerApplicant: { limit: 5, windowMs: 24 * HOUR },
  /** Uploads started (POST /api/public/uploads), per client address. */
  uploadsPerAddress: { limit: 60, windowMs: HOUR },
  /** Upload chunks (PUT), per client address: counted here instead of under `requests`. */
  uploadChunks: { limit: 600, windowMs: 10 * MINUTE },
  /** Feedback lodged (phản ánh, kiến nghị), per client address. */
  feedbackPerAddress: { limit: 5, windowMs: HOUR },
} as const;

/** The flood guards (every request, every upload chunk) stay per process; the others are shared when a store is. */
type Guarded = Exclude<keyof typeof PORTAL_LIMITS, 'requests' | 'uploadChunks'>;
export type PortalLimiters = { requests: RateLimiter; uploadChunks: RateLimiter } & Record<Guarded, Limiter>;

/** Fresh limiters for one app instance; the guarding ones in `store` (app.limits.store), else in memory. */
export function portalLimiters(store: LimitStore | null): PortalLimiters {
  const guard = (name: Guarded): Limiter =>
    store ? store.rateLimiter(`portal.${name}`, PORTAL_LIMITS[name]) : new RateLimiter(PORTAL_LIMITS[name]);
  return {
    requests: new RateLimiter(PORTAL_LIMITS.requests),
    failedLookups: guard('failedLookups'),
    submissionsPerAddress: guard('submissionsPerAddress'),
    submissionsPerApplicant: guard('submissionsPerApplicant'),
    uploadsPerAddress: guard('uploadsPerAddress'),
    uploadChunks: new RateLimiter(PORTAL_LIMITS.uploadChunks),
    feedbackPerAddress: guard('feedbackPerAddress'),
  };
}

/**
 * The four digits that open a dossier to the public lookup: the last four of the applicant's phone number, or of
 * the ID number when there is no phone. Null when neither has four digits (such a dossier cannot be looked up).
 */
export function verifyDigitsOf(
  d: Pick<DossierRow, 'applicant_phone' | 'applicant_id_number'>,
): string | null {
  const phone = (d.applicant_phone ?? '').replace(/\D/g, '');
  const source = phone || (d.applicant_id_number ?? '').replace(/\D/g, '');
  return source.length >= 4 ? source.slice(-4) : null;
}

/** Whether `verify` opens the dossier (compared in constant time). */
export function verifies(
  d: Pick<DossierRow, 'applicant_phone' | 'applicant_id_number'>,
  verify: string,
): boolean {
  const expected = verifyDigitsOf(d);
  if (expected === null || expected.length !== verify.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(verify));
}

/** The key an applicant's submissions are counted under: the phone number (+84 written as 0), else the ID number. */
export function applicantKeyOf(a: Pick<z.infer<typeof ZApplicant>, 'phone' | 'idNumber'>): string {
  const phone = a.phone?.replace(/\D/g, '').replace(/^84/, '0');
  return phone ? `phone:${phone}` : `id:${a.idNumber}`;
}
