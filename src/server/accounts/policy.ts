import { LEADER_RANK, rankOf, type Actor, type Role } from './roles.ts';
import { scopeOf } from './scope.ts';
import { inScope } from '../platform/tenant.ts';
import { AppError } from '../platform/app-error.ts';

interface Tenant {
  provinceCode: string;
  unitCode: string;
}

const has = (actor: Actor, ...roles: Role[]): boolean => roles.some((r) => actor.roles.includes(r));

/**
 * Every authorisation rule of MộtCửa, one line each. Routes call `authorize(actor, 'action', target)`;
 * responses may carry `abilities(actor, target)` so the UI does not re-implement the rules.
 */
export const POLICIES = {
  'users.list': (a: Actor) => has(a, 'system_admin', 'province_supervisor', 'commune_leader'),
  /** Where the actor may manage accounts at all; which accounts: grantRefusal and manageRefusal below. */
  'users.manage': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && inScope(scopeOf(a), t)),
  /**
   * The audit log (GET /api/audit): a system admin every chain, a province inspector its province's. Not the
   * province supervisor: it manages the accounts whose actions the log reviews, so it does not review them.
   */
  'audit.read': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_inspector') && t.provinceCode === a.provinceCode),
  'calendar.edit': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && t.provinceCode === a.provinceCode),
  /** The national catalog (limit, competence, components, fees, legal basis, import): the system admin only. */
  'catalog.edit': (a: Actor) => has(a, 'system_admin'),
  /** A province's own fee, notes and extra components for a national procedure (never its limit or competence). */
  'catalog.override': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && t.provinceCode === a.provinceCode),
  /** A province's overrides and their history: its own officers, and the system admin. */
  'catalog.read_overrides': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || t.provinceCode === a.provinceCode,
  'tenant.read': (a: Actor, t: Tenant) => inScope(scopeOf(a), t),
  'dossier.intake': (a: Actor, t: Tenant) =>
    has(a, 'counter_officer', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'dossier.process': (a: Actor, t: Tenant) =>
    has(a, 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'dossier.decide': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /** How a commune routes each procedure (issue 12 item 3): its own leader only, never another commune's. */
  'routing.edit': (a: Actor, t: Tenant) => has(a, 'commune_leader') && inScope(scopeOf(a), t),
  /** Leave dates of the commune's staff, and reassigning the open dossiers of those on leave: its leader. */
  'staff.leave': (a: Actor, t: Tenant) => has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'reports.read': (a: Actor, t: Tenant) => inScope(scopeOf(a), t),
  /** Sees more than one commune (province supervisor, administrator): picks the commune in reports and tasks. */
  'province.wide': (a: Actor) => scopeOf(a).kind !== 'unit',
  'petition.receive': (a: Actor, t: Tenant) =>
    has(a, 'counter_officer', 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'petition.handle': (a: Actor, t: Tenant) =>
    has(a, 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'petition.decide': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /**
   * A denouncer's identity is confidential (Law on Denunciation 2018 Art. 47 §2, Art. 56): the leader of the
   * commune that resolves it only; not a system admin, who runs the machine and resolves no denunciation.
   */
  'petition.read_denouncer': (a: Actor, t: Tenant) => has(a, 'commune_leader') && inScope(scopeOf(a), t),
  /** Assign tasks and judge their products (the six-clear principle): the commune's leaders. */
  'task.assign': (a: Actor, t: Tenant) => has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /** Citizen reception (docs/RECEPTION.md): the commune's officers record receptions and replies. */
  'reception.record': (a: Actor, t: Tenant) =>
    has(a, 'counter_officer', 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /** The weekly reception schedule (Law on Citizen Reception 2013 Art. 15.2): the commune's leader, or the admin. */
  'reception.schedule.edit': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') ||
    (has(a, 'commune_leader') && a.unitCode === t.unitCode && inScope(scopeOf(a), t)),
  /** A denouncer met at a reception (Law on Denunciation 2018 Art. 47): the commune leader only, no one else. */
  'reception.read_denouncer': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader') && a.unitCode === t.unitCode && inScope(scopeOf(a), t),
  /** Signing certificates of units and leaders (docs/SIGNING.md): the system admin, a province supervisor its own. */
  'signing.manage': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && t.provinceCode === a.provinceCode),
  'signing.list': (a: Actor) => has(a, 'system_admin', 'province_supervisor'),
  'petition.rules.edit': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && t.provinceCode === a.provinceCode),
} as const;

export type PolicyAction = keyof typeof POLICIES;

const ANY_TENANT: Tenant = { provinceCode: '', unitCode: '' };

export function can(actor: Actor, action: PolicyAction, target: Tenant = ANY_TENANT): boolean {
  return POLICIES[action](actor, target);
}

/** Throws 403 FORBIDDEN unless the actor may do the action on the target. */
export function authorize(actor: Actor, action: PolicyAction, target?: Tenant): void {
  if (!can(actor, action, target)) throw new AppError('FORBIDDEN', { details: { action } });
}

export function abilities(actor: Actor, target?: Tenant): PolicyAction[] {
  return (Object.keys(POLICIES) as PolicyAction[]).filter((action) => can(actor, action, target));
}

/** An account as user management sees it: where it is and what roles it has (or would have). */
export interface ManagedAccount extends Tenant {
  roles: readonly Role[];
}

/** Why an officer may not create or change an account; refusals are audited as `user.manage_refused`. */
export type ManageRefusal = 'not_manager' | 'out_of_scope' | 'rank' | 'leader_needs_admin';

function scopeRefusal(actor: Actor, account: ManagedAccount): ManageRefusal | null {
  if (can(actor, 'users.manage', account)) return null;
  const own = { provinceCode: actor.provinceCode, unitCode: actor.unitCode };
  return can(actor, 'users.manage', own) ? 'out_of_scope' : 'not_manager';
}

/**
 * Why the actor may not create an account with these roles at this unit, or null when they may: inside their
 * scope, only roles ranked below their own, and leader-level roles (commune leader and up) by a system admin
 * only. A system admin may grant every role, system_admin included (so may the CLI, which runs as the system).
 */
export function grantRefusal(actor: Actor, account: ManagedAccount): ManageRefusal | null {
  const scope = scopeRefusal(actor, account);
  if (scope || has(actor, 'system_admin')) return scope;
  const rank = rankOf(account.roles);
  if (rank >= rankOf(actor.roles)) return 'rank';
  return rank >= LEADER_RANK ? 'leader_needs_admin' : null;
}

/**
 * Why the actor may not reset, disable, enable or edit this account, or null when they may: inside their scope,
 * only accounts ranked below their own (never an equal: one system admin's account is changed from the CLI), and
 * leader-level accounts by a system admin only.
 */
export function manageRefusal(actor: Actor, account: ManagedAccount): ManageRefusal | null {
  const scope = scopeRefusal(actor, account);
  if (scope) return scope;
  const rank = rankOf(account.roles);
  if (rank >= rankOf(actor.roles)) return 'rank';
  return rank >= LEADER_RANK && !has(actor, 'system_admin') ? 'leader_needs_admin' : null;
}

export const mayGrant = (actor: Actor, account: ManagedAccount): boolean =>
  grantRefusal(actor, account) === null;
export const mayManage = (actor: Actor, account: ManagedAccount): boolean =>
  manageRefusal(actor, account) === null;
