import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError, invalidField, notFound } from '../platform/app-error.ts';
import '../procedures/procedure-routing.messages.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { findUserByUsername, leaveOfStaff, updateUser } from './account.repository.ts';
import type { TSetLeaveRequest } from './account.schemas.ts';
import type { UserRow } from './account.table.ts';
import { can } from './policy.ts';
import { scopeOf } from './scope.ts';
import { rankOf, LEADER_RANK, type Actor, type Role } from './roles.ts';

type Db = Kysely<Database>;

/** The longest leave one entry may record, and how far from today it may start (a typed year is caught). */
export const LEAVE_MAX_DAYS = 366;
export const LEAVE_HORIZON_DAYS = 366;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The end on or after the start, at most LEAVE_MAX_DAYS long, starting within LEAVE_HORIZON_DAYS of today. */
function checkLeaveRange(from: string, until: string, now: number): void {
  if (until < from) throw invalidField('until', 'leave.order', '@leave.order');
  if (dayNumber(until) - dayNumber(from) + 1 > LEAVE_MAX_DAYS)
    throw invalidField('until', 'leave.too_long', '@leave.too_long');
  if (Math.abs(dayNumber(from) - dayNumber(todayInVietnam(now))) > LEAVE_HORIZON_DAYS)
    throw invalidField('from', 'leave.too_far', '@leave.too_far');
}

/** At most this many accounts on the leave screen (a province's communes' staff). */
export const LEAVE_LIST_MAX = 2000;

export interface LeaveEntry {
  username: string;
  displayName: string;
  unitCode: string;
  roles: Role[];
  leaveFrom: string | null;
  leaveUntil: string | null;
  /** On leave today (Vietnam's calendar). */
  onLeave: boolean;
  /** The caller may set this account's leave (policy `staff.leave`, staff below the leader). */
  editable: boolean;
}

/**
 * The leave screen: who sets leave (a commune leader, the province supervisor, the admin) sees the staff of their
 * scope, optionally one commune; anyone else sees their own leave only.
 */
export async function listLeave(
  db: Db,
  actor: Actor,
  unitCode: string | undefined,
  now: number,
): Promise<{ items: LeaveEntry[]; truncated: boolean }> {
  const own = { provinceCode: actor.provinceCode, unitCode: actor.unitCode };
  const manager = can(actor, 'staff.leave', own);
  const rows = manager
    ? await leaveOfStaff(db, scopeOf(actor), unitCode, LEAVE_LIST_MAX + 1)
    : (await leaveOfStaff(db, scopeOf(actor), undefined, LEAVE_LIST_MAX)).filter(
        (r) => r.username === actor.username,
      );
  const today = todayInVietnam(now);
  const items = rows.slice(0, LEAVE_LIST_MAX).map((r): LeaveEntry => {
    const roles = JSON.parse(r.roles) as Role[];
    return {
      username: r.username,
      displayName: r.display_name,
      unitCode: r.unit_code,
      roles,
      leaveFrom: r.leave_from,
      leaveUntil: r.leave_until,
      onLeave: !!r.leave_from && !!r.leave_until && r.leave_from <= today && today <= r.leave_until,
      editable:
        r.unit_code.length === 5 &&
        rankOf(roles) < LEADER_RANK &&
        can(actor, 'staff.leave', { provinceCode: r.province_code, unitCode: r.unit_code }),
    };
  });
  return { items, truncated: rows.length > LEAVE_LIST_MAX };
}

/**
 * Sets (or clears) the leave of a commune officer below the leader (specialist, counter officer), by the commune's
 * leader: auto-assign skips the officer on those days and "reassign absent" moves their open dossiers. Audited;
 * a refusal too (in the caller's transaction, which then commits the refusal only: see the route).
 */
export async function setLeave(
  trx: Db,
  actor: Actor,
  username: string,
  leave: TSetLeaveRequest,
  now: number,
): Promise<UserRow> {
  if ((leave.from === null) !== (leave.until === null))
    throw invalidField(leave.from === null ? 'from' : 'until', 'leave.both', '@leave.both');
  if (leave.from && leave.until) checkLeaveRange(leave.from, leave.until, now);
  const user = await findUserByUsername(trx, username, scopeOf(actor));
  if (!user) throw notFound('user', username);
  const tenant = { provinceCode: user.province_code, unitCode: user.unit_code };
  if (!can(actor, 'staff.leave', tenant))
    throw new AppError('FORBIDDEN', { details: { action: 'staff.leave' } });
  if (rankOf(JSON.parse(user.roles) as Role[]) >= LEADER_RANK)
    throw invalidField('username', 'leave.not_staff', '@leave.not_staff');
  await updateUser(trx, user.id, { leave_from: leave.from, leave_until: leave.until, updated_at: now });
  await appendAudit(
    trx,
    {
      actor,
      action: 'user.leave_set',
      targetType: 'user',
      targetId: user.username,
      unitCode: user.unit_code,
      provinceCode: user.province_code,
      details: { from: leave.from, until: leave.until },
    },
    now,
  );
  return { ...user, leave_from: leave.from, leave_until: leave.until };
}
