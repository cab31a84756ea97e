import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NewUser, SessionRow, UserRow, UserUpdate } from './account.table.ts';
import { type Scope, withinScope } from '../platform/tenant.ts';

type Db = Kysely<Database>;

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Users inside the scope, by username. */
export function listUsers(db: Db, scope: Scope): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('username');
  if (scope.kind !== 'all') q = q.where('province_code', '=', scope.provinceCode);
  if (scope.kind === 'unit') q = q.where('unit_code', '=', scope.unitCode);
  return q.execute();
}

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export function findSessionWithUser(db: Db, sessionId: string, now: number) {
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
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes the sessions expired at `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// --- For other features (tasks): the names of users shown beside their rows. ---

/** Id, username and display name of the users with these ids, inside the scope. */
export function findUserNames(
  db: Db,
  ids: readonly string[],
  scope: Scope,
): Promise<Pick<UserRow, 'id' | 'username' | 'display_name'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withinScope(db.selectFrom('users').select(['id', 'username', 'display_name']), scope)
    .where('id', 'in', ids)
    .execute();
}
