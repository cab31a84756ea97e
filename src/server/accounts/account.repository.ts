import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewUser, SessionRow, UserRow, UserUpdate } from './account.table.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import { sessionCacheOf } from './session-cache.ts';

type Db = Kysely<Database>;

/**
 * A user by username inside the scope. Usernames are unique across the country: sign-in and the checks that
 * authorise right after pass EVERY_TENANT.
 */
export function findUserByUsername(db: Db, username: string, scope: Scope): Promise<UserRow | undefined> {
  return withinScope(db.selectFrom('users').selectAll(), scope)
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Usernames and display names of users by id (a page's assignees, authors...), inside the scope. */
export function userNamesByIds(db: Db, ids: readonly string[], scope: Scope) {
  if (ids.length === 0) return Promise.resolve([]);
  return withinScope(db.selectFrom('users').select(['id', 'username', 'display_name']), scope)
    .where('id', 'in', [...ids])
    .execute();
}

/** The enabled staff of a commune, by username, with the fields each handles (none: every field). */
export async function staffOfUnit(db: Db, scope: Scope) {
  const staff = await withinScope(
    db.selectFrom('users').select(['id', 'username', 'roles', 'leave_from', 'leave_until']),
    scope,
  )
    .where('disabled', '=', 0)
    .orderBy('username')
    .execute();
  const fields = await db
    .selectFrom('staff_fields')
    .select(['user_id', 'field'])
    .where('user_id', 'in', staff.length ? staff.map((s) => s.id) : [''])
    .execute();
  return staff.map((u) => ({ ...u, fields: fields.filter((f) => f.user_id === u.id).map((f) => f.field) }));
}

/**
 * The enabled accounts of a scope with their leave (the leave screen), by commune then username, at most `limit`.
 * `unitCode` narrows the scope to one commune; it never widens it.
 */
export function leaveOfStaff(db: Db, scope: Scope, unitCode: string | undefined, limit: number) {
  let q = withinScope(
    db
      .selectFrom('users')
      .select([
        'username',
        'display_name',
        'roles',
        'unit_code',
        'province_code',
        'leave_from',
        'leave_until',
      ]),
    scope,
  ).where('disabled', '=', 0);
  if (unitCode) q = q.where('unit_code', '=', unitCode);
  return q.orderBy('unit_code').orderBy('username').limit(limit).execute();
}

/** Whether any account exists (the demo seeds only an empty database). */
export async function anyUser(db: Db): Promise<boolean> {
  // tenant: the whole system's accounts are counted, nothing is read
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
  sessionCacheOf(db).forgetUser(id);
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Users inside the scope, by username. */
export function listUsers(db: Db, scope: Scope): Promise<UserRow[]> {
  return withinScope(db.selectFrom('users').selectAll(), scope).orderBy('username').execute();
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session's user, for the auth hook: a session is found by its secret id, whatever the tenant. */
export function findSessionWithUser(db: Db, sessionId: string, now: number) {
  // tenant: the session token identifies the user, whose own scope applies from then on
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.unit_code',
      'users.province_code',
      'users.disabled',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  sessionCacheOf(db).forgetSession(sessionId);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  sessionCacheOf(db).forgetUser(userId);
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes the sessions expired at `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Display names of users by username, inside the scope. */
export function displayNamesByUsernames(db: Db, usernames: readonly string[], scope: Scope) {
  if (usernames.length === 0) return Promise.resolve([]);
  return withinScope(db.selectFrom('users').select(['username', 'display_name']), scope)
    .where('username', 'in', [...usernames])
    .execute();
}
