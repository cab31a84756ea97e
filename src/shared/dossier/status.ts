/**
 * Dossier statuses (Decree 118/2025/NĐ-CP). A dossier ENDS (DOMAIN.md §4) when it is resolved (result decided:
 * approved, or refused after appraisal), returned (stopped by the agency, no competence, procedural error,
 * supplement never completed) or withdrawn by the applicant. Delivery does not change the outcome.
 */
export const DOSSIER_STATUSES = [
  'submitted', // online submission awaiting the officer's acceptance (8 working hours)
  'intake_incomplete', // Form 02 issued at the counter: not received
  'intake_refused', // Form 03 issued: not received
  'received', // received, receipt and appointment slip (Form 01); awaiting assignment
  'processing', // assigned to a specialist; appraisal (and inter-agency transfers)
  'supplement_requested', // clock stopped until the complete supplement arrives
  'awaiting_approval', // appraised; submitted to the competent leader
  'result_ready', // resolved (approved or refused after appraisal): result awaits delivery
  'delivered', // result returned to the applicant
  'returned', // ended without result by the agency (Form 05, no competence, supplement never completed)
  'withdrawn', // ended by the applicant
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** National portal channel codes: 1 direct, 2 online, 3 postal. */
export const CHANNEL_PORTAL_CODE: Record<Channel, number> = { direct: 1, online: 2, postal: 3 };

export type EndKind = 'resolved' | 'returned' | 'withdrawn';
export type Outcome = 'approved' | 'refused';
export type Resolution = 'early' | 'on_time' | 'late';

/** Statuses in which a received dossier is still in progress (not ended). */
export const IN_PROGRESS_STATUSES: readonly DossierStatus[] = [
  'received',
  'processing',
  'supplement_requested',
  'awaiting_approval',
];

export const ENDED_STATUSES: readonly DossierStatus[] = [
  'result_ready',
  'delivered',
  'returned',
  'withdrawn',
];
