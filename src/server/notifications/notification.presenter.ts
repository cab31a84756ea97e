import { maskPhone } from '../../shared/identity/cccd.ts';
import { formatInstant } from '../../shared/calendar/index.ts';
import type { TDossierNotice, TInbox, TInboxItem } from './notification.schemas.ts';
import type { Inbox } from './notification.service.ts';
import type { NotificationRow } from './notification.table.ts';
import { ONE_TIME_CODE_LINE } from './notification.messages.ts';

/** The one-time code's line of a result_code notice, masked. */
const maskOneTimeCode = (body: string): string =>
  body
    .split('\n')
    .map((line) => (line.startsWith(ONE_TIME_CODE_LINE) ? `${ONE_TIME_CODE_LINE}••••••` : line))
    .join('\n');

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

/** a***@example.vn: the first letter and the domain. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

const presentItem = (n: NotificationRow): TInboxItem => ({
  id: n.id,
  kind: n.kind as TInboxItem['kind'],
  dossierCode: n.dossier_code,
  subject: n.subject,
  body: n.body,
  createdAt: isoOrNull(n.created_at)!,
  readAt: isoOrNull(n.read_at),
});

export const presentInbox = (inbox: Inbox): TInbox => ({
  items: inbox.items.map(presentItem),
  unread: inbox.unread,
});

export const presentReadNotice = presentItem;

/** The dossier's record of its notices; the address masked like the dossier's own personal data. */
export const presentDossierNotices = (rows: NotificationRow[]): TDossierNotice[] =>
  rows.map((n) => ({
    kind: n.kind as TDossierNotice['kind'],
    channel: n.channel as TDossierNotice['channel'],
    recipient: n.channel === 'email' ? maskEmail(n.recipient) : maskPhone(n.recipient),
    status: n.status as TDossierNotice['status'],
    attempts: n.attempts,
    lastError: n.last_error,
    subject: n.subject,
    // The one-time code of a result download is the citizen's alone: officers see that it was sent, not the code.
    body: n.kind === 'result_code' ? maskOneTimeCode(n.body) : n.body,
    createdAt: isoOrNull(n.created_at)!,
    sentAt: isoOrNull(n.sent_at),
  }));
