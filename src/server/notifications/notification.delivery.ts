/**
 * Delivery of the outbox, and the officers' daily reminders: the two notification jobs (jobs/jobs.ts,
 * cli/commands/serve.ts). Each notice is claimed by a conditional UPDATE before it is sent, so two runners never
 * send the same notice; a failed attempt is tried again after an exponentially growing wait, and given up after
 * MAX_ATTEMPTS.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { JobDefinition, JobOutcome } from '../platform/job-runner.ts';
import { eachItem } from '../platform/job-runner.ts';
import * as repo from './notification.repository.ts';
import { notifyOfficer } from './notification.service.ts';
import type { Channel, NotificationRow } from './notification.table.ts';
import { NotSendable, type Senders } from './notification.senders.ts';
import { withLookupLink } from './notification.messages.ts';
import { todayInVietnam } from '../platform/clock.ts';

type Db = Kysely<Database>;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Attempts before a notice is given up (failed): after 1, 2, 4, 8 and 16 minutes' waits, about half an hour. */
export const MAX_ATTEMPTS = 6;
/** The wait after the first failed attempt; each further failure doubles it. */
export const RETRY_BASE_MS = MINUTE;
/** A claim lasts this long: a runner that died while sending leaves the notice to the next one. */
export const CLAIM_MS = 5 * MINUTE;
/** At most this many notices per run: the next run takes the rest. */
export const DELIVERY_BATCH = 200;

/** When the attempt after the `attempts`-th failed one may run. */
export const nextAttemptAfter = (attempts: number, now: number): number =>
  now + RETRY_BASE_MS * 2 ** (attempts - 1);

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 500);

export interface DeliveryOptions {
  /** MOTCUA_PUBLIC_URL: the applicant's messages then carry the dossier's lookup link. */
  publicUrl?: string;
}

/** One claimed notice: sent, not sent (no sender), retried later or given up. */
async function attempt(
  db: Db,
  n: NotificationRow,
  senders: Senders,
  runner: string,
  now: number,
  opts: DeliveryOptions,
) {
  const attempts = n.attempts + 1;
  const sender = senders[n.channel as Channel];
  if (!sender || !n.recipient)
    return repo.recordAttempt(db, n.id, runner, {
      status: 'not_sent',
      attempts: n.attempts,
      nextAttemptAt: null,
      lastError: sender ? 'no address' : 'no channel',
      sentAt: null,
    });
  try {
    // An applicant's notice (no officer recipient) names the public lookup page when the address is known.
    const body =
      opts.publicUrl && n.recipient_user_id === null && n.dossier_code
        ? withLookupLink(n.body, opts.publicUrl, n.dossier_code)
        : n.body;
    await sender.send({
      to: n.recipient,
      subject: n.subject,
      body,
      id: n.id,
      kind: n.kind,
      dossierCode: n.dossier_code,
    });
  } catch (e) {
    if (e instanceof NotSendable)
      return repo.recordAttempt(db, n.id, runner, {
        status: 'not_sent',
        attempts,
        nextAttemptAt: null,
        lastError: errorText(e),
        sentAt: null,
      });
    const giveUp = attempts >= MAX_ATTEMPTS;
    await repo.recordAttempt(db, n.id, runner, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: giveUp ? null : nextAttemptAfter(attempts, now),
      lastError: errorText(e),
      sentAt: null,
    });
    throw e;
  }
  await repo.recordAttempt(db, n.id, runner, {
    status: 'sent',
    attempts,
    nextAttemptAt: null,
    lastError: null,
    sentAt: now,
  });
}

/** Sends every notice due now that this runner can claim; a failing notice never stops the others. */
export async function deliverDue(
  db: Db,
  senders: Senders,
  now: number,
  runner: string = randomUUID(),
  opts: DeliveryOptions = {},
): Promise<JobOutcome> {
  const failures: string[] = [];
  const ids = await repo.findDueIds(db, now, DELIVERY_BATCH);
  let skipped = 0;
  const outcome = await eachItem(
    ids,
    async (id) => {
      const n = await repo.claimNotice(db, id, runner, now, now + CLAIM_MS);
      if (!n) return void (skipped += 1); // another runner has it
      await attempt(db, n, senders, runner, now, opts);
    },
    (id, e) => failures.push(`${id}: ${errorText(e)}`),
  );
  return {
    done: outcome.done - skipped,
    failed: outcome.failed,
    message: failures.length ? `failed: ${failures.slice(0, 5).join('; ')}` : undefined,
  };
}

/**
 * The officers' daily reminders: for each open, running, assigned dossier due tomorrow (Vietnam's calendar day)
 * or already overdue, one in-app notice to its officer per day (the dedupe key names the dossier, kind and day).
 */
export async function remindDue(db: Db, now: number): Promise<JobOutcome> {
  const today = todayInVietnam(now);
  const startOfToday = Date.parse(`${today}T00:00:00+07:00`);
  const startOfTomorrow = startOfToday + DAY;
  const kinds = [
    ['due_tomorrow', await repo.findAssignedDueBetween(db, startOfTomorrow, startOfTomorrow + DAY)],
    ['overdue', await repo.findAssignedDueBetween(db, 0, now)],
  ] as const;
  let done = 0;
  for (const [kind, dossiers] of kinds)
    for (const d of dossiers)
      if (
        await notifyOfficer(db, d.assignee_id!, d, kind, { dueAt: d.due_at }, now, `${kind}:${d.id}:${today}`)
      )
        done += 1;
  return { done, failed: 0 };
}

/** The delivery job, with the senders and the public address of the configuration (cli/commands/serve.ts). */
export const deliverNotificationsJob = (senders: Senders, opts: DeliveryOptions = {}): JobDefinition => ({
  name: 'notifications.deliver',
  intervalMs: MINUTE,
  run: (db, now) => deliverDue(db, senders, now, randomUUID(), opts),
});

/** The reminders job: hourly, each reminder once a day. */
export const remindDueJob: JobDefinition = {
  name: 'notifications.remind_due',
  intervalMs: 60 * MINUTE,
  run: remindDue,
};
