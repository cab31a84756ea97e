/**
 * The API routes that answer without signing in. Every other `/api/` route answers an anonymous caller 401 before
 * its input is validated (`installSignInGate`), so a stranger learns nothing of a route's fields from its validation
 * errors. The authorisation matrix (test/security/authorization-matrix.test.ts) checks this list against its policy
 * table: a route the table calls public must be here, and every other route must answer 401 to an anonymous
 * caller sending an invalid body.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../platform/app-error.ts';
import { RateLimiter, rateLimited } from '../platform/rate-limit.ts';

/** `METHOD /template` as Fastify registers it (HEAD twins follow their GET). */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // Reference data: administrative units, the procedure catalog, the national calendar.
  'GET /api/units',
  'GET /api/units/:code',
  'GET /api/provinces',
  'GET /api/procedures',
  'GET /api/procedures/export.json',
  'GET /api/procedures/export.xlsx',
  'GET /api/procedures/:code',
  'GET /api/calendar/:province/:year',
  'POST /api/calendar/due',
]);

/** The citizens' doors and the API documents: whole prefixes. */
const PUBLIC_PREFIXES = ['/api/public/', '/api/docs'];

export function isPublicRoute(method: string, url: string): boolean {
  if (!url.startsWith('/api/')) return true; // the web app's files
  if (PUBLIC_PREFIXES.some((p) => url.startsWith(p))) return true;
  return PUBLIC_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${url}`);
}

/**
 * A root preValidation hook (after the session is read in onRequest): an anonymous request to a route that is not
 * public is 401 before validation. Routes still call `requireActor`, which stays the rule inside each handler.
 */
export function installSignInGate(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.session) return;
    const url = request.routeOptions.url;
    if (url === undefined) return; // no route: the 404 handler answers
    if (!isPublicRoute(request.method, url)) throw new AppError('UNAUTHENTICATED');
  });
}

/** Anonymous requests to the public routes above (the citizens' doors have their own limits: portal.service.ts). */
export const PUBLIC_REQUEST_LIMIT = { limit: 60, windowMs: 60_000 } as const;

/** Not limited: the health check (monitoring polls it) and the API documents (static files). */
const UNLIMITED = new Set(['GET /api/health']);

/**
 * A root onRequest hook, after the session is read (installAuth): per client address, at most 60 requests a minute
 * to a public route outside `/api/public/` by a caller not signed in, and to `POST /api/auth/login` by anyone (a
 * session does not buy more sign-in attempts). Past it, 429 `RATE_LIMITED` with Retry-After before the body is
 * read. This is the flood guard of sign-in (password spraying: one password against many usernames, which the
 * per-account throttle does not slow, and the argon2 check each attempt costs) and of the reference data (the
 * catalog's workbook is laid out in the render pool). A signed-in officer's reads are not counted. In memory, per
 * server process, like the portal's request limit; nginx's `limit_req` is the shared guard (docs/OPERATIONS.md).
 */
export function installPublicRequestLimit(app: FastifyInstance): void {
  const limiter = new RateLimiter(PUBLIC_REQUEST_LIMIT);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api/') || url.startsWith('/api/public/')) return;
    const route = `${request.method === 'HEAD' ? 'GET' : request.method} ${url}`;
    if (UNLIMITED.has(route) || url.startsWith('/api/docs')) return;
    const signIn = route === 'POST /api/auth/login';
    if (!signIn && (request.session || !isPublicRoute(request.method, url))) return;
    const wait = limiter.take(request.ip, app.clock.now());
    if (wait > 0) throw rateLimited(wait);
  });
}
