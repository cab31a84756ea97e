/**
 * Which dossier event notifies whom, in one table: the applicant on receipt, a supplement request, an extension
 * (with an apology), a result and a refusal; the officer when a dossier is assigned to them or its supplement
 * arrives. Called inside the action's or the intake's transaction, so a rolled-back action notifies nobody.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import type { Database } from '../db/schema.ts';
import type { DossierRow, DossierUpdate } from './dossier.table.ts';
import { SUPPLEMENT_WAIT_DAYS } from './dossier.rules.ts';
import type { ApplicantKind, NoticeDetails } from '../notifications/notification.messages.ts';
import { notifyApplicant, notifyOfficer } from '../notifications/notification.service.ts';

type Db = Kysely<Database>;

const DAY = 86_400_000;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

interface ActionFacts {
  d: DossierRow;
  patch: DossierUpdate;
  payload: Record<string, unknown>;
  now: number;
}

/** The applicant's notice of each action that has one. */
const APPLICANT_NOTICE: Partial<Record<string, (f: ActionFacts) => [ApplicantKind, NoticeDetails]>> = {
  accept_online: ({ patch }) => ['receipt', { dueAt: patch.due_at ?? null }],
  // Without the complete supplement within SUPPLEMENT_WAIT_DAYS the dossier is returned (dossier.return.job.ts).
  request_supplement: ({ payload, now }) => [
    'supplement_request',
    { missing: list(payload.missing), bringBy: now + SUPPLEMENT_WAIT_DAYS * DAY },
  ],
  extend: ({ patch, payload }) => [
    'extension',
    { dueAt: patch.due_at ?? null, reason: text(payload.reason) },
  ],
  approve: () => ['result_ready', {}],
  refuse: ({ payload }) => ['refusal', { reason: text(payload.reason) }],
};

/** After a lifecycle action's effect (dossier.action.service.ts), in its transaction. */
export async function notifyOnAction(
  trx: Db,
  actor: Actor | null,
  type: string,
  f: ActionFacts,
): Promise<void> {
  const applicant = APPLICANT_NOTICE[type]?.(f);
  if (applicant) await notifyApplicant(trx, f.d, applicant[0], applicant[1], f.now);
  // The officer is told of what others did to their dossiers, not of their own actions.
  const assignee = type === 'assign' ? f.patch.assignee_id : f.d.assignee_id;
  if (!assignee || assignee === actor?.id) return;
  if (type === 'assign') await notifyOfficer(trx, assignee, f.d, 'assigned', { dueAt: f.d.due_at }, f.now);
  if (type === 'receive_supplement')
    await notifyOfficer(trx, assignee, f.d, 'supplement_received', { dueAt: f.patch.due_at ?? null }, f.now);
}

/** After a counter intake (dossier.intake.service.ts): receipt, supplement request or refusal. */
export async function notifyOnIntake(
  trx: Db,
  d: DossierRow,
  decision: 'receive' | 'request_supplement' | 'refuse',
  input: { missing?: readonly string[]; reason?: string },
  now: number,
): Promise<void> {
  if (decision === 'receive') await notifyApplicant(trx, d, 'receipt', { dueAt: d.due_at }, now);
  else if (decision === 'request_supplement')
    await notifyApplicant(trx, d, 'supplement_request', { missing: input.missing ?? [], bringBy: null }, now);
  else await notifyApplicant(trx, d, 'refusal', { reason: input.reason ?? null }, now);
}
