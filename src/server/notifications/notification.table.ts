import type { Insertable, Selectable } from 'kysely';

/** Where a notice goes: the applicant's email, SMS or Zalo, or an officer's in-app list. */
export const CHANNELS = ['email', 'sms', 'zalo', 'inapp'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * pending: waiting for (another) attempt; sent: delivered to the channel; failed: gave up after the last attempt;
 * not_sent: no channel was configured or the applicant gave no address (recorded all the same).
 */
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'not_sent';

/** One notice in the outbox (docs/NOTIFICATIONS.md). Instants are epoch milliseconds. */
export interface NotificationTable {
  id: string;
  province_code: string;
  unit_code: string; // tenant key: the dossier's commune
  dossier_id: string | null;
  dossier_code: string | null;
  channel: string; // Channel
  kind: string; // NoticeKind (notification.messages.ts)
  recipient: string | null; // the email address or phone number; null for in-app
  recipient_user_id: string | null; // the officer of an in-app notice
  subject: string;
  body: string;
  status: string; // NotificationStatus
  attempts: number;
  next_attempt_at: number | null; // when the delivery job may try (again)
  claimed_by: string | null; // the runner holding it while it sends
  claimed_until: number | null; // the lease: a crashed runner's claim runs out
  last_error: string | null;
  dedupe_key: string | null; // unique: the daily reminders once per dossier, kind and day
  created_at: number;
  sent_at: number | null;
  read_at: number | null; // in-app: when its officer read it
}

export type NotificationRow = Selectable<NotificationTable>;
export type NewNotification = Insertable<NotificationTable>;
