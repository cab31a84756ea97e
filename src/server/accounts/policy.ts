import type { Actor, Role } from './roles.ts';
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
  'users.manage': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && inScope(scopeOf(a), t)),
  'audit.read': (a: Actor) => has(a, 'system_admin', 'province_supervisor'),
  'calendar.edit': (a: Actor, t: Tenant) =>
    has(a, 'system_admin') || (has(a, 'province_supervisor') && t.provinceCode === a.provinceCode),
  'catalog.edit': (a: Actor) => has(a, 'system_admin', 'province_supervisor'),
  'tenant.read': (a: Actor, t: Tenant) => inScope(scopeOf(a), t),
  'dossier.intake': (a: Actor, t: Tenant) =>
    has(a, 'counter_officer', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'dossier.process': (a: Actor, t: Tenant) =>
    has(a, 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'dossier.decide': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'reports.read': (a: Actor, t: Tenant) => inScope(scopeOf(a), t),
  /** Sees more than one commune (province supervisor, administrator): picks the commune in reports and tasks. */
  'province.wide': (a: Actor) => scopeOf(a).kind !== 'unit',
  'petition.receive': (a: Actor, t: Tenant) =>
    has(a, 'counter_officer', 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'petition.handle': (a: Actor, t: Tenant) =>
    has(a, 'specialist', 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  'petition.decide': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /** A denouncer's identity is confidential (Law on Denunciations 2018 Art. 47): the leader only. */
  'petition.read_denouncer': (a: Actor, t: Tenant) =>
    has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
  /** Assign tasks and judge their products (the six-clear principle): the commune's leaders. */
  'task.assign': (a: Actor, t: Tenant) => has(a, 'commune_leader', 'system_admin') && inScope(scopeOf(a), t),
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
