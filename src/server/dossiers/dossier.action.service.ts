import type { Kysely } from 'kysely';
import {
  assertExtensionAllowed,
  classifyResolution,
  isExtensionNoticeTimely,
  type DeadlineLimit,
  type WorkingCalendar,
} from '../../shared/calendar/index.ts';
import { allowedActions, ENDING, nextStatus, type ActionType } from '../../shared/dossier/lifecycle.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';
import type { Actor } from '../accounts/roles.ts';
import { authorize } from '../accounts/policy.ts';
import { DOSSIER_ACTION_POLICY } from './dossier.policy.ts';
import { scopeOrSystem } from '../accounts/scope.ts';
import { applyLoggedAction, illegalTransition, type LoggedLifecycle } from '../audit/action-log.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError, calendarAt, notFound, requireField, ruleViolation } from '../platform/app-error.ts';
import { boundedInstantField, oneYearAfter } from '../platform/validation.ts';
import * as repo from './dossier.repository.ts';
import type { TActionRequest } from './dossier.schemas.ts';
import type { DossierRow, DossierUpdate } from './dossier.table.ts';
import { pickAssignee } from './dossier.assign.service.ts';
import { counterMaySign, type RoutingRule } from '../../shared/dossier/routing.ts';
import { routingOf } from '../procedures/procedure-routing.service.ts';
import { issuerName, officerOnDuty, ONE_STOP_DEPARTMENT, type OfficerOnDuty } from './dossier.duty.ts';
import { CORRECTION_WINDOW, SUPPLEMENT_REQUEST_WINDOW } from './dossier.rules.ts';
import { notifyOnAction } from './dossier.notices.ts';

type Db = Kysely<Database>;

interface EffectContext {
  trx: Db;
  actor: Actor | null;
  d: DossierRow;
  req: TActionRequest;
  now: number;
  calendar: WorkingCalendar;
  data: Record<string, unknown>;
}

interface Effect {
  patch?: DossierUpdate;
  payload?: Record<string, unknown>;
}

const limitOf = (d: DossierRow): DeadlineLimit => ({
  value: d.limit_value,
  unit: d.limit_unit as DeadlineLimit['unit'],
  cutoff: d.limit_cutoff ?? undefined,
});

/** What each action does besides moving the status. Dates come from the province's calendar. */
const EFFECTS: Record<ActionType, (c: EffectContext) => Promise<Effect> | Effect> = {
  async accept_online({ trx, d, now, calendar }) {
    const due = calendar.due(now, limitOf(d));
    await repo.insertDue(trx, d.id, d.unit_code, now, due, 'receipt');
    return { patch: { received_at: now, due_at: due } };
  },
  request_correction: ({ req }) => (
    requireField(req.missing, 'missing'),
    { payload: { missing: req.missing } }
  ),
  refuse_online: ({ req }) => (requireField(req.reason, 'reason'), { payload: { reason: req.reason } }),
  async assign({ trx, d, req, now }) {
    const assignee = await pickAssignee(trx, d, req.assignee, now);
    return {
      patch: { assignee_id: assignee.id },
      payload: { assignee: assignee.username, auto: !req.assignee },
    };
  },
  async request_supplement({ trx, d, req, now, calendar }) {
    requireField(req.missing, 'missing');
    const deadline = calendar.due(d.received_at!, SUPPLEMENT_REQUEST_WINDOW);
    if (now > deadline) throw ruleViolation('supplement.window_passed', { deadline });
    // Missing components are requested once and completely (Decree 118/2025 Art. 19): never a second request.
    if (await repo.hasSuspension(trx, d.id)) throw ruleViolation('supplement.once');
    await repo.openSuspension(trx, d.id, d.unit_code, now);
    return { patch: { clock_stopped_at: now }, payload: { missing: req.missing } };
  },
  async receive_supplement({ trx, d, now, calendar }) {
    await repo.closeSuspension(trx, d.id, now);
    const due = calendar.due(now, limitOf(d)); // D6: full limit from the complete supplement
    await repo.changeDue(trx, d, now, due, 'supplement_received');
    return { patch: { clock_stopped_at: null, due_at: due }, payload: { dueAt: due } };
  },
  transfer({ req, now, calendar, data }) {
    requireField(req.agency, 'agency');
    const limit = req.agencyLimit;
    const dueAt = limit ? calendarAt('agencyLimit', () => calendar.due(now, limit)) : null;
    const transfers = [
      ...((data.transfers as unknown[]) ?? []),
      { agency: req.agency, role: 'participant', sentAt: now, dueAt },
    ];
    return {
      patch: { data: JSON.stringify({ ...data, transfers }) },
      payload: { agency: req.agency, dueAt },
    };
  },
  transfer_result: ({ req, data }) => {
    if (!Array.isArray(data.transfers) || data.transfers.length === 0) throw ruleViolation('transfer.none');
    requireField(req.agency, 'agency');
    return { payload: { agency: req.agency } };
  },
  async counter_submit({ trx, d }) {
    await counterRoute(trx, d);
    return { payload: { route: 'counter' } };
  },
  async counter_resolve({ trx, d }) {
    const rule = await counterRoute(trx, d);
    // The Chairman's authorisation lets the counter officer sign (Decree 23/2015 Art. 5 §2, Decree 280/2025).
    if (!rule.counterSigns || !counterMaySign(d.field)) throw ruleViolation('routing.counter_not_authorised');
    return { payload: { outcome: 'approved', route: 'counter', authorisationRef: rule.authorisationRef } };
  },
  submit_for_approval: () => ({}),
  send_back: () => ({}),
  approve: () => ({ payload: { outcome: 'approved' } }),
  refuse: ({ req }) => (
    requireField(req.reason, 'reason'),
    { payload: { outcome: 'refused', reason: req.reason } }
  ),
  async extend({ trx, d, req, now, calendar }) {
    requireField(req.newDueAt, 'newDueAt');
    requireField(req.reason, 'reason');
    // At most one year past the current due (a typo such as 2062 for 2026 is refused, not recorded).
    const newDue = boundedInstantField(req.newDueAt!, 'newDueAt', {
      max: oneYearAfter(d.due_at!),
      message: '@extension.tooFar',
    });
    if (d.extension_count >= 1)
      throw new AppError('EXTENSION_ALREADY_USED', { details: { extensionCount: d.extension_count } });
    if (!isExtensionNoticeTimely(calendar, now, d.due_at!))
      throw ruleViolation('extension.too_late', { dueAt: d.due_at });
    assertExtensionAllowed(d.extension_count, d.due_at!, newDue, now);
    await repo.changeDue(trx, d, now, newDue, 'extended');
    return {
      patch: { due_at: newDue, extension_count: d.extension_count + 1 },
      payload: { newDueAt: newDue, previousDueAt: d.due_at, reason: req.reason },
    };
  },
  stop: ({ req }) => (
    requireField(req.reason, 'reason'),
    { payload: { reason: req.reason, stopKind: req.stopKind ?? 'other' } }
  ),
  // Issued by the one-stop department and its officer on duty for the dossier (dossier.duty.ts), not the system.
  async auto_return({ trx, d }) {
    const onDuty = officerOnDuty(await repo.listActions(trx, d));
    return {
      payload: {
        reason: 'supplement_not_received',
        issuer: ONE_STOP_DEPARTMENT,
        onDuty: onDuty?.name ?? null,
        onDutyId: onDuty?.id ?? null,
      },
    };
  },
  withdraw: ({ req }) => ({ payload: { reason: req.reason ?? null } }),
  async deliver({ trx, d, req, now }) {
    // The applicant's rating, when they give one at the counter (Decision 766 indicator 5.4).
    if (req.rating !== undefined)
      await repo.insertRating(
        trx,
        d,
        { source: 'counter', rating: req.rating, comment: req.ratingComment ?? null },
        now,
      );
    return {
      patch: { delivered_at: now },
      payload: {
        method: req.deliveryMethod ?? 'counter',
        ...(req.rating !== undefined ? { rating: req.rating } : {}),
      },
    };
  },
  correct_result({ req, now, calendar, data }) {
    requireField(req.note, 'note');
    const corrections = [
      ...((data.corrections as unknown[]) ?? []),
      { at: now, note: req.note, dueBy: calendar.due(now, CORRECTION_WINDOW) },
    ];
    return { patch: { data: JSON.stringify({ ...data, corrections }) } };
  },
};

/** The commune's routing rule for the dossier's procedure, which must be the counter route. */
async function counterRoute(trx: Db, d: DossierRow): Promise<RoutingRule> {
  const rule = await routingOf(
    trx,
    { provinceCode: d.province_code, unitCode: d.unit_code },
    d.procedure_code,
  );
  if (rule.mode !== 'counter') throw ruleViolation('routing.not_counter');
  return rule;
}

const onDutyOf = (p: Record<string, unknown>): OfficerOnDuty | null =>
  typeof p.onDuty === 'string'
    ? { id: typeof p.onDutyId === 'string' ? p.onDutyId : null, name: p.onDuty }
    : null;

/** The fields that end a dossier (DOMAIN.md §4), judged against the effective due at the end. */
async function endingPatch(
  trx: Db,
  d: DossierRow,
  type: ActionType,
  now: number,
  offset: number,
): Promise<DossierUpdate> {
  const endKind = ENDING[type];
  if (!endKind) return {};
  if (d.clock_stopped_at !== null) await repo.closeSuspension(trx, d.id, now);
  const patch: DossierUpdate = { ended_at: now, end_kind: endKind, clock_stopped_at: null };
  if (endKind === 'resolved' && d.due_at !== null) {
    patch.outcome = type === 'refuse' ? 'refused' : 'approved';
    patch.resolution = classifyResolution(now, d.due_at, offset);
    patch.resolution_due_at = d.due_at;
  }
  return patch;
}

export interface ApplyOptions {
  now: number;
  /** System actions (auto_return) run without a person. */
  system?: boolean;
}

/** The dossier lifecycle's parts for the shared skeleton (audit/action-log.ts). */
function dossierLifecycle(opts: ApplyOptions): LoggedLifecycle<DossierRow, TActionRequest> {
  return {
    kind: 'dossier',
    async load(trx, actor, code) {
      // The system (automatic return) acts on every commune's dossiers.
      const d = await repo.findDossierByCode(trx, code, scopeOrSystem(actor));
      if (!d) throw notFound('dossier', code);
      return d;
    },
    authorise(actor, d, req) {
      if (actor)
        authorize(actor, DOSSIER_ACTION_POLICY[req.type], {
          provinceCode: d.province_code,
          unitCode: d.unit_code,
        });
      else if (!opts.system) throw new AppError('UNAUTHENTICATED');
    },
    transition(d, req) {
      const from = d.status as DossierStatus;
      const to = nextStatus(from, req.type);
      if (!to || (req.type === 'auto_return' && !opts.system))
        throw illegalTransition(req.type, from, allowedActions(from));
      return to;
    },
    async effect(trx, actor, d, req, now) {
      const calendar = await loadCalendar(trx, d.province_code);
      const data = JSON.parse(d.data) as Record<string, unknown>;
      // A CalendarError (e.g. an extension not later than the due) reaches the error handler as a 400.
      const effect: Effect = await EFFECTS[req.type]({ trx, actor, d, req, now, calendar, data });
      // The notices it causes are queued in this transaction: an action rolled back notifies nobody.
      await notifyOnAction(trx, actor, req.type, {
        d,
        patch: effect.patch ?? {},
        payload: { ...effect.payload, ...(req.reason ? { reason: req.reason } : {}) },
        now,
      });
      return {
        patch: { ...effect.patch, ...(await endingPatch(trx, d, req.type, now, calendar.utcOffsetMinutes)) },
        payload: { ...effect.payload, ...(req.note ? { note: req.note } : {}) },
      };
    },
    async append(trx, actor, d, e) {
      await repo.insertAction(trx, {
        dossier_id: d.id,
        seq: d.action_count + 1,
        type: e.type,
        at: e.at,
        actor_id: actor?.id ?? null,
        // No person acted (actor_id null): the log names the one-stop department and its officer on duty.
        actor_name:
          actor?.displayName ?? (e.type === 'auto_return' ? issuerName(onDutyOf(e.payload)) : 'MộtCửa'),
        from_status: e.from,
        to_status: e.to,
        payload: JSON.stringify(e.payload),
      });
    },
    update: (trx, d, patch, now) =>
      repo.updateDossier(
        trx,
        d.id,
        d.action_count,
        { ...(patch as DossierUpdate), action_count: d.action_count + 1, updated_at: now },
        d,
      ),
    reload: async (trx, d) => (await repo.findDossierByCode(trx, d.code, EVERY_TENANT))!,
    targetId: (d) => d.code,
  };
}

/**
 * Applies one action on the shared skeleton: checks who may, checks the transition (409 listing the allowed
 * actions), runs its effect, appends the action row, updates the denormalised dossier row and writes the audit
 * entry — all in `trx`.
 */
export function applyAction(
  trx: Db,
  actor: Actor | null,
  code: string,
  req: TActionRequest,
  opts: ApplyOptions,
): Promise<DossierRow> {
  return applyLoggedAction(dossierLifecycle(opts), trx, actor, code, req, opts.now);
}
