/** Who may take which action on a dossier: the policy of each action, and the actions an officer is offered. */
import { allowedActions, type ActionType } from '../../shared/dossier/lifecycle.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';
import { can, type PolicyAction } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import type { DossierRow } from './dossier.table.ts';
import { AppError } from '../platform/app-error.ts';

/** Who may take each action (see accounts/policy.ts). */
export const DOSSIER_ACTION_POLICY: Record<ActionType, PolicyAction> = {
  accept_online: 'dossier.intake',
  request_correction: 'dossier.intake',
  refuse_online: 'dossier.intake',
  assign: 'dossier.decide',
  counter_submit: 'dossier.intake',
  counter_resolve: 'dossier.intake',
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
  return actionsOf(actor, d, transfers.length);
}

function actionsOf(actor: Actor, d: TenantOf & Pick<DossierRow, 'status'>, transfers: number): ActionType[] {
  const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
  return manualActionsOf(d.status).filter(
    (a) => (a !== 'transfer_result' || transfers > 0) && can(actor, DOSSIER_ACTION_POLICY[a], tenant),
  );
}

/**
 * What else an officer may do on a dossier, and the policies of each (any one suffices): upload a scanned component
 * (the counter and the processing officers), read the applicant's full personal data (anyone who may see the dossier;
 * the read is audited). The presenter gives the viewer's answers (`abilities`), the routes authorise with the same
 * function, so the browser never re-implements a rule.
 */
export const DOSSIER_ABILITY_POLICY = {
  attach: ['dossier.intake', 'dossier.process'],
  readApplicant: ['tenant.read'],
} as const satisfies Record<string, readonly PolicyAction[]>;
export type DossierAbility = keyof typeof DOSSIER_ABILITY_POLICY;

type TenantOf = Pick<DossierRow, 'province_code' | 'unit_code'>;

export function mayOnDossier(actor: Actor, ability: DossierAbility, d: TenantOf): boolean {
  const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
  return DOSSIER_ABILITY_POLICY[ability].some((policy) => can(actor, policy, tenant));
}

/** Throws 403 FORBIDDEN unless the officer may do it on the dossier. */
export function authorizeOnDossier(actor: Actor, ability: DossierAbility, d: TenantOf): void {
  if (!mayOnDossier(actor, ability, d))
    throw new AppError('FORBIDDEN', { details: { action: `dossier.${ability}` } });
}

/** The viewer's answer for every dossier ability. */
export function dossierAbilitiesFor(actor: Actor, d: TenantOf): Record<DossierAbility, boolean> {
  return {
    attach: mayOnDossier(actor, 'attach', d),
    readApplicant: mayOnDossier(actor, 'readApplicant', d),
  };
}

/**
 * One viewer's answers for many dossiers (a queue page): `dossierActionsFor` and `dossierAbilitiesFor`, each policy
 * asked once per tenant (commune) and each status's lifecycle actions listed once, instead of once per dossier.
 * The same answers: `transfers` is the number of transfers in the dossier's data (the presenter parses it once).
 */
export interface ViewerPolicy {
  actionsFor(d: TenantOf & Pick<DossierRow, 'status'>, transfers: number): ActionType[];
  abilitiesFor(d: TenantOf): Record<DossierAbility, boolean>;
}

/** The lifecycle's actions of each status, less the system's own (automatic return). */
const MANUAL_OF_STATUS = new Map<string, ActionType[]>();
function manualActionsOf(status: string): ActionType[] {
  let found = MANUAL_OF_STATUS.get(status);
  if (!found) {
    found = allowedActions(status as DossierStatus).filter((a) => a !== 'auto_return');
    MANUAL_OF_STATUS.set(status, found);
  }
  return found;
}

/** The answers for one dossier (its page, an action's answer): asked directly, nothing kept. */
export function dossierPolicy(actor: Actor): ViewerPolicy {
  return {
    actionsFor: (d, transfers) => actionsOf(actor, d, transfers),
    abilitiesFor: (d) => dossierAbilitiesFor(actor, d),
  };
}

/** The answers for a page of dossiers, kept per commune, status and whether the dossier has transfers. */
export function viewerPolicy(actor: Actor): ViewerPolicy {
  const tenants = new Map<
    string,
    {
      may: Map<PolicyAction, boolean>;
      actions: Map<string, ActionType[]>;
      abilities: Record<DossierAbility, boolean>;
    }
  >();
  const forTenant = (d: TenantOf) => {
    const key = `${d.province_code}\u0000${d.unit_code}`;
    let found = tenants.get(key);
    if (!found) {
      const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
      const may = new Map<PolicyAction, boolean>();
      for (const policy of new Set(Object.values(DOSSIER_ACTION_POLICY)))
        may.set(policy, can(actor, policy, tenant));
      found = { may, actions: new Map(), abilities: dossierAbilitiesFor(actor, d) };
      tenants.set(key, found);
    }
    return found;
  };
  return {
    actionsFor(d, transfers) {
      const t = forTenant(d);
      const key = transfers > 0 ? `${d.status}+` : d.status;
      let actions = t.actions.get(key);
      if (!actions) {
        actions = manualActionsOf(d.status).filter(
          (a) => (a !== 'transfer_result' || transfers > 0) && t.may.get(DOSSIER_ACTION_POLICY[a]) === true,
        );
        t.actions.set(key, actions);
      }
      return actions.slice();
    },
    abilitiesFor(d) {
      return { ...forTenant(d).abilities };
    },
  };
}
