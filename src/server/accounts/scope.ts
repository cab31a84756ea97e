import type { Actor } from './roles.ts';
import { EVERY_TENANT, type Scope } from '../platform/tenant.ts';

/**
 * The tenant scope of an actor (platform/tenant.ts), applied by repositories to every query:
 * system admins see everything, province supervisors and inspectors their province, everyone else their commune.
 */
export function scopeOf(actor: Actor): Scope {
  if (actor.roles.includes('system_admin')) return { kind: 'all' };
  if (actor.roles.includes('province_supervisor') || actor.roles.includes('province_inspector'))
    return { kind: 'province', provinceCode: actor.provinceCode };
  return { kind: 'unit', provinceCode: actor.provinceCode, unitCode: actor.unitCode };
}

/** The scope of an officer, or every tenant when the system itself acts (no actor: jobs, automatic returns). */
export const scopeOrSystem = (actor: Actor | null): Scope => (actor ? scopeOf(actor) : EVERY_TENANT);
