/**
 * Notifications (docs/NOTIFICATIONS.md). Enqueuing writes outbox rows in the caller's transaction, so a rolled-back
 * action notifies nobody; delivery is the job's (notification.delivery.ts). In-app notices are delivered when
 * written. Time is always a parameter.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import type { Database } from '../db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { notFound } from '../platform/app-error.ts';
import {
  applicantMessage,
  officerMessage,
  type ApplicantKind,
  type NoticeDetails,
  type OfficerKind,
} from './notification.messages.ts';
import { isOwnNotice } from './notification.policy.ts';
import * as repo from './notification.repository.ts';
import type { Channel, NewNotification, NotificationRow } from './notification.table.ts';

type Db = Kysely<Database>;

/** The dossier fields a notice is built from and filed under. */
export type NoticeSource = Pick<
  DossierRow,
  | 'id'
  | 'code'
  | 'province_code'
  | 'unit_code'
  | 'procedure_name'
  | 'applicant_name'
  | 'applicant_email'
  | 'applicant_phone'
>;

const base = (d: Pick<DossierRow, 'id' | 'code' | 'province_code' | 'unit_code'>, now: number) => ({
  id: randomUUID(),
  province_code: d.province_code,
  unit_code: d.unit_code,
  dossier_id: d.id,
  dossier_code: d.code,
  attempts: 0,
  claimed_by: null,
  claimed_until: null,
  created_at: now,
  sent_at: null,
  read_at: null,
});

/** The channels an applicant's phone number gets notices on: SMS, and Zalo when it is configured. */
let phoneChannels: readonly Channel[] = ['sms'];

/**
 * Set once at start from the settings (cli/commands/serve.ts: Zalo when MOTCUA_ZALO_ADAPTER is not `none`), so
 * that a deployment without Zalo records no Zalo notice on its dossiers.
 */
export function setApplicantPhoneChannels(channels: readonly ('sms' | 'zalo')[]): void {
  phoneChannels = channels;
}

/**
 * Queues the applicant's notice on every channel they gave (email, SMS, and Zalo when configured), in `trx`. Without any address the notice
 * is still recorded on the dossier, as not sent.
 */
export async function notifyApplicant(
  trx: Db,
  d: NoticeSource,
  kind: ApplicantKind,
  details: NoticeDetails,
  now: number,
): Promise<void> {
  const text = applicantMessage(kind, d, details);
  const targets: [Channel, string][] = [];
  if (d.applicant_email) targets.push(['email', d.applicant_email]);
  if (d.applicant_phone) for (const channel of phoneChannels) targets.push([channel, d.applicant_phone]);
  if (targets.length === 0) {
    await repo.insertNotification(trx, {
      ...base(d, now),
      channel: 'email',
      kind,
      recipient: null,
      recipient_user_id: null,
      ...text,
      status: 'not_sent',
      next_attempt_at: null,
      last_error: 'no address',
      dedupe_key: null,
    });
    return;
  }
  for (const [channel, recipient] of targets)
    await repo.insertNotification(trx, {
      ...base(d, now),
      channel,
      kind,
      recipient,
      recipient_user_id: null,
      ...text,
      status: 'pending',
      next_attempt_at: now,
      last_error: null,
      dedupe_key: null,
    });
}

/**
 * An in-app notice to one officer, delivered at once (the row is the delivery). `dedupeKey` makes it once only
 * (the daily reminders); false when it was already there.
 */
export function notifyOfficer(
  trx: Db,
  userId: string,
  d: Pick<DossierRow, 'id' | 'code' | 'province_code' | 'unit_code' | 'procedure_name' | 'applicant_name'>,
  kind: OfficerKind,
  details: NoticeDetails,
  now: number,
  dedupeKey?: string,
): Promise<boolean> {
  const row: NewNotification = {
    ...base(d, now),
    channel: 'inapp',
    kind,
    recipient: null,
    recipient_user_id: userId,
    ...officerMessage(kind, d, details),
    status: 'sent',
    next_attempt_at: null,
    last_error: null,
    dedupe_key: dedupeKey ?? null,
    sent_at: now,
  };
  return repo.insertNotification(trx, row);
}

export interface Inbox {
  items: NotificationRow[];
  unread: number;
}

/** The caller's own in-app notices (newest first) and how many are unread. */
export async function findInbox(
  db: Db,
  actor: Actor,
  q: { unread?: 'true' | 'false'; limit?: number },
): Promise<Inbox> {
  const scope = scopeOf(actor);
  const [items, unread] = await Promise.all([
    repo.listInbox(db, { userId: actor.id, scope, unreadOnly: q.unread === 'true', limit: q.limit ?? 20 }),
    repo.countUnread(db, actor.id, scope),
  ]);
  return { items, unread };
}

/** Marks one of the caller's notices read; another's answers 404, as if it did not exist. */
export async function markNoticeRead(
  trx: Db,
  actor: Actor,
  id: string,
  now: number,
): Promise<NotificationRow> {
  const n = await repo.findOwnNotice(trx, id, actor.id, scopeOf(actor));
  if (!n || !isOwnNotice(actor, n)) throw notFound('notification', id);
  await repo.markRead(trx, id, now);
  return (await repo.findOwnNotice(trx, id, actor.id, scopeOf(actor)))!;
}
