import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { notFound } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { ZApplicant, ZComponentCheck } from '../dossiers/dossier.schemas.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { nowToSecond } from '../platform/clock.ts';
import { rateLimited } from '../platform/rate-limit.ts';
import { releaseAll, takeAll, type Taken } from './portal.limits.ts';
import { portalUploadRoutes } from './portal.upload.routes.ts';
import { portalCatalogRoutes, templateAdminRoutes } from './portal.catalog.routes.ts';
import { portalFeedbackRoutes } from './portal.feedback.routes.ts';
import { attachUploads, removeParts, ZSubmissionFile } from './portal.submission.ts';
import './portal.messages.ts';
import { hasSignedResult, isRated } from './portal.rating.repository.ts';
import { presentPublic, ZPublicDossier, type TPublicDossier } from './portal.presenter.ts';
import { applicantKeyOf, portalLimiters, verifies } from './portal.service.ts';
import { MAX, UPLOAD } from '../../shared/limits.ts';
import { publicReceptionRoutes } from '../reception/reception.routes.ts';

/** A citizen's online submission from the public portal (Decree 118 Art. 17.2). */
const ZOnlineSubmission = z.object({
  unitCode: z.string().regex(/^\d{5}$/, '@rule.unitCode'),
  procedureCode: z.string().min(1).max(40),
  applicant: ZApplicant,
  components: z.array(ZComponentCheck).max(MAX.listItems).optional(),
  note: z.string().max(2000).optional(),
  files: z
    .array(ZSubmissionFile)
    .max(UPLOAD.files, '@upload.tooManyFiles')
    .optional()
    .describe('Finished uploads (POST/PUT /api/public/uploads) that become the dossier’s attachments'),
});

const ZLookupQuery = z.object({
  verify: z
    .string()
    .regex(/^\d{4}$/, '@rule.verifyDigits')
    .describe(
      'The last four digits of the applicant’s phone number (of the ID number when there is no phone)',
    ),
});

/**
 * The public doors (no sign-in): online submission and the lookup of a dossier by its code and four verification
 * digits. Every route is limited per client address; failed lookups and submissions have their own limits.
 */
export async function portalRoutes(app: AppInstance): Promise<void> {
  const limits = portalLimiters(app.limits.store);

  // Encapsulated plugin: this hook covers the public routes only.
  app.addHook('onRequest', async (request) => {
    // An upload's chunks have their own, larger allowance: a 10 MB scan is 10 chunks or more on a weak link.
    const chunk = request.method === 'PUT' && request.routeOptions.url === '/api/public/uploads/:id';
    const wait = (chunk ? limits.uploadChunks : limits.requests).take(request.ip, app.clock.now());
    if (wait > 0) throw rateLimited(wait);
  });

  // The commune's citizen reception schedule (docs/RECEPTION.md), under the same limit.
  await publicReceptionRoutes(app);
  // The commune's catalog and procedure pages, resumable uploads, feedback and ratings (docs/PORTAL.md).
  await portalCatalogRoutes(app);
  await portalUploadRoutes(app, limits);
  await portalFeedbackRoutes(app, limits);

  app.post(
    '/api/public/dossiers',
    {
      schema: {
        tags: ['public'],
        description:
          'Online submission; an officer accepts it (or asks for corrections) within 8 working hours. ' +
          'Limited per client address and per applicant phone number (429 with Retry-After).',
        headers: ZIdempotencyHeaders,
        body: ZOnlineSubmission,
        response: { 201: ZPublicDossier.extend({ acceptBy: z.string() }) },
      },
    },
    async (request, reply) => {
      const now = nowToSecond(app.clock);
      let taken: Taken[] = [];
      let consumed: string[] = [];
      try {
        const result = await idempotent(
          app.db,
          request,
          'public',
          async (trx) => {
            // Inside the write: a retry answered from the idempotency store is not a new submission. A group
            // commit batch that failed runs the write again (platform/group-commit.ts): its first slots go back.
            await releaseAll(taken);
            taken = [];
            taken = await takeAll(
              [
                [limits.submissionsPerAddress, request.ip],
                [limits.submissionsPerApplicant, applicantKeyOf(request.body.applicant)],
              ],
              app.clock.now(),
            );
            const input = {
              ...request.body,
              channel: 'online' as const,
              decision: 'receive' as const,
              paper: false,
            };
            const { files = [], ...fields } = input;
            const d = await intake(trx, null, fields, {
              now,
              agencyPrefix: app.config.MOTCUA_AGENCY_FALLBACK_PREFIX,
              ip: request.ip,
            });
            consumed = await attachUploads(trx, app.files, d, files, now);
            const acceptBy = (JSON.parse(d.data) as { acceptBy: number }).acceptBy;
            return { status: 201, body: { ...presentPublic(d), acceptBy: formatInstant(acceptBy) } };
          },
          app.intakeCommits.run.bind(app.intakeCommits),
        );
        await removeParts(app.files.root, consumed);
        return await reply
          .status(result.status as 201)
          .send(result.body as TPublicDossier & { acceptBy: string });
      } catch (e) {
        // A submission that was refused (invalid, or the transaction failed) does not count.
        await releaseAll(taken);
        throw e;
      }
    },
  );

  app.get(
    '/api/public/dossiers/:code',
    {
      schema: {
        tags: ['public'],
        description:
          'Public lookup of a dossier’s progress by its code and four verification digits. A wrong code and ' +
          'wrong digits answer alike (404); more than 10 failed lookups from one address in 10 minutes → 429.',
        params: z.object({ code: z.string().min(5).max(64) }),
        querystring: ZLookupQuery,
        response: {
          200: ZPublicDossier.extend({
            canRate: z
              .boolean()
              .describe('Delivered and not rated yet: POST …/rating is open (indicator 5.4)'),
            electronicResult: z
              .boolean()
              .describe('Delivered with a signed electronic result: POST …/result-code, then …/result.pdf'),
          }),
        },
      },
    },
    async (request) => {
      const now = app.clock.now();
      // Counted as a failure until it succeeds, so concurrent guesses cannot all pass the check at once.
      const [[limiter, key, at]] = (await takeAll([[limits.failedLookups, request.ip]], now)) as [Taken];
      const { code } = request.params;
      const d = await findDossierByCode(app.db, code.trim(), { kind: 'all' });
      if (!d || !verifies(d, request.query.verify)) throw notFound('dossier', code);
      await limiter.release(key, at);
      const delivered = d.status === 'delivered';
      const canRate = delivered && !(await isRated(app.db, d.id));
      const electronicResult = delivered && (await hasSignedResult(app.db, d.id));
      return { ...presentPublic(d), canRate, electronicResult };
    },
  );
}

/** The administrators' door for blank forms: signed in, so outside the public doors' plugin. */
export { templateAdminRoutes };
