import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError, invalidField, notFound } from '../platform/app-error.ts';
import { isPlainLine } from '../platform/validation.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import type { UserRow } from './account.table.ts';
import * as repo from './account.repository.ts';
import { findCurrentVersion } from '../units/unit.repository.ts';
import { hashPassword } from './password.ts';
import { grantRefusal, manageRefusal, type ManagedAccount, type ManageRefusal } from './policy.ts';
import { EVERY_TENANT, type Scope } from '../platform/tenant.ts';

type Db = Kysely<Database>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  unitCode: string;
  roles: Role[];
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

export function toActor(
  row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles' | 'unit_code' | 'province_code'>,
): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    unitCode: row.unit_code,
    provinceCode: row.province_code,
  };
}

/** The province of a current unit (a province code itself, or a commune's province); throws 400 if unknown. */
export async function provinceOfUnit(db: Db, unitCode: string): Promise<string> {
  const unit = await findCurrentVersion(db, unitCode);
  if (!unit) throw invalidField('unitCode', 'unit.unknown', '@rule.unitUnknown');
  return unit.province_code;
}

function checkCredentialsShape(username: string, password: string): void {
  if (!USERNAME_PATTERN.test(username)) throw invalidField('username', 'username.format', '@rule.username');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalidField('password', 'password.too_short', '@rule.password');
}

export async function createUser(
  trx: Db,
  actor: Actor | null,
  input: CreateUserInput,
  now: number,
  meta?: RequestMeta,
): Promise<Actor> {
  checkCredentialsShape(input.username, input.password);
  // The API's schema says so too; the CLI (`motcua users create --name`) comes here directly.
  if (!isPlainLine(input.displayName)) throw invalidField('displayName', 'rule.plainLine', '@rule.plainLine');
  if (input.roles.length === 0 || input.roles.some((r) => !ROLES.includes(r)))
    throw invalidField('roles', 'roles.invalid', `roles must be some of ${ROLES.join(', ')}`);
  const provinceCode = await provinceOfUnit(trx, input.unitCode);
  const account = { provinceCode, unitCode: input.unitCode, roles: input.roles };
  if (actor) refuseUnless(grantRefusal(actor, account), actor, 'create', input.username, account);
  if (await repo.findUserByUsername(trx, input.username, EVERY_TENANT))
    throw new AppError('CONFLICT', {
      params: { reason: `username ${input.username} exists` },
      details: { field: 'username' },
    });
  const row = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName.normalize('NFC').trim() || input.username,
    password_hash: await hashPassword(input.password),
    unit_code: input.unitCode,
    province_code: provinceCode,
    roles: JSON.stringify([...new Set(input.roles)]),
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertUser(trx, row);
  await appendAudit(
    trx,
    {
      actor,
      action: 'user.create',
      targetType: 'user',
      targetId: row.username,
      unitCode: row.unit_code,
      provinceCode,
      ip: meta?.ip ?? null,
      details: { roles: input.roles },
    },
    now,
  );
  return toActor(row);
}

/** What an officer tried on an account: audited with the refusal. */
export type ManageAttempt = 'create' | 'set_password' | 'disable' | 'enable';

/**
 * A refused attempt at user management: 403 FORBIDDEN, and the route records it (`auditRefusal`) in a transaction
 * of its own after the attempt's has rolled back, so the refusal is kept though the request fails.
 */
export class UserManageRefused extends AppError {
  readonly actor: Actor;
  readonly attempt: ManageAttempt;
  readonly username: string;
  readonly account: ManagedAccount;
  readonly reason: ManageRefusal;

  constructor(
    actor: Actor,
    attempt: ManageAttempt,
    username: string,
    account: ManagedAccount,
    reason: ManageRefusal,
  ) {
    super('FORBIDDEN', { details: { action: 'users.manage', attempt, reason } });
    this.actor = actor;
    this.attempt = attempt;
    this.username = username;
    this.account = account;
    this.reason = reason;
  }
}

function refuseUnless(
  reason: ManageRefusal | null,
  actor: Actor,
  attempt: ManageAttempt,
  username: string,
  account: ManagedAccount,
): void {
  if (reason) throw new UserManageRefused(actor, attempt, username, account, reason);
}

/** Writes `user.manage_refused` (the attempt, the target, its roles and why) in a transaction of its own. */
export async function auditRefusal(
  db: Db,
  refused: UserManageRefused,
  ip: string,
  now: number,
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: refused.actor,
        action: 'user.manage_refused',
        targetType: 'user',
        targetId: refused.username,
        unitCode: refused.account.unitCode,
        provinceCode: refused.account.provinceCode,
        ip,
        details: { attempt: refused.attempt, roles: refused.account.roles, reason: refused.reason },
      },
      now,
    ),
  );
}

/** The account to change, once the actor (null: the system, i.e. the CLI) may change it; 404 if unknown. */
async function getManagedUser(db: Db, actor: Actor | null, username: string, attempt: ManageAttempt) {
  const user = await repo.findUserByUsername(db, username, EVERY_TENANT);
  if (!user) throw notFound('user', username);
  if (actor) {
    const account = {
      provinceCode: user.province_code,
      unitCode: user.unit_code,
      roles: toActor(user).roles,
    };
    refuseUnless(manageRefusal(actor, account), actor, attempt, username, account);
  }
  return user;
}

export async function setPassword(
  trx: Db,
  actor: Actor | null,
  username: string,
  password: string,
  now: number,
): Promise<void> {
  checkCredentialsShape(username, password);
  const user = await getManagedUser(trx, actor, username, 'set_password');
  const patch = {
    password_hash: await hashPassword(password),
    failed_attempts: 0,
    locked_until: null,
    updated_at: now,
  };
  await repo.updateUser(trx, user.id, patch);
  await repo.deleteSessionsOfUser(trx, user.id);
  await appendAudit(
    trx,
    {
      actor,
      action: 'user.set_password',
      targetType: 'user',
      targetId: username,
      unitCode: user.unit_code,
      provinceCode: user.province_code,
    },
    now,
  );
}

export async function setDisabled(
  trx: Db,
  actor: Actor | null,
  username: string,
  disabled: boolean,
  now: number,
): Promise<void> {
  const user = await getManagedUser(trx, actor, username, disabled ? 'disable' : 'enable');
  // A new updated_at also voids the account's sign-in failure counters (login-throttle.ts).
  const clear = disabled ? {} : { failed_attempts: 0, locked_until: null };
  await repo.updateUser(trx, user.id, { disabled: disabled ? 1 : 0, ...clear, updated_at: now });
  if (disabled) await repo.deleteSessionsOfUser(trx, user.id);
  await appendAudit(
    trx,
    {
      actor,
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: username,
      unitCode: user.unit_code,
      provinceCode: user.province_code,
    },
    now,
  );
}

export function listUsers(db: Db, scope: Scope): Promise<UserRow[]> {
  return repo.listUsers(db, scope);
}
