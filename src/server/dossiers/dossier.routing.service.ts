/** Work that flows (issue 12 item 3): auto-assignment after intake and reassignment of officers on leave. */
import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/roles.ts';
import { authorize } from '../accounts/policy.ts';
import { staffOfUnit } from '../accounts/account.repository.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../platform/app-error.ts';
import { routingOf } from '../procedures/procedure-routing.service.ts';
import { applyAction, type ApplyOptions } from './dossier.action.service.ts';
import { onLeave, pickAssignee } from './dossier.assign.service.ts';
import * as repo from './dossier.repository.ts';
import type { TActionRequest } from './dossier.schemas.ts';
import type { DossierRow } from './dossier.table.ts';

type Db = Kysely<Database>;

/**
 * After a counter receipt: when the commune's rule for the procedure is `auto_assign`, the least-loaded qualified
 * specialist not on leave is assigned at once, as an `assign` action of the system in the dossier's log. With no
 * such specialist the dossier waits for the leader, as under `leader_assigns`.
 */
export async function routeAfterIntake(trx: Db, d: DossierRow, now: number): Promise<DossierRow> {
  const commune = { provinceCode: d.province_code, unitCode: d.unit_code };
  if ((await routingOf(trx, commune, d.procedure_code)).mode !== 'auto_assign') return d;
  const assignee = await pickAssignee(trx, d, undefined, now).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'RULE_VIOLATION') return null;
    throw e;
  });
  if (!assignee) return d;
  return applyAction(
    trx,
    null,
    d.code,
    { type: 'assign', assignee: assignee.username },
    { now, system: true },
  );
}

/**
 * One action as POST /api/dossiers/:code/actions applies it: accepting an online submission is a receipt like a
 * counter intake, so the commune's routing rule applies to it exactly as it does after `intake` (auto-assign, the
 * counter route, or the leader assigns) — in the same transaction, at the same instant. A submission whose
 * procedure is forwarded to its competent agency (data.competence.route `forward`) is not routed here.
 */
export async function applyActionRouted(
  trx: Db,
  actor: Actor | null,
  code: string,
  req: TActionRequest,
  opts: ApplyOptions,
): Promise<DossierRow> {
  const d = await applyAction(trx, actor, code, req, opts);
  if (req.type !== 'accept_online') return d;
  const competence = (JSON.parse(d.data) as { competence?: { route?: string } }).competence;
  return competence?.route === 'forward' ? d : routeAfterIntake(trx, d, opts.now);
}

export interface Reassignment {
  code: string;
  from: string;
  to: string | null;
}

/**
 * The leader's "reassign absent": every open dossier of the commune assigned to an officer on leave today goes to
 * the least-loaded qualified specialist present (an `assign` action each, by the leader). A dossier nobody present
 * may take stays, reported with `to: null`. One transaction (the caller's).
 */
export async function reassignAbsent(
  trx: Db,
  actor: Actor,
  commune: { provinceCode: string; unitCode: string },
  now: number,
): Promise<Reassignment[]> {
  authorize(actor, 'staff.reassign', commune);
  const scope = { kind: 'unit' as const, ...commune };
  const absent = (await staffOfUnit(trx, scope)).filter((u) => onLeave(u, now));
  const out: Reassignment[] = [];
  for (const officer of absent) {
    for (const d of await repo.openDossiersOf(trx, scope, officer.id)) {
      const to = await pickAssignee(trx, d, undefined, now).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'RULE_VIOLATION') return null;
        throw e;
      });
      if (to) await applyAction(trx, actor, d.code, { type: 'assign', assignee: to.username }, { now });
      out.push({ code: d.code, from: officer.username, to: to?.username ?? null });
    }
  }
  return out;
}
