/**
 * All SQL of notifications: the outbox (insert, claim by a conditional UPDATE, record the outcome), an officer's
 * in-app list, a dossier's notices, and the dossiers the daily reminder looks at. Reads of `notifications` and
 * `dossiers` go through `withinScope`; the delivery job and the reminder are the system's and say so.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { EVERY_TENANT, withinScope, type Scope } from '../platform/tenant.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import type { NewNotification, NotificationRow } from './notification.table.ts';

type Db = Kysely<Database>;

/** Inserts a notice; one with a `dedupe_key` already present is skipped (false). */
export async function insertNotification(db: Db, row: NewNotification): Promise<boolean> {
  const result = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export interface InboxFilter {
  userId: string;
  scope: Scope;
  unreadOnly: boolean;
  limit: number;
}

/** An officer's own in-app notices, newest first. */
export function listInbox(db: Db, f: InboxFilter): Promise<NotificationRow[]> {
  let q = withinScope(db.selectFrom('notifications').selectAll(), f.scope)
    .where('channel', '=', 'inapp')
    .where('recipient_user_id', '=', f.userId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countUnread(db: Db, userId: string, scope: Scope): Promise<number> {
  const row = await withinScope(db.selectFrom('notifications'), scope)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('channel', '=', 'inapp')
    .where('recipient_user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One in-app notice of this officer, or nothing (another's notice does not exist for the caller). */
export function findOwnNotice(
  db: Db,
  id: string,
  userId: string,
  scope: Scope,
): Promise<NotificationRow | undefined> {
  return withinScope(db.selectFrom('notifications').selectAll(), scope)
    .where('id', '=', id)
    .where('channel', '=', 'inapp')
    .where('recipient_user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks it read once: a second read keeps the first instant. */
export async function markRead(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

/** The applicant's notices of a dossier, oldest first (in-app notices to officers are not the dossier's record). */
export function listDossierNotices(db: Db, d: Pick<DossierRow, 'id'>): Promise<NotificationRow[]> {
  // tenant: the dossier was read within the caller's scope, and its notices are keyed by it.
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('dossier_id', '=', d.id)
    .where('channel', '!=', 'inapp')
    .orderBy('created_at')
    .orderBy('channel')
    .orderBy('id')
    .execute();
}

/** The ids of notices due for an attempt now and not held by a live claim, oldest first. */
export async function findDueIds(db: Db, now: number, limit: number): Promise<string[]> {
  // The delivery job is the system's: every commune's outbox.
  const rows = await withinScope(db.selectFrom('notifications').select('id'), EVERY_TENANT)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one notice for `runner` until `until`: a conditional UPDATE (still pending, due, and no live claim), an
 * atomic compare-and-set on both engines, so of two runners racing for it exactly one gets it.
 */
export async function claimNotice(
  db: Db,
  id: string,
  runner: string,
  now: number,
  until: number,
): Promise<NotificationRow | undefined> {
  const result = await db
    .updateTable('notifications')
    .set({ claimed_by: runner, claimed_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  // tenant: the delivery job's own claim, keyed by the id it just won.
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('claimed_by', '=', runner)
    .executeTakeFirst();
}

export interface AttemptOutcome {
  status: 'pending' | 'sent' | 'failed' | 'not_sent';
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
}

/** Records an attempt's outcome and releases the claim (only the runner that holds it). */
export async function recordAttempt(db: Db, id: string, runner: string, o: AttemptOutcome): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      status: o.status,
      attempts: o.attempts,
      next_attempt_at: o.nextAttemptAt,
      last_error: o.lastError,
      sent_at: o.sentAt,
      claimed_by: null,
      claimed_until: null,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', runner)
    .execute();
}

/** At most this many reminders of one kind a day: the rest wait for the next run. */
export const REMINDER_BATCH = 5000;

/** The fields of a dossier a reminder needs. */
export type ReminderDossier = Pick<
  DossierRow,
  | 'id'
  | 'code'
  | 'province_code'
  | 'unit_code'
  | 'procedure_name'
  | 'applicant_name'
  | 'due_at'
  | 'assignee_id'
>;

/**
 * Open, running (clock not stopped), assigned dossiers whose due falls in [from, to): the daily reminder's
 * candidates. The reminder is the system's job over every commune.
 */
export function findAssignedDueBetween(db: Db, from: number, to: number): Promise<ReminderDossier[]> {
  return withinScope(
    db
      .selectFrom('dossiers')
      .select([
        'id',
        'code',
        'province_code',
        'unit_code',
        'procedure_name',
        'applicant_name',
        'due_at',
        'assignee_id',
      ]),
    EVERY_TENANT,
  )
    .where('ended_at', 'is', null)
    .where('clock_stopped_at', 'is', null)
    .where('assignee_id', 'is not', null)
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .orderBy('due_at')
    .orderBy('id')
    .limit(REMINDER_BATCH)
    .execute();
}
