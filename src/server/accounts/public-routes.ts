/**
 * The API routes that answer without signing in. Every other `/api/` route answers an anonymous caller 401 before
 * its input is validated (`installSignInGate`), so a stranger learns nothing of a route's fields from its validation
 * errors. The authorisation matrix (test/security/authorization-matrix.test.ts) checks this list against its policy
 * table: a route the table calls public must be here, and every other route must answer 401 to an anonymous
 * caller sending an invalid body.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../platform/app-error.ts';

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
