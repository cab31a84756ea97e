import type { FastifyInstance } from 'fastify';

/** The API documentation (Swagger UI and the OpenAPI document) carries no personal data and may be cached. */
const CACHEABLE = /^\/api\/docs(?:[/?]|$)/;

/**
 * Every API answer is `Cache-Control: no-store` (and `Pragma: no-cache` for old browsers) unless its route set
 * its own caching: applicants, lists, reports and the signed-in user must never stay in the cache of a shared
 * commune PC. The web app's files are not under /api/ and keep theirs. Installed once on the root app.
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url;
    if (!path.startsWith('/api/') || CACHEABLE.test(path)) return payload;
    const own = reply.getHeader('cache-control');
    if (own === undefined) void reply.header('cache-control', 'no-store');
    if (own === undefined || String(own).includes('no-store')) void reply.header('pragma', 'no-cache');
    return payload;
  });
}
