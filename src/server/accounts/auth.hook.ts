import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './roles.ts';
import { authenticate, type AuthenticatedSession } from './account.session.service.ts';
import { AppError } from '../platform/app-error.ts';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: AuthenticatedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from this site: a matching X-CSRF-Token header (double submit with the
 * token given at login) always passes; otherwise a browser's Origin must match the Host and Sec-Fetch-Site must not
 * be cross-site. Together with SameSite=Lax cookies and JSON-only bodies this stops cross-site form posts.
 */
function assertSameOrigin(request: FastifyRequest, session: AuthenticatedSession): void {
  const token = request.headers[CSRF_HEADER];
  if (typeof token === 'string' && token === session.csrfToken) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') throw new AppError('CSRF_REJECTED');
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError('CSRF_REJECTED');
    }
    if (originHost !== request.headers.host) throw new AppError('CSRF_REJECTED');
  }
}

export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await authenticate(app.db, token, app.clock.now());
    if (!session) return;
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request, session);
    request.session = session;
  });
}

/** The signed-in officer, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return request.session.actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: number,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** Request metadata recorded in the audit log. */
export function requestMeta(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

/** Secure cookies when the request came over TLS (directly or, with trustProxy, via X-Forwarded-Proto). */
export const isSecure = (request: FastifyRequest): boolean => request.protocol === 'https';
