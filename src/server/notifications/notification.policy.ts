/**
 * Who sees a notice. An in-app notice is its recipient's alone: no role, leader or administrator reads another
 * officer's (the repository asks for the caller's own, within the caller's scope). An applicant's notices are part
 * of their dossier and are seen by whoever may read the dossier (GET /api/dossiers/:code), the address masked.
 */
import type { Actor } from '../accounts/roles.ts';
import type { NotificationRow } from './notification.table.ts';

export const isOwnNotice = (
  actor: Actor,
  n: Pick<NotificationRow, 'channel' | 'recipient_user_id'>,
): boolean => n.channel === 'inapp' && n.recipient_user_id === actor.id;
