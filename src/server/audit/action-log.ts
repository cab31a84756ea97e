/**
 * The append-only action logs of dossiers, petitions and tasks (dossier_actions, petition_actions,
 * task_actions) share one row shape and one API shape; each write is an optimistic update guarded by the row's
 * action count.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from './audit.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';

export interface ActionLogRow {
  seq: number;
  type: string;
  at: number;
  actor_name: string | null;
  from_status: string | null;
  to_status: string;
  payload: string; // JSON
}

export const ZActionLogEntry = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type TActionLogEntry = z.infer<typeof ZActionLogEntry>;

export function presentActionLog(rows: readonly ActionLogRow[]): TActionLogEntry[] {
  return rows.map((a) => ({
    seq: a.seq,
    type: a.type,
    at: formatInstant(a.at),
    actor: a.actor_name,
    fromStatus: a.from_status,
    toStatus: a.to_status,
    payload: JSON.parse(a.payload) as Record<string, unknown>,
  }));
}

/** After an update guarded by the action count: 409 CONFLICT when someone else acted meanwhile. */
export function assertNotChangedMeanwhile(result: { numUpdatedRows: bigint }, what: string): void {
  if (Number(result.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT', { params: { reason: `the ${what} changed meanwhile; reload and retry` } });
}

/** 409 for an action the current status does not allow, with the actions it does allow. */
export function illegalTransition(
  action: string,
  status: string,
  allowedActions: readonly string[],
): AppError {
  return new AppError('ILLEGAL_TRANSITION', {
    params: { action, status },
    details: { status, action, allowedActions },
  });
}

/** The audit entry of one action on a dossier, petition or task: `<kind>.<action>`, from → to. */
export async function auditTransition(
  trx: Kysely<Database>,
  actor: Actor | null,
  e: {
    kind: 'dossier' | 'petition' | 'task';
    action: string;
    targetId: string;
    unitCode: string;
    provinceCode: string;
    from: string;
    to: string;
  },
  now: number,
): Promise<void> {
  await appendAudit(
    trx,
    {
      actor,
      action: `${e.kind}.${e.action}`,
      targetType: e.kind,
      targetId: e.targetId,
      unitCode: e.unitCode,
      provinceCode: e.provinceCode,
      details: { from: e.from, to: e.to },
    },
    now,
  );
}

/** What every lifecycle row has: tenant keys, a status and the action count of the optimistic update. */
export interface LoggedRow {
  province_code: string;
  unit_code: string;
  status: string;
  action_count: number;
}

/** One action as its log row records it. */
export interface LogEntry {
  type: string;
  at: number;
  from: string;
  to: string;
  payload: Record<string, unknown>;
}

/**
 * The parts of one lifecycle (dossiers, petitions, tasks) that `applyLoggedAction` puts together. A fourth
 * lifecycle writes these and gets loading, authorisation, the transition check, the log, the optimistic update
 * and the audit in the same order as the others.
 */
export interface LoggedLifecycle<Row extends LoggedRow, Req extends { type: string }> {
  kind: 'dossier' | 'petition' | 'task';
  /** The row inside the actor's scope (null: the system, every tenant), or 404. */
  load(trx: Kysely<Database>, actor: Actor | null, key: string): Promise<Row>;
  /** 403 unless the actor (null: the system) may take this action on this row. */
  authorise(actor: Actor | null, row: Row, req: Req): void;
  /** The status after the action, or 409 ILLEGAL_TRANSITION (illegalTransition) when the status forbids it. */
  transition(row: Row, req: Req): string;
  /** The action's effect: the row's new values and the log payload (it may compute dues, write side rows). */
  effect(
    trx: Kysely<Database>,
    actor: Actor | null,
    row: Row,
    req: Req,
    now: number,
  ): Promise<{ patch: object; payload: Record<string, unknown> }>;
  /** Appends the action to the row's log. */
  append(trx: Kysely<Database>, actor: Actor | null, row: Row, entry: LogEntry): Promise<void>;
  /** Writes the patch only if the row still has the action count read (and counts one more); false otherwise. */
  update(trx: Kysely<Database>, row: Row, patch: object, now: number): Promise<boolean>;
  /** The row as it is after the action. */
  reload(trx: Kysely<Database>, row: Row): Promise<Row>;
  /** Its id in the audit log (the code a person reads). */
  targetId(row: Row): string;
}

/**
 * One action on a dossier, petition or task, inside the caller's transaction: load (scoped) → authorise → check
 * the transition → run the effect → append the action row → optimistic update (409 CONFLICT when someone acted
 * meanwhile) → audit entry with the request's instant. Returns the row after the action.
 */
export async function applyLoggedAction<Row extends LoggedRow, Req extends { type: string }>(
  lifecycle: LoggedLifecycle<Row, Req>,
  trx: Kysely<Database>,
  actor: Actor | null,
  key: string,
  req: Req,
  now: number,
): Promise<Row> {
  const row = await lifecycle.load(trx, actor, key);
  lifecycle.authorise(actor, row, req);
  const from = row.status;
  const to = lifecycle.transition(row, req);
  const { patch, payload } = await lifecycle.effect(trx, actor, row, req, now);
  await lifecycle.append(trx, actor, row, { type: req.type, at: now, from, to, payload });
  const updated = await lifecycle.update(trx, row, { ...patch, status: to }, now);
  if (!updated)
    throw new AppError('CONFLICT', {
      params: { reason: `the ${lifecycle.kind} changed meanwhile; reload and retry` },
    });
  const tenant = { unitCode: row.unit_code, provinceCode: row.province_code };
  await auditTransition(
    trx,
    actor,
    { kind: lifecycle.kind, action: req.type, targetId: lifecycle.targetId(row), ...tenant, from, to },
    now,
  );
  return lifecycle.reload(trx, row);
}
