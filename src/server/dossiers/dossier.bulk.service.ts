/**
 * Bulk actions for leaders (issue 12): assign or approve many dossiers at once. Each item is its own transaction
 * running the same single action (POST /api/dossiers/:code/actions): one refused item (another commune's, a
 * status that forbids it, a lost race) changes nothing of its own and stops none of the others, and the answer
 * gives every item its result. One transaction for all would turn one stale row into a failed batch that the
 * leader must redo by hand.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { can } from '../accounts/policy.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { applyAction } from './dossier.action.service.ts';
import type { TBulkActionRequest } from './dossier.schemas.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';

/**
 * One item's result, by its position in the request. An item's code is repeated only once it succeeded: a code of
 * another commune is answered exactly like one that does not exist (the answer names nothing beyond the scope).
 */
export interface BulkItemResult {
  index: number;
  code?: string;
  ok: boolean;
  status?: DossierStatus;
  error?: { code: string; message: string };
}

export interface BulkContext {
  now: number;
  ip?: string;
  /** The localised message of a refused item. */
  message: (e: AppError) => string;
}

export async function applyBulk(
  db: Kysely<Database>,
  actor: Actor,
  req: TBulkActionRequest,
  ctx: BulkContext,
): Promise<BulkItemResult[]> {
  // Only who may decide in their own commune may send a batch at all (403 for the others, audited as any refusal).
  if (!can(actor, 'dossier.decide', { provinceCode: actor.provinceCode, unitCode: actor.unitCode })) {
    await auditRefusal(db, actor, '*', req.type, ctx);
    throw new AppError('FORBIDDEN', { details: { action: 'dossier.decide' } });
  }
  const results: BulkItemResult[] = [];
  const seen = new Set<string>();
  for (const [index, code] of req.codes.entries()) {
    if (seen.has(code)) continue; // a repeated code is one item
    seen.add(code);
    try {
      const row = await db
        .transaction()
        .execute((trx) =>
          applyAction(
            trx,
            actor,
            code,
            { type: req.type, assignee: req.assignee, note: req.note },
            { now: ctx.now },
          ),
        );
      results.push({ index, code, ok: true, status: row.status as DossierStatus });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'FORBIDDEN') await auditRefusal(db, actor, code, req.type, ctx);
      const shown =
        e.code === 'NOT_FOUND' ? new AppError('NOT_FOUND', { params: { resource: 'dossier' } }) : e;
      results.push({ index, ok: false, error: { code: e.code, message: ctx.message(shown) } });
    }
  }
  return results;
}

/** A refused item of a batch is a refused privileged attempt: recorded in its own transaction. */
async function auditRefusal(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  type: string,
  ctx: BulkContext,
): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: 'dossier.bulk_refused',
        targetType: 'dossier',
        targetId: code,
        unitCode: actor.unitCode,
        provinceCode: actor.provinceCode,
        ip: ctx.ip ?? null,
        details: { type },
      },
      ctx.now,
    ),
  );
}
