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
