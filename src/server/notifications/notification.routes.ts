/**
 * An officer's in-app notifications (docs/NOTIFICATIONS.md):
 *   GET  /api/notifications?unread=&limit=   the caller's own, newest first, and the unread count
 *   POST /api/notifications/:id/read         marks one of the caller's own read (another's: 404)
 * The applicant's notices are shown on their dossier (GET /api/dossiers/:code, `notices`).
 */
import { requireActor } from '../accounts/auth.hook.ts';
import { nowToSecond } from '../platform/clock.ts';
import type { AppInstance } from '../platform/types.ts';
import { presentInbox, presentReadNotice } from './notification.presenter.ts';
import { ZInbox, ZInboxItem, ZInboxQuery, ZNoticeIdParams } from './notification.schemas.ts';
import * as service from './notification.service.ts';

export async function notificationRoutes(app: AppInstance): Promise<void> {
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    { schema: { tags, querystring: ZInboxQuery, response: { 200: ZInbox } } },
    async (request) => {
      const actor = requireActor(request);
      return presentInbox(await service.findInbox(app.db, actor, request.query));
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: ZNoticeIdParams, response: { 200: ZInboxItem } } },
    async (request) => {
      const actor = requireActor(request);
      const n = await app.db
        .transaction()
        .execute((trx) => service.markNoticeRead(trx, actor, request.params.id, nowToSecond(app.clock)));
      return presentReadNotice(n);
    },
  );
}
