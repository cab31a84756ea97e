/**
 * Complaints, denunciations and feedback (DOMAIN.md §5; docs/PETITIONS.md): lodging, and every later action
 * appended to the petition's log and applied with its row and the audit entry in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  CONCLUSIONS,
  DEFAULT_PETITION_RULES,
  ENDED_PETITION,
  allowedPetitionActions,
  lodgedLate,
  maxExtensions,
  mergePetitionRules,
  nextPetitionStatus,
  requestInfoBy,
  resolutionLimit,
  respondBy,
  type PetitionAction,
  type PetitionCase,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import { authorize } from '../accounts/policy.ts';
import { PETITION_ACTION_POLICY } from './petition.policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { type Scope } from '../platform/tenant.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { agencyCodeOf, nextDossierCode } from '../dossiers/dossier-code.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { instantField, invalidField, notFound, requireField, ruleViolation } from '../platform/app-error.ts';
import { assertNotChangedMeanwhile, auditTransition, illegalTransition } from '../audit/action-log.ts';
import { getUnit } from '../units/unit.service.ts';
import type { TLodgePetitionRequest, TPetitionActionRequest } from './petition.schemas.ts';
import type { PetitionRow, PetitionTable } from './petition.table.ts';
import { todayInVietnam } from '../platform/clock.ts';

type Db = Kysely<Database>;

export const rulesSettingKey = (provinceCode: string): string => `petition_rules:${provinceCode}`;

/** The province's time limits: the defaults with the province's overrides (settings) merged over them. */
export async function loadPetitionRules(db: Db, provinceCode: string): Promise<PetitionRules> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', rulesSettingKey(provinceCode))
    .executeTakeFirst();
  return row ? mergePetitionRules(DEFAULT_PETITION_RULES, JSON.parse(row.value)) : DEFAULT_PETITION_RULES;
}

export function caseOf(p: Pick<PetitionRow, 'kind' | 'instance' | 'complex' | 'remote'>): PetitionCase {
  return {
    kind: p.kind as PetitionKind,
    instance: p.instance === 2 ? 2 : 1,
    complex: p.complex === 1,
    remote: p.remote === 1,
  };
}

export function findPetition(db: Db, code: string, scope: Scope): Promise<PetitionRow | undefined> {
  let q = db.selectFrom('petitions').selectAll().where('code', '=', code);
  if (scope.kind !== 'all') q = q.where('province_code', '=', scope.provinceCode);
  if (scope.kind === 'unit') q = q.where('unit_code', '=', scope.unitCode);
  return q.executeTakeFirst();
}

async function appendAction(
  trx: Db,
  p: Pick<PetitionRow, 'id' | 'action_count'>,
  actor: Actor,
  entry: { type: string; at: number; from: string | null; to: string; payload: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('petition_actions')
    .values({
      petition_id: p.id,
      seq: p.action_count + 1,
      type: entry.type,
      at: entry.at,
      actor_id: actor.id,
      actor_name: actor.displayName,
      from_status: entry.from,
      to_status: entry.to,
      payload: JSON.stringify(entry.payload),
    })
    .execute();
}

export interface PetitionContext {
  now: number;
  agencyPrefix: string;
}

/** Registers a petition received by a commune (its code, and the accept-or-reject deadline). */
export async function lodgePetition(
  trx: Db,
  actor: Actor,
  input: TLodgePetitionRequest,
  ctx: PetitionContext,
): Promise<PetitionRow> {
  const unitCode = input.unitCode ?? actor.unitCode;
  if (!unitCode) throw invalidField('unitCode', 'rule.required', '@rule.required');
  const unit = await getUnit(trx, unitCode, { asOf: todayInVietnam(ctx.now) });
  if (unit.type === 'province' || unit.type === 'city')
    throw invalidField('unitCode', 'unit.commune', '@rule.unitCode');
  authorize(actor, 'petition.receive', { provinceCode: unit.provinceCode, unitCode: unit.code });
  let dossierId: string | null = null;
  if (input.dossierCode) {
    const d = await findDossierByCode(trx, input.dossierCode, scopeOf(actor));
    if (!d || d.unit_code !== unit.code)
      throw invalidField('dossierCode', 'petition.dossierUnknown', '@petition.dossierUnknown');
    dossierId = d.id;
  }
  const knownAt = input.knownAt === undefined ? null : instantField(input.knownAt, 'knownAt');
  if (knownAt !== null && knownAt > ctx.now)
    throw invalidField('knownAt', 'petition.knownInFuture', '@petition.knownInFuture');
  const calendar = await loadCalendar(trx, unit.provinceCode);
  const rules = await loadPetitionRules(trx, unit.provinceCode);
  const kind = input.kind;
  const agencyCode = await agencyCodeOf(trx, unit.code, unit.provinceCode, ctx.agencyPrefix);
  const code = await nextDossierCode(trx, `${agencyCode}.DT`, ctx.now);
  const row: PetitionTable = {
    id: randomUUID(),
    code,
    province_code: unit.provinceCode,
    unit_code: unit.code,
    kind,
    instance: kind === 'complaint' ? input.instance : 1,
    complex: input.complex && kind !== 'feedback' ? 1 : 0,
    remote: input.remote && kind === 'complaint' ? 1 : 0,
    channel: input.channel,
    dossier_id: dossierId,
    subject: input.subject,
    content: input.content,
    petitioner_name: input.petitioner.name,
    petitioner_id_number: input.petitioner.idNumber ?? null,
    petitioner_phone: input.petitioner.phone ?? null,
    petitioner_address: input.petitioner.address ?? null,
    status: 'received',
    received_at: ctx.now,
    known_at: kind === 'complaint' ? knownAt : null,
    lodged_late:
      kind === 'complaint' && knownAt !== null && lodgedLate(rules, calendar, knownAt, ctx.now) ? 1 : 0,
    respond_by: respondBy(rules, calendar, kind, ctx.now),
    info_by: kind === 'feedback' ? requestInfoBy(rules, calendar, ctx.now) : null,
    accepted_at: null,
    due_at: null,
    extension_count: 0,
    ended_at: null,
    conclusion: null,
    result: null,
    publish_by: null,
    published_at: null,
    assignee_id: null,
    action_count: 1,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await trx.insertInto('petitions').values(row).execute();
  await appendAction(trx, { id: row.id, action_count: 0 }, actor, {
    type: 'lodge',
    at: ctx.now,
    from: null,
    to: 'received',
    payload: { channel: input.channel, lodgedLate: row.lodged_late === 1 },
  });
  await appendAudit(
    trx,
    {
      actor,
      action: 'petition.lodge',
      targetType: 'petition',
      targetId: code,
      unitCode: unit.code,
      provinceCode: unit.provinceCode,
      details: { kind },
    },
    ctx.now,
  );
  return row;
}

type Patch = Partial<PetitionTable>;

interface EffectInput {
  p: PetitionRow;
  req: TPetitionActionRequest;
  now: number;
  rules: PetitionRules;
  due: (from: number, limit: Parameters<Awaited<ReturnType<typeof loadCalendar>>['due']>[1]) => number;
}

/** What each action changes besides the status; `payload` goes to the log. */
const EFFECTS: Record<
  PetitionAction,
  (e: EffectInput) => { patch: Patch; payload: Record<string, unknown> }
> = {
  request_info: ({ p, req, now }) => {
    requireField(req.missing, 'missing');
    return { patch: {}, payload: { missing: req.missing, late: p.info_by !== null && now > p.info_by } };
  },
  receive_info: () => ({ patch: {}, payload: {} }),
  accept: ({ p, req, now, rules, due }) => {
    const complex = req.complex ?? p.complex === 1;
    const remote = req.remote ?? p.remote === 1;
    const c = { ...caseOf(p), complex, remote };
    const dueAt = due(now, resolutionLimit(rules, c));
    return {
      patch: { accepted_at: now, due_at: dueAt, complex: complex ? 1 : 0, remote: remote ? 1 : 0 },
      payload: { dueAt, late: now > p.respond_by },
    };
  },
  reject: ({ p, req, now }) => {
    requireField(req.reason, 'reason');
    return { patch: { ended_at: now }, payload: { reason: req.reason, late: now > p.respond_by } };
  },
  extend: ({ p, req, rules, due }) => {
    requireField(req.reason, 'reason');
    const max = maxExtensions(rules, caseOf(p));
    if (p.extension_count >= max)
      throw ruleViolation('petition.extensions_used', { extensionCount: p.extension_count, max });
    // Counted from the current due's own day (a due is the end of a working day, where D1 would move the start
    // to the next working period and add a day).
    const dueAt = due(p.due_at! - 60_000, rules.denunciation.extension);
    return {
      patch: { due_at: dueAt, extension_count: p.extension_count + 1 },
      payload: { reason: req.reason, previousDueAt: p.due_at, dueAt },
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

/** Runs one action on a petition (409 with the allowed actions when the status or kind does not allow it). */
export async function applyPetitionAction(
  trx: Db,
  actor: Actor,
  code: string,
  req: TPetitionActionRequest,
  now: number,
): Promise<PetitionRow> {
  const p = await findPetition(trx, code, scopeOf(actor));
  if (!p) throw notFound('petition', code);
  authorize(actor, PETITION_ACTION_POLICY[req.type], {
    provinceCode: p.province_code,
    unitCode: p.unit_code,
  });
  const kind = p.kind as PetitionKind;
  const from = p.status as PetitionStatus;
  const to = nextPetitionStatus(kind, from, req.type);
  if (!to) throw illegalTransition(req.type, from, allowedPetitionActions(kind, from));
  const calendar = await loadCalendar(trx, p.province_code);
  const rules = await loadPetitionRules(trx, p.province_code);
  const effect = EFFECTS[req.type]({ p, req, now, rules, due: (f, l) => calendar.due(f, l) });
  await appendAction(trx, p, actor, {
    type: req.type,
    at: now,
    from,
    to,
    payload: { ...effect.payload, ...(req.note ? { note: req.note } : {}) },
  });
  const updated = await trx
    .updateTable('petitions')
    .set({ ...effect.patch, status: to, action_count: p.action_count + 1, updated_at: now })
    .where('id', '=', p.id)
    .where('action_count', '=', p.action_count)
    .executeTakeFirst();
  assertNotChangedMeanwhile(updated, 'petition');
  await auditTransition(
    trx,
    actor,
    {
      kind: 'petition',
      action: req.type,
      targetId: p.code,
      unitCode: p.unit_code,
      provinceCode: p.province_code,
      from,
      to,
    },
    now,
  );
  return (await findPetition(trx, code, { kind: 'all' }))!;
}

/** The deadline that matters now, or null when nothing is pending. */
export function nextDeadline(
  p: Pick<
    PetitionRow,
    'kind' | 'status' | 'respond_by' | 'info_by' | 'due_at' | 'publish_by' | 'published_at'
  >,
  now: number,
): { kind: 'respond' | 'request_info' | 'resolve' | 'publish'; at: number; overdue: boolean } | null {
  const pick = (kind: 'respond' | 'request_info' | 'resolve' | 'publish', at: number | null) =>
    at === null ? null : { kind, at, overdue: now > at };
  const status = p.status as PetitionStatus;
  if (status === 'received' || status === 'more_info_requested') return pick('respond', p.respond_by);
  if (status === 'accepted') return pick('resolve', p.due_at);
  if (status === 'resolved' && p.kind === 'feedback' && p.published_at === null)
    return pick('publish', p.publish_by);
  return null;
}

export const isEnded = (status: string): boolean => ENDED_PETITION.includes(status as PetitionStatus);
