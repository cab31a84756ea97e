import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError, invalidField, notFound } from '../platform/app-error.ts';
import '../procedures/procedure-routing.messages.ts';
import { findUserByUsername, updateUser } from './account.repository.ts';
import type { TSetLeaveRequest } from './account.schemas.ts';
import type { UserRow } from './account.table.ts';
import { can } from './policy.ts';
import { scopeOf } from './scope.ts';
import { rankOf, LEADER_RANK, type Actor, type Role } from './roles.ts';

type Db = Kysely<Database>;

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
  if (leave.from && leave.until && leave.until < leave.from)
    throw invalidField('until', 'leave.order', '@leave.order');
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
