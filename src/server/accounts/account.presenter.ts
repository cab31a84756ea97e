import type { UserRow } from './account.table.ts';
import type { TUser } from './account.schemas.ts';
import { toActor } from './account.service.ts';
import { abilities } from './policy.ts';
import type { Actor } from './roles.ts';

function identity(actor: Actor) {
  return {
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    unitCode: actor.unitCode,
    provinceCode: actor.provinceCode,
  };
}

/** The signed-in user, with the policies they pass on their own unit (the UI hides what they cannot do). */
export function presentMe(actor: Actor) {
  return {
    ...identity(actor),
    abilities: abilities(actor, { provinceCode: actor.provinceCode, unitCode: actor.unitCode }),
  };
}

/** `slowed`: the sign-in throttle is slowing every address for this account (login-throttle.ts). */
export function presentUser(row: UserRow, slowed: boolean, now: number): TUser {
  const actor = toActor(row);
  return {
    ...identity(actor),
    disabled: row.disabled === 1,
    locked: slowed || (row.locked_until !== null && row.locked_until > now),
    createdAt: new Date(row.created_at).toISOString(),
    leaveFrom: row.leave_from ?? null,
    leaveUntil: row.leave_until ?? null,
  };
}
