/**
 * The work queues' extra routes (issue 12): counts per tab for the tabs and the live count of new work, and the
 * leaders' bulk actions. The queue itself is GET /api/dossiers (dossier.routes.ts).
 */
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { nowToSecond } from '../platform/clock.ts';
import { translate } from '../platform/i18n/messages.ts';
import { pickLocale } from '../platform/i18n/locale.ts';
import { COUNT_CAP, countTabs } from './dossier.queue.service.ts';
import { applyBulk } from './dossier.bulk.service.ts';
import {
  ZBulkActionRequest,
  ZBulkActionResponse,
  ZQueueCounts,
  ZQueueCountsQuery,
} from './dossier.schemas.ts';

export async function dossierQueueRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/dossiers/counts',
    {
      schema: {
        tags: ['dossiers'],
        description:
          'Dossiers per work-queue tab in the caller’s scope, each counted up to `cap` (shown as 99+). ' +
          'The web app polls it every 30 s for the live count of new work.',
        querystring: ZQueueCountsQuery,
        response: { 200: ZQueueCounts },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const counts = await countTabs(app.db, actor, app.clock.now(), request.query.unit);
      return { counts, cap: COUNT_CAP };
    },
  );

  app.post(
    '/api/dossiers/bulk-actions',
    {
      schema: {
        tags: ['dossiers'],
        description:
          'Leaders: assign or approve several dossiers. Each item is its own transaction with its own result ' +
          '(a refused item changes nothing and stops none of the others); refused items are audited.',
        body: ZBulkActionRequest,
        response: { 200: ZBulkActionResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const locale = pickLocale(request.headers['accept-language']);
      const results = await applyBulk(app.db, actor, request.body, {
        now: nowToSecond(app.clock),
        ip: request.ip,
        message: (e) => translate(locale, e.code, e.params),
      });
      return { results };
    },
  );
}
