import type { FastifyInstance } from 'fastify';
import { invalidField } from './app-error.ts';

/** Deep enough for every body the API takes; deeper input is refused by its schema anyway. */
const MAX_DEPTH = 32;

/**
 * The path of the first string (value or key) holding U+0000 in a parsed input, or null. PostgreSQL's text cannot
 * store or compare that character at all (the query fails), and no field of the API needs it.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value) || depth > MAX_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNul(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a NUL character anywhere in a request's path parameters, query or parsed body with a 400 naming the
 * field, before validation and the database see it (on PostgreSQL it was a 500). Installed once on the root app.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, querystring: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const path = findNul(value);
      if (path) throw invalidField(path.join('.') || `(${part})`, 'text.nul', '@rule.noNul');
    }
  });
}
