import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import type { Role } from '../accounts/roles.ts';
import { staffOfUnit } from '../accounts/account.repository.ts';
import { openLoadBySpecialist } from './dossier.repository.ts';
import type { DossierRow } from './dossier.table.ts';
import type { Scope } from '../platform/tenant.ts';
import { todayInVietnam } from '../platform/clock.ts';

type Db = Kysely<Database>;

const canProcess = (roles: Role[]) => roles.includes('specialist') || roles.includes('commune_leader');

/** Whether an officer is on leave on the day of `now` (Vietnam's calendar; both dates inclusive). */
export function onLeave(u: { leave_from: string | null; leave_until: string | null }, now: number): boolean {
  if (!u.leave_from || !u.leave_until) return false;
  const today = todayInVietnam(now);
  return u.leave_from <= today && today <= u.leave_until;
}

/**
 * The officer to assign: the named one (who must be an active specialist or leader of the dossier's commune, not on
 * leave), or the least-loaded active specialist qualified for the dossier's field and not on leave (ties: by
 * username).
 */
export async function pickAssignee(
  trx: Db,
  d: DossierRow,
  username: string | undefined,
  now: number,
): Promise<{ id: string; username: string }> {
  const commune: Scope = { kind: 'unit', provinceCode: d.province_code, unitCode: d.unit_code };
  const staff = await staffOfUnit(trx, commune);
  if (username) {
    const named = staff.find((u) => u.username === username);
    if (!named || !canProcess(JSON.parse(named.roles) as Role[]))
      throw invalidField('assignee', 'assignee.not_eligible', '@assignee.not_eligible');
    if (onLeave(named, now)) throw invalidField('assignee', 'assignee.on_leave', '@assignee.on_leave');
    return named;
  }
  const specialists = staff.filter(
    (u) => (JSON.parse(u.roles) as Role[]).includes('specialist') && !onLeave(u, now),
  );
  const qualified = specialists.filter((s) => s.fields.length === 0 || s.fields.includes(d.field));
  if (!qualified.length)
    throw new AppError('RULE_VIOLATION', {
      params: { rule: 'assign.no_specialist' },
      details: { rule: 'assign.no_specialist', field: d.field },
    });
  const load = await openLoadBySpecialist(trx, commune);
  return qualified.reduce((best, s) => ((load.get(s.id) ?? 0) < (load.get(best.id) ?? 0) ? s : best));
}
