/**
 * Signed-in requests each looked their session and user up (a join, then the actor built from the row): the one
 * query every officer request pays. The answer is kept here for a few seconds per session, per database.
 * Whatever ends or changes a session in this process forgets it at once: logout (its session), a password
 * change, disabling, or any change to the user (all their sessions), through the repository functions that make
 * those writes. Another server process's change is seen within SESSION_CACHE_MS (several servers on one
 * PostgreSQL, docs/SECURITY.md). A forgotten session or user is also not cached again for SESSION_CACHE_MS: on
 * PostgreSQL a request may read the old row while the changing transaction has not committed yet, and must not
 * keep it. The lifetime is measured on the monotonic clock: it is a cache's age, not a
 * business time, and a test's fixed clock must not keep an entry alive.
 */
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Actor } from './roles.ts';

export const SESSION_CACHE_MS = 5_000;
export const SESSION_CACHE_MAX = 10_000;

export interface CachedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  userId: string;
  /** The session's own end (business time): never answered past it. */
  expiresAt: number;
}

interface Entry extends CachedSession {
  cachedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** `s:<session>` / `u:<user>` → until when (monotonic ms) it is not cached. */
  private readonly held = new Map<string, number>();

  get(sessionId: string, now: number): CachedSession | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (performance.now() - e.cachedAt > SESSION_CACHE_MS || now >= e.expiresAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e;
  }

  set(session: CachedSession): void {
    if (this.isHeld(`s:${session.sessionId}`) || this.isHeld(`u:${session.userId}`)) return;
    this.entries.delete(session.sessionId);
    this.entries.set(session.sessionId, { ...session, cachedAt: performance.now() });
    if (this.entries.size > SESSION_CACHE_MAX)
      this.entries.delete(this.entries.keys().next().value as string);
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
    this.hold(`s:${sessionId}`);
  }

  forgetUser(userId: string): void {
    for (const [id, e] of this.entries) if (e.userId === userId) this.entries.delete(id);
    this.hold(`u:${userId}`);
  }

  private hold(key: string): void {
    const now = performance.now();
    if (this.held.size >= SESSION_CACHE_MAX)
      for (const [k, until] of this.held) if (until <= now) this.held.delete(k);
    this.held.set(key, now + SESSION_CACHE_MS);
  }

  private isHeld(key: string): boolean {
    const until = this.held.get(key);
    if (until === undefined) return false;
    if (until > performance.now()) return true;
    this.held.delete(key);
    return false;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, SessionCache>();

/**
 * The cache of one database: keyed by its Kysely adapter, which a transaction shares with the instance it was
 * opened on (so a write inside a transaction forgets what the auth hook cached), and which no other database has.
 */
export function sessionCacheOf<T>(db: Kysely<T>): SessionCache {
  const key = db.getExecutor().adapter;
  let cache = caches.get(key);
  if (!cache) {
    cache = new SessionCache();
    caches.set(key, cache);
  }
  return cache;
}
