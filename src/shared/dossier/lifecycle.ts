import type { DossierStatus } from './status.ts';

/**
 * Actions on a received dossier (Decree 118/2025/NĐ-CP Art. 17-23). Intake itself (receipt, Form 02 supplement
 * request, Form 03 refusal) creates the dossier and is not listed here.
 */
export const ACTION_TYPES = [
  'accept_online', // Art. 17.2: the officer accepts an online submission
  'request_correction', // Art. 17.2: the officer asks the online applicant to correct (not received)
  'refuse_online', // Art. 17: the officer refuses to receive an online submission, with reasons (Form 03, not received)
  'assign', // Art. 19: the head assigns (or re-assigns) a specialist
  'counter_submit', // counter route (routing.ts): the counter officer checks and sends the draft result to the leader
  'counter_resolve', // counter route: certified and signed at the counter by an authorised officer (routing.ts)
  'request_supplement', // Art. 19: during appraisal, within 3 working days of receipt; the clock stops
  'receive_supplement', // the complete supplement arrives: new due from then with the full limit (D6)
  'transfer', // Art. 18, 20: inter-agency processing, with that agency's deadline
  'transfer_result', // the other agency answers
  'submit_for_approval', // appraisal done; to the competent leader
  'send_back', // the leader sends the dossier back for re-appraisal
  'approve', // the leader approves: resolved, outcome approved
  'refuse', // refusal after appraisal, with reasons: resolved, outcome refused
  'extend', // Art. 19.6: apology and extension letter (Form 04), once, ≥ 1 working day before the due (D7)
  'stop', // Art. 21: the agency stops processing (Form 05): returned
  'auto_return', // no supplement within the allowed days: returned (system)
  'withdraw', // Art. 21: the applicant withdraws before the result
  'deliver', // Art. 22: result returned to the applicant (does not change the outcome)
  'correct_result', // Art. 23: an error in the result corrected (within 3 working days)
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

type Target = DossierStatus | 'same';

const OPEN: DossierStatus[] = ['received', 'processing', 'supplement_requested', 'awaiting_approval'];

/** The one transition table: from which statuses each action may run, and where it leads. */
export const TRANSITIONS: Record<ActionType, { from: readonly DossierStatus[]; to: Target }> = {
  accept_online: { from: ['submitted'], to: 'received' },
  request_correction: { from: ['submitted'], to: 'intake_incomplete' },
  refuse_online: { from: ['submitted'], to: 'intake_refused' },
  assign: { from: ['received', 'processing', 'awaiting_approval'], to: 'processing' },
  counter_submit: { from: ['received'], to: 'awaiting_approval' },
  counter_resolve: { from: ['received'], to: 'result_ready' },
  request_supplement: { from: ['processing'], to: 'supplement_requested' },
  receive_supplement: { from: ['supplement_requested'], to: 'processing' },
  transfer: { from: ['processing'], to: 'same' },
  transfer_result: { from: ['processing', 'awaiting_approval'], to: 'same' },
  submit_for_approval: { from: ['processing'], to: 'awaiting_approval' },
  send_back: { from: ['awaiting_approval'], to: 'processing' },
  approve: { from: ['awaiting_approval'], to: 'result_ready' },
  refuse: { from: ['processing', 'awaiting_approval'], to: 'result_ready' },
  extend: { from: ['received', 'processing', 'awaiting_approval'], to: 'same' },
  stop: { from: OPEN, to: 'returned' },
  auto_return: { from: ['supplement_requested'], to: 'returned' },
  withdraw: { from: ['submitted', ...OPEN], to: 'withdrawn' },
  deliver: { from: ['result_ready'], to: 'delivered' },
  correct_result: { from: ['result_ready', 'delivered'], to: 'same' },
};

/** Actions a person may choose (auto_return is the system's). */
export const MANUAL_ACTIONS: readonly ActionType[] = ACTION_TYPES.filter((a) => a !== 'auto_return');

export function allowedActions(status: DossierStatus): ActionType[] {
  return MANUAL_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export function isAllowed(status: DossierStatus, action: ActionType): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the action, or null when the action is not allowed from this status. */
export function nextStatus(status: DossierStatus, action: ActionType): DossierStatus | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'same' ? status : rule.to;
}

/** Which actions end a dossier, and how (DOMAIN.md §4). */
export const ENDING: Partial<Record<ActionType, 'resolved' | 'returned' | 'withdrawn'>> = {
  approve: 'resolved',
  counter_resolve: 'resolved',
  refuse: 'resolved',
  stop: 'returned',
  auto_return: 'returned',
  withdraw: 'withdrawn',
};
