import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Actor } from './roles.ts';
import * as repo from './account.repository.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import { toActor, type RequestMeta } from './account.service.ts';
import type { SignInThrottle } from './login-throttle.ts';
import { sessionCacheOf } from './session-cache.ts';

type Db = Kysely<Database>;

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; expiresAt: number; actor: Actor }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Checks credentials and opens a session. The throttle (login-throttle.ts) is asked first, for the pair (address,
 * username as typed): a pair still waiting answers `throttled` before any hash is checked. An unknown username
 * takes the same path (throttle, then argon2 on a dummy hash) and answers `invalid` like a wrong password. The
 * hash (tens of milliseconds) is verified before any transaction opens, so SQLite's one connection is never held
 * while it runs; the writes (session, audit) then run in one short transaction on the row as it is by then.
 */
export async function login(
  db: Db,
  throttle: SignInThrottle,
  credentials: { username: string; password: string },
  meta: RequestMeta,
  ttlHours: number,
  now: number,
): Promise<LoginResult> {
  const { username, password } = credentials;
  // Sign-in: any account of the country may sign in.
  const seen = await repo.findUserByUsername(db, username, EVERY_TENANT);
  const ticket = await throttle.begin(meta.ip, username, seen?.updated_at ?? 0, now);
  if (typeof ticket === 'number') return { ok: false, reason: 'throttled', retryAfterSeconds: ticket };
  const valid = await verifyPassword(seen?.password_hash ?? (await dummyPasswordHash()), password);
  if (!seen) return { ok: false, reason: 'invalid' };
  const result = await db.transaction().execute(async (trx) => {
    const user = await repo.findUserByUsername(trx, username, EVERY_TENANT);
    // The password was changed or the account replaced while the hash was checked: judge nothing stale.
    if (!user || user.id !== seen.id || user.password_hash !== seen.password_hash)
      return { ok: false, reason: 'invalid' } as const;
    const audit = {
      actor: { id: user.id, username: user.username },
      targetType: 'user',
      targetId: user.username,
      unitCode: user.unit_code,
      provinceCode: user.province_code,
      ip: meta.ip,
    };
    if (!valid) {
      await appendAudit(trx, { ...audit, action: 'session.login_failed' }, now);
      return { ok: false, reason: 'invalid' } as const;
    }
    if (user.disabled === 1) return { ok: false, reason: 'disabled' } as const;
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = now + ttlHours * 3_600_000;
    await repo.insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    });
    await appendAudit(trx, { ...audit, action: 'session.login' }, now);
    return { ok: true, token, csrfToken, expiresAt, actor: toActor(user) } as const;
  });
  // The right password (of a disabled account too) is no guess: the attempt stops counting.
  if (result.ok || result.reason === 'disabled') await throttle.succeeded(ticket, now);
  return result;
}

export interface AuthenticatedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

/** The session of a token and its officer: from the few-second cache (session-cache.ts), else the database. */
export async function authenticate(db: Db, token: string, now: number): Promise<AuthenticatedSession | null> {
  const sessionId = sessionIdOf(token);
  const cache = sessionCacheOf(db);
  const hit = cache.get(sessionId, now);
  if (hit) return { sessionId: hit.sessionId, csrfToken: hit.csrfToken, actor: hit.actor };
  const row = await repo.findSessionWithUser(db, sessionId, now);
  if (!row || row.disabled === 1) return null;
  const session = { sessionId: row.session_id, csrfToken: row.csrf_token, actor: toActor(row) };
  cache.set({ ...session, userId: row.id, expiresAt: Number(row.expires_at) });
  return session;
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
