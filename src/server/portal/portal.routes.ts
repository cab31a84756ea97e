import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../shared/dossier/status.ts';
import { notFound } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { ZApplicant, ZComponentCheck } from '../dossiers/dossier.schemas.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { nowToSecond } from '../platform/clock.ts';

/** A citizen's online submission from the public portal (Decree 118 Art. 17.2). */
const ZOnlineSubmission = z.object({
  unitCode: z.string().regex(/^\d{5}$/, '@rule.unitCode'),
  procedureCode: z.string().min(1).max(40),
  applicant: ZApplicant,
  components: z.array(ZComponentCheck).optional(),
  note: z.string().max(2000).optional(),
});

const ZPublicDossier = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resultReady: z.boolean(),
  endedAt: z.string().nullable(),
});

/** What a citizen may see without signing in: progress only, never personal data. */
export async function portalRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/api/public/dossiers',
    {
      schema: {
        tags: ['public'],
        description:
          'Online submission; an officer accepts it (or asks for corrections) within 8 working hours.',
        headers: ZIdempotencyHeaders,
        body: ZOnlineSubmission,
        response: { 201: ZPublicDossier.extend({ acceptBy: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await idempotent(app.db, request, 'public', async (trx) => {
        const input = {
          ...request.body,
          channel: 'online' as const,
          decision: 'receive' as const,
          paper: false,
        };
        const d = await intake(trx, null, input, {
          now: nowToSecond(app.clock),
          agencyPrefix: app.config.MOTCUA_AGENCY_FALLBACK_PREFIX,
        });
        const acceptBy = (JSON.parse(d.data) as { acceptBy: number }).acceptBy;
        return { status: 201, body: { ...presentPublic(d), acceptBy: formatInstant(acceptBy) } };
      });
      return reply
        .status(result.status as 201)
        .send(result.body as z.infer<typeof ZPublicDossier> & { acceptBy: string });
    },
  );

  app.get(
    '/api/public/dossiers/:code',
    {
      schema: {
        tags: ['public'],
        description: 'Public lookup of a dossier’s progress by its code (no personal data).',
        params: z.object({ code: z.string().min(5).max(64) }),
        response: { 200: ZPublicDossier },
      },
    },
    async (request, reply) => {
      const d = await findDossierByCode(app.db, request.params.code.trim(), { kind: 'all' });
      if (!d) throw notFound('dossier', request.params.code);
      void reply.header('cache-control', 'no-store');
      return presentPublic(d);
    },
  );
}

function presentPublic(d: DossierRow): z.infer<typeof ZPublicDossier> {
  return {
    code: d.code,
    procedureName: d.procedure_name,
    status: d.status as DossierStatus,
    receivedAt: isoOrNull(d.received_at),
    dueAt: isoOrNull(d.due_at),
    resultReady: d.status === 'result_ready',
    endedAt: isoOrNull(d.ended_at),
  };
}
