import { z } from 'zod';
import { APPLICANT_KINDS, OFFICER_KINDS } from './notification.messages.ts';
import { CHANNELS } from './notification.table.ts';

const KINDS = [...APPLICANT_KINDS, ...OFFICER_KINDS] as const;

export const ZInboxQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe("'true': only the unread ones"),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('at most this many (20 when omitted)'),
});
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

export const ZNoticeIdParams = z.object({ id: z.uuid() });

export const ZInboxItem = z.object({
  id: z.string(),
  kind: z.enum(KINDS),
  dossierCode: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

export const ZInbox = z.object({
  items: z.array(ZInboxItem),
  unread: z.number().int().describe('how many of the caller’s notices are unread (the bell’s number)'),
});
export type TInbox = z.infer<typeof ZInbox>;

/** A notice to the applicant as recorded on the dossier: the address masked, the text as sent. */
export const ZDossierNotice = z.object({
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS),
  recipient: z.string().nullable().describe('masked'),
  status: z.enum(['pending', 'sent', 'failed', 'not_sent']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TDossierNotice = z.infer<typeof ZDossierNotice>;
