import { z } from 'zod';
import { appendAudit } from '../audit/audit.service.ts';
import { ZApplicant } from '../dossiers/dossier.schemas.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { lodgePetition } from '../petitions/petition.service.ts';
import { findPetitionByCode } from '../petitions/petition.repository.ts';
import { PETITION_STATUSES } from '../../shared/petition/petition.ts';
import { notFound, ruleViolation } from '../platform/app-error.ts';
import { nowToSecond } from '../platform/clock.ts';
import { idempotent, isUniqueViolation, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import type { AppInstance } from '../platform/types.ts';
import { PLAIN_LINE } from '../platform/validation.ts';
import { getProcedure } from '../procedures/procedure.service.ts';
import { formatInstant } from '../../shared/calendar/index.ts';
import { MAX, RATING } from '../../shared/limits.ts';
import { verifies, type PortalLimiters } from './portal.service.ts';
import { releaseAll, takeAll, type Taken } from './portal.limits.ts';
import { insertPortalRating, isRated } from './portal.rating.repository.ts';

const ZVerify = z.string().regex(/^\d{4}$/, '@rule.verifyDigits');

const ZFeedbackRequest = z.object({
  unitCode: z.string().regex(/^\d{5}$/, '@rule.communeCode'),
  procedureCode: z.string().min(1).max(40).optional().describe('The procedure the feedback is about'),
  subject: z
    .string()
    .trim()
    .min(3, '@rule.petitionSubject')
    .max(300)
    .refine(...PLAIN_LINE),
  content: z.string().trim().min(10, '@rule.petitionContent').max(MAX.longText),
  petitioner: ZApplicant.pick({ name: true, phone: true, address: true })
    .extend({ phone: ZApplicant.shape.phone.unwrap() })
    .describe('The phone is required: its last four digits open the tracking page'),
});

/** What anyone with the tracking code and the four digits sees: the progress, nothing of the person. */
const ZPublicFeedback = z.object({
  code: z.string(),
  status: z.enum(PETITION_STATUSES),
  receivedAt: z.string(),
  respondBy: z.string(),
  endedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

const ZRatingRequest = z.object({
  verify: ZVerify,
  rating: z.number().int('@rule.rating').min(RATING.min, '@rule.rating').max(RATING.max, '@rule.rating'),
  comment: z.string().trim().max(RATING.comment).optional(),
});

const iso = (v: number | string | null): string | null => (v === null ? null : formatInstant(Number(v)));

/**
 * Feedback on procedures (phản ánh, kiến nghị) lodged by citizens, entering the petitions module as kind
 * `feedback` over the `online` channel, with a tracking code; and the satisfaction rating of a delivered dossier
 * (Decision 766 indicator 5.4), once per dossier, from the lookup.
 */
export async function portalFeedbackRoutes(app: AppInstance, limits: PortalLimiters): Promise<void> {
  app.post(
    '/api/public/feedback',
    {
      schema: {
        tags: ['public'],
        description:
          'Feedback on a procedure or the service (phản ánh, kiến nghị): a petition of kind feedback. Answers the ' +
          'tracking code; the last four digits of the phone open it. Limited per address.',
        headers: ZIdempotencyHeaders,
        body: ZFeedbackRequest,
        response: { 201: ZPublicFeedback },
      },
    },
    async (request, reply) => {
      const now = nowToSecond(app.clock);
      let taken: Taken[] = [];
      try {
        const result = await idempotent(app.db, request, 'public-feedback', async (trx) => {
          taken = await takeAll([[limits.feedbackPerAddress, request.ip]], app.clock.now());
          const b = request.body;
          const procedure = b.procedureCode ? await getProcedure(trx, b.procedureCode) : null;
          const content = procedure
            ? `Thủ tục ${procedure.code} — ${procedure.name}\n\n${b.content}`
            : b.content;
          const p = await lodgePetition(
            trx,
            null,
            {
              kind: 'feedback',
              channel: 'online',
              subject: b.subject,
              content,
              petitioner: b.petitioner,
              unitCode: b.unitCode,
              instance: 1,
              complex: false,
              remote: false,
              multiPlace: false,
            },
            { now, agencyPrefix: app.config.MOTCUA_AGENCY_FALLBACK_PREFIX, ip: request.ip },
          );
          return { status: 201, body: presentFeedback(p) };
        });
        return await reply.status(201).send(result.body as z.infer<typeof ZPublicFeedback>);
      } catch (e) {
        await releaseAll(taken);
        throw e;
      }
    },
  );

  app.get(
    '/api/public/feedback/:code',
    {
      schema: {
        tags: ['public'],
        description:
          'Tracking of feedback by its code and the last four digits of the phone given; a wrong code and wrong ' +
          'digits answer alike (404), under the failed-lookup limit.',
        params: z.object({ code: z.string().min(5).max(80) }),
        querystring: z.object({ verify: ZVerify }),
        response: { 200: ZPublicFeedback },
      },
    },
    async (request, reply) => {
      const [[limiter, key, at]] = (await takeAll([[limits.failedLookups, request.ip]], app.clock.now())) as [
        Taken,
      ];
      const p = await findPetitionByCode(app.db, request.params.code.trim(), EVERY_TENANT);
      const opens =
        p?.kind === 'feedback' &&
        verifies({ applicant_phone: p.petitioner_phone, applicant_id_number: null }, request.query.verify);
      if (!p || !opens) throw notFound('petition', request.params.code);
      await limiter.release(key, at);
      return reply.header('cache-control', 'no-store').send(presentFeedback(p));
    },
  );

  app.post(
    '/api/public/dossiers/:code/rating',
    {
      schema: {
        tags: ['public'],
        description:
          'The applicant’s satisfaction (1-5, an optional comment) with a delivered dossier, once per dossier ' +
          '(indicator 5.4). Needs the verification digits; failures count as failed lookups.',
        params: z.object({ code: z.string().min(5).max(64) }),
        body: ZRatingRequest,
        response: {
          201: z.object({ code: z.string(), rating: z.number(), ratedAt: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const [[limiter, key, at]] = (await takeAll([[limits.failedLookups, request.ip]], app.clock.now())) as [
        Taken,
      ];
      const d = await findDossierByCode(app.db, request.params.code.trim(), { kind: 'all' });
      if (!d || !verifies(d, request.body.verify)) throw notFound('dossier', request.params.code);
      await limiter.release(key, at);
      if (d.status !== 'delivered') throw ruleViolation('rating.notDelivered', { status: d.status });
      const now = nowToSecond(app.clock);
      const { rating, comment } = request.body;
      await app.db.transaction().execute(async (trx) => {
        if (await isRated(trx, d.id)) throw ruleViolation('rating.once');
        // Two ratings sent at once: the key (dossier, source) lets one in, the other is refused alike.
        await insertPortalRating(trx, d, { rating, comment: comment || null }, now).catch((e: unknown) => {
          throw isUniqueViolation(e) ? ruleViolation('rating.once') : e;
        });
        await appendAudit(
          trx,
          {
            actor: null,
            action: 'dossier.rate',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { source: 'portal', rating },
          },
          now,
        );
      });
      return reply.status(201).send({ code: d.code, rating, ratedAt: formatInstant(now) });
    },
  );
}

function presentFeedback(p: {
  code: string;
  status: string;
  received_at: number;
  respond_by: number;
  ended_at: number | null;
  published_at: number | null;
}): z.infer<typeof ZPublicFeedback> {
  return {
    code: p.code,
    status: p.status as z.infer<typeof ZPublicFeedback>['status'],
    receivedAt: formatInstant(Number(p.received_at)),
    respondBy: formatInstant(Number(p.respond_by)),
    endedAt: iso(p.ended_at),
    publishedAt: iso(p.published_at),
  };
}
