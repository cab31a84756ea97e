/**
 * The citizen's download of the signed result (docs/ELECTRONIC-RESULTS.md): a one-time code of 6 digits, sent to
 * the applicant's phone or email through the notifications outbox, valid 10 minutes and 5 tries, stored hashed
 * (salted with its row id). Only the newest code of a dossier is accepted, and once: a new code closes the
 * ones before it.
 */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { notifyApplicant } from '../notifications/notification.service.ts';
import { AppError, invalidField, ruleViolation } from '../platform/app-error.ts';
import './result.messages.ts';
import * as repo from './result.repository.ts';
import type { DossierResultRow } from './result.table.ts';

type Db = Kysely<Database>;

export const RESULT_CODE = {
  digits: 6,
  validMs: 10 * 60_000,
  tries: 5,
  /** Codes per dossier per hour (whatever the address asking). */
  perDossierPerHour: 3,
} as const;

const hashOf = (id: string, code: string): string =>
  createHash('sha256').update(`${id}:${code}`).digest('hex');

/** The dossier's signed result, when the citizen may download it: a delivered dossier with a signed result. */
export async function downloadableResult(db: Db, d: DossierRow): Promise<DossierResultRow> {
  const signed = await repo.signedResult(db, d.id);
  if (d.status !== 'delivered' || !signed) throw ruleViolation('result.not_available');
  return signed;
}

/** Issues a new code and queues it to the applicant (email and SMS, whichever they gave), in `trx`. */
export async function issueCode(trx: Db, d: DossierRow, now: number): Promise<{ expiresAt: number }> {
  await downloadableResult(trx, d);
  if (!d.applicant_phone && !d.applicant_email) throw ruleViolation('result.no_contact');
  if ((await repo.codesSince(trx, d.id, now - 3_600_000)) >= RESULT_CODE.perDossierPerHour)
    throw new AppError('RATE_LIMITED', { params: { seconds: 3600 }, headers: { 'retry-after': '3600' } });
  await repo.closeCodes(trx, d.id, now);
  const id = randomUUID();
  const code = String(randomInt(0, 10 ** RESULT_CODE.digits)).padStart(RESULT_CODE.digits, '0');
  const expiresAt = now + RESULT_CODE.validMs;
  await repo.insertCode(trx, {
    id,
    dossier_id: d.id,
    province_code: d.province_code,
    unit_code: d.unit_code,
    code_hash: hashOf(id, code),
    created_at: now,
    expires_at: expiresAt,
    attempts: 0,
    used_at: null,
  });
  await notifyApplicant(trx, d, 'result_code', { oneTimeCode: code, dueAt: expiresAt }, now);
  return { expiresAt };
}

/**
 * Checks a code: counts the try first (on `db`, committed whatever follows, so a wrong code costs a try), then
 * compares in constant time. 400 naming `code` when it is wrong, expired, used or out of tries.
 */
export async function redeemCode(db: Db, d: DossierRow, code: string, now: number): Promise<void> {
  const row = await repo.openCode(db, d.id);
  if (!row) throw invalidField('code', 'result.code_none', '@result.code_none');
  if (now >= row.expires_at) throw invalidField('code', 'result.code_expired', '@result.code_expired');
  if (!(await repo.countTry(db, row.id, RESULT_CODE.tries)))
    throw invalidField('code', 'result.code_tries', '@result.code_tries');
  const expected = Buffer.from(row.code_hash, 'hex');
  const given = Buffer.from(hashOf(row.id, code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    const left = RESULT_CODE.tries - (row.attempts + 1);
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'code', rule: 'result.code_wrong', message: '@result.code_wrong' }],
      details: { triesLeft: Math.max(0, left) },
    });
  }
  if (!(await repo.markCodeUsed(db, row.id, now)))
    throw invalidField('code', 'result.code_none', '@result.code_none');
}
