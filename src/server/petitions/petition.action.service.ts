/**
 * The actions on a lodged petition (accept, reject, request_info, receive_info, extend, resolve, publish,
 * withdraw), each run by the shared skeleton `applyLoggedAction` (audit/action-log.ts): appended to the
 * petition's log and applied with its row and the audit entry in one transaction.
 */
import type { Kysely } from 'kysely';
import type { DeadlineLimit } from '../../shared/calendar/index.ts';
import {
  CONCLUSIONS,
  allowedPetitionActions,
  maxExtensions,
  nextPetitionStatus,
  resolutionLimit,
  type PetitionAction,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import { authorize } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOrSystem } from '../accounts/scope.ts';
import { applyLoggedAction, illegalTransition, type LoggedLifecycle } from '../audit/action-log.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { invalidField, notFound, requireField, ruleViolation } from '../platform/app-error.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import { PETITION_ACTION_POLICY } from './petition.policy.ts';
import { findPetitionByCode, insertPetitionAction, updatePetition } from './petition.repository.ts';
import { caseOf, complexityInput, complexityOf, loadPetitionRules } from './petition.rules.ts';
import type { TPetitionActionRequest } from './petition.schemas.ts';
import type { PetitionRow, PetitionUpdate } from './petition.table.ts';

interface EffectInput {
  p: PetitionRow;
  req: TPetitionActionRequest;
  now: number;
  rules: PetitionRules;
  due: (from: number, limit: DeadlineLimit) => number;
}

type Effect = { patch: PetitionUpdate; payload: Record<string, unknown> };

/** What each action changes besides the status; `payload` goes to the log. */
const EFFECTS: Record<PetitionAction, (e: EffectInput) => Effect> = {
  request_info: ({ p, req, now }) => {
    requireField(req.missing, 'missing');
    return { patch: {}, payload: { missing: req.missing, late: p.info_by !== null && now > p.info_by } };
  },
  receive_info: () => ({ patch: {}, payload: {} }),
  accept: ({ p, req, now, rules, due }) => {
    const complex =
      req.complex === undefined && req.complexity === undefined
        ? p.complex
        : complexityInput(p.kind, { complex: req.complex, complexity: req.complexity });
    const remote = req.remote ?? p.remote === 1;
    const c = { ...caseOf(p), complexity: complexityOf(complex), remote };
    const dueAt = due(now, resolutionLimit(rules, c));
    return {
      patch: { accepted_at: now, due_at: dueAt, complex, remote: remote ? 1 : 0 },
      payload: { dueAt, late: now > p.respond_by },
    };
  },
  reject: ({ p, req, now, rules, due }) => {
    requireField(req.reason, 'reason');
    // A denunciation outside the commune's competence is forwarded within 5 working days (Art. 24.2).
    const forwarded = p.kind === 'denunciation' && req.forwardedTo !== undefined;
    const by = forwarded ? due(p.received_at, rules.denunciation.forward) : p.respond_by;
    return {
      patch: { ended_at: now },
      payload: {
        reason: req.reason,
        ...(forwarded ? { forwardedTo: req.forwardedTo, forwardBy: by } : {}),
        late: now > by,
      },
    };
  },
  extend: ({ p, req, rules, due }) => {
    requireField(req.reason, 'reason');
    // Each extension is a written decision (Decree 31/2019 Art. 3): its number and date are recorded.
    requireField(req.decision, 'decision');
    const max = maxExtensions(rules, caseOf(p));
    if (p.extension_count >= max)
      throw ruleViolation(max === 0 ? 'petition.extension_not_allowed' : 'petition.extensions_used', {
        extensionCount: p.extension_count,
        max,
      });
    // Counted from the current due's own day (a due is the end of a working day, where D1 would move the start
    // to the next working period and add a day).
    const dueAt = due(p.due_at! - 60_000, rules.denunciation.extension);
    return {
      patch: { due_at: dueAt, extension_count: p.extension_count + 1 },
      payload: { reason: req.reason, decision: req.decision, previousDueAt: p.due_at, dueAt },
    };
  },
  resolve: ({ p, req, now, rules, due }) => {
    requireField(req.conclusion, 'conclusion');
    requireField(req.result, 'result');
    if (!CONCLUSIONS[p.kind as PetitionKind].includes(req.conclusion!))
      throw invalidField('conclusion', 'petition.conclusion', '@petition.conclusion');
    const publishBy = p.kind === 'feedback' ? due(now, rules.feedback.publish) : null;
    return {
      patch: { ended_at: now, conclusion: req.conclusion, result: req.result, publish_by: publishBy },
      payload: { conclusion: req.conclusion, late: p.due_at !== null && now > p.due_at },
    };
  },
  publish: ({ p, now }) => {
    if (p.published_at !== null) throw ruleViolation('petition.already_published');
    return { patch: { published_at: now }, payload: { late: p.publish_by !== null && now > p.publish_by } };
  },
  withdraw: ({ now }) => ({ patch: { ended_at: now }, payload: {} }),
};

/** Petitions as one of the logged lifecycles: their table, policy, transition table and effects. */
export const PETITION_LIFECYCLE: LoggedLifecycle<PetitionRow, TPetitionActionRequest> = {
  kind: 'petition',
  async load(trx, actor, code) {
    // The system (no actor) acts on every commune's petitions; an officer finds only those of their scope.
    const p = await findPetitionByCode(trx, code, scopeOrSystem(actor));
    if (!p) throw notFound('petition', code);
    return p;
  },
  authorise(actor, p, req) {
    // The policies are the officers'; the system (no actor) is bound by the transition table alone.
    if (actor)
      authorize(actor, PETITION_ACTION_POLICY[req.type], {
        provinceCode: p.province_code,
        unitCode: p.unit_code,
      });
  },
  transition(p, req) {
    const kind = p.kind as PetitionKind;
    const from = p.status as PetitionStatus;
    const to = nextPetitionStatus(kind, from, req.type);
    if (!to) throw illegalTransition(req.type, from, allowedPetitionActions(kind, from));
    return to;
  },
  async effect(trx, _actor, p, req, now) {
    const calendar = await loadCalendar(trx, p.province_code);
    const rules = await loadPetitionRules(trx, p.province_code);
    const { patch, payload } = EFFECTS[req.type]({ p, req, now, rules, due: (f, l) => calendar.due(f, l) });
    return { patch, payload: { ...payload, ...(req.note ? { note: req.note } : {}) } };
  },
  async append(trx, actor, p, entry) {
    await insertPetitionAction(trx, {
      petition_id: p.id,
      seq: p.action_count + 1,
      type: entry.type,
      at: entry.at,
      actor_id: actor?.id ?? null,
      actor_name: actor?.displayName ?? null,
      from_status: entry.from,
      to_status: entry.to,
      payload: JSON.stringify(entry.payload),
    });
  },
  // Method syntax: the skeleton hands back the patch `effect` returned (with the new status), a PetitionUpdate.
  update(trx, p, patch: PetitionUpdate, now) {
    return updatePetition(trx, p.id, p.action_count, {
      ...patch,
      action_count: p.action_count + 1,
      updated_at: now,
    });
  },
  async reload(trx, p) {
    // Read just after this transaction's own update of a row already found inside the actor's scope.
    return (await findPetitionByCode(trx, p.code, EVERY_TENANT))!;
  },
  targetId: (p) => p.code,
};

/** Runs one action on a petition (409 with the allowed actions when the status or kind does not allow it). */
export function applyPetitionAction(
  trx: Kysely<Database>,
  actor: Actor,
  code: string,
  req: TPetitionActionRequest,
  now: number,
): Promise<PetitionRow> {
  return applyLoggedAction(PETITION_LIFECYCLE, trx, actor, code, req, now);
}
