/**
 * What a request log line may say. Fastify logs each request's URL; MộtCửa's query strings carry personal data
 * (a search by name, ID or phone number; the public lookup's verification digits), so the logged URL is the path
 * alone and the remote address is kept for operations. Bodies and headers are never logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type LoggedRequest = Record<string, unknown> & {
  method: string;
  url: string;
  remoteAddress: string;
};

/** The path of a request URL without its query string or fragment. */
export const pathOnly = (url: string): string => url.replace(/[?#].*$/s, '');

export function serializeRequest(request: FastifyRequest): LoggedRequest {
  return { method: request.method, url: pathOnly(request.url), remoteAddress: request.ip };
}

/**
 * One info line per request, when it is answered (Fastify's own logging writes two: "incoming request" and
 * "request completed", each a JSON line to format and write on the event loop). The line carries what both did:
 * method, path, address, status and time. Security events keep their own lines (sign-ins, refusals, audits).
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: request,
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}
