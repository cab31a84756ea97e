import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The app's Content-Security-Policy: scripts and styles from the server's own files only, never inline (the web
 * app has no inline script, style element or style attribute; see web.routes.test.ts). A commune PC serves the
 * others over plain HTTP on the LAN, so requests are never upgraded to https.
 */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'style-src': ["'self'"],
      'script-src': ["'self'"],
      // Printing a document in place loads its PDF, fetched as a blob:, in a hidden frame (web lib/ui.js printInPlace).
      'frame-src': ["'self'", 'blob:'],
      'upgrade-insecure-requests': null,
    },
  },
  // Only over TLS: a browser that saw HSTS on a plain-HTTP LAN server would refuse it afterwards (installSecurityHeaders).
  strictTransportSecurity: false,
};

/**
 * The API docs page (swagger-ui at /api/docs) only: swagger-ui sets style attributes as it renders, so styles may be
 * inline there; its scripts are still files. Given to @fastify/swagger-ui as `staticCSP`, scoped to its routes.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** HSTS (one year) on answers to requests that came over TLS, directly or through a trusted proxy (MOTCUA_TRUST_PROXY). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Helmet's headers for these options, computed once: with no directive computed per request (no nonce, no function)
 * they are the same for every answer. @fastify/helmet built the helmet middleware again on every request (its
 * options parsed, the CSP text joined) through two hooks; the same headers are now set from this list.
 */
export function helmetHeaders(
  options: FastifyHelmetOptions = HELMET_OPTIONS,
): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: unknown) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => undefined, // X-Powered-By: Node never sets it
  };
  // the same options as @fastify/helmet's (its types are a copy of helmet's, hence the cast)
  helmet(options as unknown as HelmetOptions)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    // on the raw response, as helmet did: a route's own value (the API docs' CSP) still wins
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    // request.protocol is 'https' for a TLS socket, or from X-Forwarded-Proto only when the proxy is trusted.
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done();
  });
}
