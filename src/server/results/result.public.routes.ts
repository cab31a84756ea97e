import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { maskPhone } from '../../shared/identity/cccd.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { maskEmail } from '../notifications/notification.presenter.ts';
import { AppError, notFound } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { RateLimiter, rateLimited } from '../platform/rate-limit.ts';
import { PORTAL_LIMITS, verifies } from '../portal/portal.service.ts';
import { downloadableResult, issueCode, redeemCode } from './result.code.service.ts';
import { dossierCodeById, findSignedById, recordDownload } from './result.repository.ts';
import { sha256Of } from './result.service.ts';

const MINUTE = 60_000;

/** The limits of these public doors, per client address and process (docs/SECURITY.md, "Public doors"). */
export const RESULT_PUBLIC_LIMITS = {
  /** Any request to these routes (as the portal's). */
  requests: PORTAL_LIMITS.requests,
  /** Verifications (a PDF parsed and its signature checked). */
  verifications: { limit: 20, windowMs: 10 * MINUTE },
  /** Code requests and downloads that failed (wrong digits or code), as the lookup's failures. */
  failures: PORTAL_LIMITS.failedLookups,
  /** Codes asked for. */
  codeRequests: { limit: 5, windowMs: 60 * MINUTE },
} as const;

export const ZPublicVerification = z.object({
  valid: z.boolean(),
  signer: z.string().nullable(),
  unit: z.string().nullable(),
  signedAt: z.string().nullable(),
  modified: z.boolean(),
  trusted: z.boolean(),
  dossierCode: z.string().nullable(),
  resultId: z.string().nullable(),
  reason: z.string().optional(),
  /**
   * issuedByCentre: the file is, byte for byte, the signed result this centre issued for that dossier and result id;
   * knownResult: the dossier code and result id name a signed result here (the file may still differ).
   */
  knownResult: z.boolean(),
  issuedByCentre: z.boolean(),
});

const ZDossierCodeParams = z.object({ code: z.string().min(5).max(64) });
const ZVerifyDigits = z.string().regex(/^\d{4}$/, '@rule.verifyDigits');

/**
 * The citizens' side of signed results: verification of a PDF (upload) or of a result named by its QR (code and
 * result id), and the download of the signed result from the lookup with a one-time code. No sign-in; limited per
 * client address; never personal data (the signer is the officer who signed, printed on the document).
 */
export async function resultPublicRoutes(app: AppInstance): Promise<void> {
  const limits = {
    requests: new RateLimiter(RESULT_PUBLIC_LIMITS.requests),
    verifications: new RateLimiter(RESULT_PUBLIC_LIMITS.verifications),
    failures: new RateLimiter(RESULT_PUBLIC_LIMITS.failures),
    codeRequests: new RateLimiter(RESULT_PUBLIC_LIMITS.codeRequests),
  };
  const maxBytes = app.config.MOTCUA_MAX_UPLOAD_MB * 1_048_576;
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.addHook('onRequest', async (request) => {
    const wait = limits.requests.take(request.ip, app.clock.now());
    if (wait > 0) throw rateLimited(wait);
  });

  /** The dossier the code and digits open, counted as a failure until they do (as the lookup). */
  const openDossier = async (ip: string, code: string, verify: string): Promise<DossierRow> => {
    const now = app.clock.now();
    const wait = limits.failures.take(ip, now);
    if (wait > 0) throw rateLimited(wait);
    const d = await findDossierByCode(app.db, code.trim(), { kind: 'all' });
    if (!d || !verifies(d, verify)) throw notFound('dossier', code);
    limits.failures.release(ip, now);
    return d;
  };

  app.post(
    '/api/public/verify',
    {
      bodyLimit: maxBytes,
      schema: {
        tags: ['public'],
        description:
          'Body: a PDF (application/pdf). Is its signature valid, by whom and when, is the certificate trusted, was ' +
          'the file changed after signing, and is it the result this centre issued. 20 per 10 minutes per address.',
        response: { 200: ZPublicVerification },
      },
    },
    async (request) => {
      const wait = limits.verifications.take(request.ip, app.clock.now());
      if (wait > 0) throw rateLimited(wait);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: '(body)', rule: 'result.not_pdf', message: '@result.not_pdf' }],
        });
      const v = await app.signing.verifyPdf(new Uint8Array(bytes));
      const stored = v.resultId ? await findSignedById(app.db, v.resultId) : undefined;
      const dossierCode = stored ? await dossierCodeById(app.db, stored.dossier_id) : undefined;
      const knownResult = Boolean(stored && dossierCode && dossierCode === v.dossierCode);
      return {
        ...v,
        knownResult,
        issuedByCentre: knownResult && v.valid && !v.modified && stored!.sha256 === sha256Of(bytes),
      };
    },
  );

  app.get(
    '/api/public/results/:code/:resultId',
    {
      schema: {
        tags: ['public'],
        description:
          'What the QR on a signed result opens: whether that dossier has that signed result, who signed it and ' +
          'when. The same answer shape whether or not it exists (found: false).',
        params: ZDossierCodeParams.extend({ resultId: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            found: z.boolean(),
            dossierCode: z.string(),
            signer: z.string().nullable(),
            signedAt: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const { code, resultId } = request.params;
      const stored = await findSignedById(app.db, resultId);
      const dossierCode = stored ? await dossierCodeById(app.db, stored.dossier_id) : undefined;
      if (!stored || dossierCode !== code)
        return { found: false, dossierCode: code, signer: null, signedAt: null };
      return {
        found: true,
        dossierCode: code,
        signer: stored.signer,
        signedAt: stored.signed_at === null ? null : formatInstant(stored.signed_at),
      };
    },
  );

  app.post(
    '/api/public/dossiers/:code/result-code',
    {
      schema: {
        tags: ['public'],
        description:
          'Sends a one-time code (6 digits, 10 minutes, 5 tries) to the applicant’s phone and email, for the ' +
          'download of a delivered dossier’s signed result. Needs the four verification digits.',
        params: ZDossierCodeParams,
        body: z.object({ verify: ZVerifyDigits }),
        response: {
          200: z.object({ sentTo: z.array(z.string().max(300)).max(2), expiresAt: z.string() }),
        },
      },
    },
    async (request) => {
      const d = await openDossier(request.ip, request.params.code, request.body.verify);
      const now = app.clock.now();
      const wait = limits.codeRequests.take(request.ip, now);
      if (wait > 0) throw rateLimited(wait);
      try {
        const { expiresAt } = await app.db.transaction().execute((trx) => issueCode(trx, d, now));
        const sentTo = [
          ...(d.applicant_phone ? [maskPhone(d.applicant_phone) ?? '***'] : []),
          ...(d.applicant_email ? [maskEmail(d.applicant_email) ?? '***'] : []),
        ];
        return { sentTo, expiresAt: formatInstant(expiresAt) };
      } catch (e) {
        limits.codeRequests.release(request.ip, now);
        throw e;
      }
    },
  );

  app.post(
    '/api/public/dossiers/:code/result.pdf',
    {
      schema: {
        tags: ['public'],
        description:
          'The signed result of a delivered dossier, with the verification digits and the one-time code. Each ' +
          'download is recorded on the dossier.',
        params: ZDossierCodeParams,
        body: z.object({ verify: ZVerifyDigits, code: z.string().regex(/^\d{6}$/, '@result.code_format') }),
      },
    },
    async (request, reply) => {
      const d = await openDossier(request.ip, request.params.code, request.body.verify);
      const signed = await downloadableResult(app.db, d);
      const now = app.clock.now();
      const wait = limits.failures.take(request.ip, now);
      if (wait > 0) throw rateLimited(wait);
      await redeemCode(app.db, d, request.body.code, now);
      limits.failures.release(request.ip, now);
      const bytes = await app.files.get(signed.sha256);
      await app.db.transaction().execute(async (trx) => {
        await recordDownload(trx, signed.id, now);
        await appendAudit(
          trx,
          {
            actor: null,
            action: 'dossier.result_downloaded',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { resultId: signed.id, channel: 'public_lookup' },
          },
          now,
        );
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="ket-qua-${d.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
