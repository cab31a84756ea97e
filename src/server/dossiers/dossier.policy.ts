/** Who may take which action on a dossier: the policy of each action, and the actions an officer is offered. */
import { allowedActions, type ActionType } from '../../shared/dossier/lifecycle.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';
import { can, type PolicyAction } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import type { DossierRow } from './dossier.table.ts';

/** Who may take each action (see accounts/policy.ts). */
export const DOSSIER_ACTION_POLICY: Record<ActionType, PolicyAction> = {
  accept_online: 'dossier.intake',
  request_correction: 'dossier.intake',
  assign: 'dossier.decide',
  request_supplement: 'dossier.process',
  receive_supplement: 'dossier.intake',
  transfer: 'dossier.process',
  transfer_result: 'dossier.process',
  submit_for_approval: 'dossier.process',
  send_back: 'dossier.decide',
  approve: 'dossier.decide',
  refuse: 'dossier.decide',
  extend: 'dossier.decide',
  stop: 'dossier.decide',
  auto_return: 'dossier.decide',
  withdraw: 'dossier.intake',
  deliver: 'dossier.intake',
  correct_result: 'dossier.process',
};

/**
 * The actions this officer may take on the dossier now: the lifecycle's for its status, less the system's own
 * (automatic return), an agency's answer before any transfer, and what the officer's role or tenant forbids.
 * The browser offers exactly these.
 */
export function dossierActionsFor(actor: Actor, d: DossierRow): ActionType[] {
  const transfers = (JSON.parse(d.data) as { transfers?: unknown[] }).transfers ?? [];
  const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
  return allowedActions(d.status as DossierStatus).filter(
    (a) =>
      a !== 'auto_return' &&
      (a !== 'transfer_result' || transfers.length > 0) &&
      can(actor, DOSSIER_ACTION_POLICY[a], tenant),
  );
}
