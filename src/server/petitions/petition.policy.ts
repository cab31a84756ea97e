/** Who may take which action on a petition: the policy of each action, and the actions an officer is offered. */
import {
  allowedPetitionActions,
  maxExtensions,
  type PetitionAction,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import { can, type PolicyAction } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import type { PetitionRow } from './petition.table.ts';

/** Who may run each action (src/server/accounts/policy.ts). */
export const PETITION_ACTION_POLICY: Record<PetitionAction, PolicyAction> = {
  request_info: 'petition.handle',
  receive_info: 'petition.receive',
  accept: 'petition.decide',
  reject: 'petition.decide',
  extend: 'petition.decide',
  resolve: 'petition.decide',
  publish: 'petition.handle',
  withdraw: 'petition.receive',
};

type Case = Pick<PetitionRow, 'kind' | 'instance' | 'complex' | 'remote'>;

/**
 * The actions this officer may take on the petition now: by kind and status, less publishing twice, extending
 * past the allowed number, and what the officer's role or tenant forbids. The browser offers exactly these.
 */
export function petitionActionsFor(
  actor: Actor,
  p: PetitionRow,
  rules: PetitionRules,
  caseOf: (p: Case) => Parameters<typeof maxExtensions>[1],
): PetitionAction[] {
  const tenant = { provinceCode: p.province_code, unitCode: p.unit_code };
  return allowedPetitionActions(p.kind as PetitionKind, p.status as PetitionStatus).filter(
    (a) =>
      !(a === 'publish' && p.published_at !== null) &&
      !(a === 'extend' && p.extension_count >= maxExtensions(rules, caseOf(p))) &&
      can(actor, PETITION_ACTION_POLICY[a], tenant),
  );
}
