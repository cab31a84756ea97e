import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../shared/dossier/status.ts';
import { notFound } from '../http/app-error.ts';
import type { AppInstance } from '../http/types.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';

const ZPublicDossier = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resultReady: z.boolean(),
  endedAt: z.string().nullable(),
});

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

/** What a citizen may see without signing in: progress only, never personal data. */
export async function portalRoutes(app: AppInstance): Promise<void> {
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
      if (!d || d.received_at === null) throw notFound('dossier', request.params.code);
      void reply.header('cache-control', 'no-store');
      return {
        code: d.code,
        procedureName: d.procedure_name,
        status: d.status as DossierStatus,
        receivedAt: iso(d.received_at),
        dueAt: iso(d.due_at),
        resultReady: d.status === 'result_ready',
        endedAt: iso(d.ended_at),
      };
    },
  );
}
