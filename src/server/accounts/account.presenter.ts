import type { UserRow } from './account.table.ts';
import type { TUser } from './account.schemas.ts';
import { toActor } from './account.service.ts';
import type { Actor } from './roles.ts';

export function presentMe(actor: Actor) {
  return {
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    unitCode: actor.unitCode,
    provinceCode: actor.provinceCode,
  };
}

export function presentUser(row: UserRow, now = Date.now()): TUser {
  const actor = toActor(row);
  return {
    ...presentMe(actor),
    disabled: row.disabled === 1,
    locked: row.locked_until !== null && row.locked_until > now,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
