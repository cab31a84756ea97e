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

type Case = Pick<PetitionRow, 'kind' | 'instance' | 'complex' | 'remote' | 'multi_place'>;

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

/**
 * The policy that guards the petitioner's full data: a denouncer's identity is confidential (Law on Denunciations
 * 2018 Art. 47), the leader's only; any other petitioner's, anyone who may see the petition. The presenter gives the
 * viewer's answer (`abilities.readPetitioner`), GET /api/petitions/:code/petitioner authorises with it.
 */
export const petitionerReadPolicy = (p: Pick<PetitionRow, 'kind'>): PolicyAction =>
  p.kind === 'denunciation' ? 'petition.read_denouncer' : 'tenant.read';

type Readable = Pick<PetitionRow, 'kind' | 'province_code' | 'unit_code'>;

export function mayReadPetitioner(actor: Actor, p: Readable): boolean {
  return can(actor, petitionerReadPolicy(p), { provinceCode: p.province_code, unitCode: p.unit_code });
}
