import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError, invalidField, notFound } from '../platform/app-error.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import type { UserRow } from './account.table.ts';
import * as repo from './account.repository.ts';
import { findCurrentVersion } from '../units/unit.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { EVERY_TENANT, type Scope } from '../platform/tenant.ts';

type Db = Kysely<Database>;

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
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
  if (input.roles.length === 0 || input.roles.some((r) => !ROLES.includes(r)))
    throw invalidField('roles', 'roles.invalid', `roles must be some of ${ROLES.join(', ')}`);
  if (await repo.findUserByUsername(trx, input.username, EVERY_TENANT))
    throw new AppError('CONFLICT', {
      params: { reason: `username ${input.username} exists` },
      details: { field: 'username' },
    });
  const provinceCode = await provinceOfUnit(trx, input.unitCode);
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

async function getUserOrThrow(db: Db, username: string): Promise<UserRow> {
  const user = await repo.findUserByUsername(db, username, EVERY_TENANT);
  if (!user) throw notFound('user', username);
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
  const user = await getUserOrThrow(trx, username);
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
  const user = await getUserOrThrow(trx, username);
  await repo.updateUser(trx, user.id, { disabled: disabled ? 1 : 0, updated_at: now });
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

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; expiresAt: number; actor: Actor }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Checks credentials and opens a session. The password hash (argon2, tens of milliseconds) is verified before any
 * transaction opens, so SQLite's one connection is never held while it runs; the writes (failure count, lock,
 * session, audit) then run in one short transaction on the row as it is by then. After LOCKOUT_THRESHOLD
 * consecutive failures the account is locked for LOCKOUT_MINUTES.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  meta: RequestMeta,
  ttlHours: number,
  now: number,
): Promise<LoginResult> {
  // Sign-in: any account of the country may sign in.
  const seen = await repo.findUserByUsername(db, username, EVERY_TENANT);
  if (!seen) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { ok: false, reason: 'invalid' };
  }
  if (seen.locked_until !== null && seen.locked_until > now) return lockedFor(seen.locked_until, now);
  const valid = await verifyPassword(seen.password_hash, password);
  return db.transaction().execute(async (trx) => {
    const user = await repo.findUserByUsername(trx, username, EVERY_TENANT);
    // The password was changed or the account replaced while the hash was checked: judge nothing stale.
    if (!user || user.id !== seen.id || user.password_hash !== seen.password_hash)
      return { ok: false, reason: 'invalid' } as const;
    if (user.locked_until !== null && user.locked_until > now) return lockedFor(user.locked_until, now);
    const audit = {
      actor: { id: user.id, username: user.username },
      targetType: 'user',
      targetId: user.username,
    };
    const where = { unitCode: user.unit_code, provinceCode: user.province_code, ip: meta.ip };
    if (!valid) {
      const failures = user.failed_attempts + 1;
      const locked = failures >= LOCKOUT_THRESHOLD;
      await repo.updateUser(trx, user.id, {
        failed_attempts: locked ? 0 : failures,
        locked_until: locked ? now + LOCKOUT_MINUTES * 60_000 : user.locked_until,
      });
      await appendAudit(
        trx,
        { ...audit, ...where, action: locked ? 'session.locked' : 'session.login_failed' },
        now,
      );
      if (locked) return { ok: false, reason: 'locked', retryAfterSeconds: LOCKOUT_MINUTES * 60 } as const;
      return { ok: false, reason: 'invalid' } as const;
    }
    if (user.disabled === 1) return { ok: false, reason: 'disabled' } as const;
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = now + ttlHours * 3_600_000;
    await repo.updateUser(trx, user.id, { failed_attempts: 0, locked_until: null });
    await repo.insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    });
    await appendAudit(trx, { ...audit, ...where, action: 'session.login' }, now);
    return { ok: true, token, csrfToken, expiresAt, actor: toActor(user) } as const;
  });
}

const lockedFor = (until: number, now: number): LoginResult => ({
  ok: false,
  reason: 'locked',
  retryAfterSeconds: Math.ceil((until - now) / 1000),
});

export interface AuthenticatedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

export async function authenticate(db: Db, token: string, now: number): Promise<AuthenticatedSession | null> {
  const row = await repo.findSessionWithUser(db, sessionIdOf(token), now);
  if (!row || row.disabled === 1) return null;
  return { sessionId: row.session_id, csrfToken: row.csrf_token, actor: toActor(row) };
}

export async function logout(trx: Db, session: AuthenticatedSession, ip: string, now: number): Promise<void> {
  await repo.deleteSession(trx, session.sessionId);
  await appendAudit(
    trx,
    {
      actor: session.actor,
      action: 'session.logout',
      targetType: 'user',
      targetId: session.actor.username,
      unitCode: session.actor.unitCode,
      provinceCode: session.actor.provinceCode,
      ip,
    },
    now,
  );
}
