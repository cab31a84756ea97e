import type { Actor } from './roles.ts';

/**
 * The tenant scope of an actor, applied by repositories to every query:
 * system admins see everything, province supervisors their province, everyone else their commune.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'unit'; provinceCode: string; unitCode: string };

export function scopeOf(actor: Actor): Scope {
  if (actor.roles.includes('system_admin')) return { kind: 'all' };
  if (actor.roles.includes('province_supervisor'))
    return { kind: 'province', provinceCode: actor.provinceCode };
  return { kind: 'unit', provinceCode: actor.provinceCode, unitCode: actor.unitCode };
}

/** Whether a row with these tenant keys is inside the scope. */
export function inScope(scope: Scope, row: { provinceCode: string; unitCode: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'province') return row.provinceCode === scope.provinceCode;
  return row.provinceCode === scope.provinceCode && row.unitCode === scope.unitCode;
}
