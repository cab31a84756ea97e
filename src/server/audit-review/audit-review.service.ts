/**
 * Reading the audit log (docs/SECURITY.md "Reading the audit log"): one page of the entries the reader may see,
 * filtered, newest first. Every read is itself an entry (`audit.read`, with its filters), and so is every refusal
 * (`audit.read_refused`, written by the route in a transaction of its own).
 */
import type { Kysely } from 'kysely';
import { parseInstant } from '../../shared/calendar/index.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { findAuditEntries } from '../audit/audit.repository.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import { DAY_MS } from '../platform/period.ts';
import { mayReadAudit } from './audit-review.policy.ts';
import type { TAuditQuery } from './audit-review.schemas.ts';

type Db = Kysely<Database>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of the period, ms: a date is its day's start (or, for `to`, the next day's), an instant itself. */
function bound(value: string | undefined, path: 'from' | 'to'): number | undefined {
  if (value === undefined) return undefined;
  let ms: number;
  try {
    ms = parseInstant(value);
  } catch {
    throw invalidField(path, 'audit.when', '@audit.when');
  }
  if (path === 'to') return DATE_RE.test(value) ? ms + DAY_MS : ms + 1;
  return ms;
}

/** 403 unless the actor may read the audit log (the route audits the refusal). */
export class AuditReadRefused extends AppError {
  constructor() {
    super('FORBIDDEN', { details: { action: 'audit.read' } });
  }
}

/** One page of the log inside the reader's scope; the read is audited in the reader's chain. */
export async function readAuditLog(trx: Db, reader: Actor, q: TAuditQuery, ip: string, now: number) {
  if (!mayReadAudit(reader)) throw new AuditReadRefused();
  const from = bound(q.from, 'from');
  const to = bound(q.to, 'to');
  if (from !== undefined && to !== undefined && from >= to)
    throw invalidField('from', 'after_to', '@period.fromAfterTo');
  const scope = scopeOf(reader);
  const rows = await findAuditEntries(trx, {
    scope,
    from,
    to,
    actor: q.actor,
    action: q.action,
    target: q.target,
    unit: q.unit,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, q.limit, (r) => ({ at: Number(r.at), id: r.hash }));
  const filters = Object.fromEntries(
    Object.entries({ ...q, cursor: q.cursor ? 'next' : undefined }).filter(([, v]) => v !== undefined),
  );
  // The read goes to the chain of what was read: an inspector's province; an admin's, the province it filtered
  // on, else the system's.
  const provinceCode = scope.kind === 'all' ? (q.unit?.length === 2 ? q.unit : null) : reader.provinceCode;
  await appendAudit(
    trx,
    {
      actor: reader,
      action: 'audit.read',
      targetType: 'audit_log',
      targetId: provinceCode ?? '*',
      provinceCode,
      ip,
      details: { filters, entries: page.length },
    },
    now,
  );
  return { page, nextCursor };
}

/** Writes `audit.read_refused` (who tried) in a transaction of its own. */
export async function auditRefusedRead(db: Db, actor: Actor, ip: string, now: number): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: 'audit.read_refused',
        targetType: 'audit_log',
        targetId: actor.provinceCode,
        provinceCode: actor.provinceCode,
        unitCode: actor.unitCode,
        ip,
      },
      now,
    ),
  );
}
