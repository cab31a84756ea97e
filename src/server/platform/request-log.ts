/**
 * What a request log line may say. Fastify logs each request's URL; MộtCửa's query strings carry personal data
 * (a search by name, ID or phone number; the public lookup's verification digits), so the logged URL is the path
 * alone and the remote address is kept for operations. Bodies and headers are never logged.
 */
import type { FastifyRequest } from 'fastify';

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
