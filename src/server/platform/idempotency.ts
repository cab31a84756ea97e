import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { z } from 'zod';
import { AppError } from './app-error.ts';
import type { Write } from './group-commit.ts';

/** Runs a write in a transaction: its own by default, or a group commit's batch (platform/group-commit.ts). */
export type TransactionRunner = <T>(write: Write<T>) => Promise<T>;

export const ZIdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retrying with the same key returns the same result'),
});

export interface StoredResponse {
  status: number;
  body: unknown;
}

export const requestHash = (parts: unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** A stored response for this key, or undefined; the same key with a different request is 409. */
export async function findIdempotent(
  db: Kysely<Database>,
  key: string,
  hash: string,
): Promise<StoredResponse | undefined> {
  const row = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { status: row.response_status, body: JSON.parse(row.response_body) };
}

/** Stored in the same transaction as the write it answers: both commit, or neither. */
export async function storeIdempotent(
  db: Kysely<Database>,
  key: string,
  hash: string,
  response: StoredResponse,
  now: number,
) {
  await db
    .insertInto('idempotency_keys')
    .values({
      key,
      request_hash: hash,
      response_status: response.status,
      response_body: JSON.stringify(response.body),
      created_at: now,
    })
    .execute();
}

/** Deletes the keys stored before `before`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, before: number): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Unique-key violations on either engine (a concurrent retry with the same key won the race). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' ||
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/**
 * Runs a write once per (owner, Idempotency-Key): a retry over a bad link gets the stored response, never a
 * second dossier. The stored response is written in the same transaction as the change (`inTransaction`: the
 * write's own, or its group commit batch — then a concurrent retry with the same key in the same batch fails on
 * the key's uniqueness in its savepoint and is answered with the stored response once the batch has committed).
 */
export async function idempotent(
  db: Kysely<Database>,
  request: FastifyRequest,
  owner: string,
  write: (trx: Kysely<Database>) => Promise<StoredResponse>,
  inTransaction: TransactionRunner = (w) => db.transaction().execute(w),
): Promise<StoredResponse> {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' && header ? `${owner}:${header}` : undefined;
  const hash = requestHash([request.method, request.url, request.body]);
  if (key) {
    const stored = await findIdempotent(db, key, hash);
    if (stored) return stored;
  }
  try {
    return await inTransaction(async (trx) => {
      const response = await write(trx);
      if (key) await storeIdempotent(trx, key, hash, response, request.server.clock.now());
      return response;
    });
  } catch (e) {
    if (key && isUniqueViolation(e)) {
      const stored = await findIdempotent(db, key, hash);
      if (stored) return stored;
    }
    throw e;
  }
}
