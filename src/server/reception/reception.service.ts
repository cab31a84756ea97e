/**
 * Citizen reception (tiếp công dân; docs/RECEPTION.md): the reception register with its Art. 28 reply deadline,
 * the petition created from a reception, the audited read of the citizen's data, refused attempts, and the
 * period's counts (the schedule: reception.schedule.service.ts). All SQL in reception.repository.ts; the route
 * owns the transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { authorize } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { agencyCodeOf, nextDossierCode } from '../dossiers/dossier-code.ts';
import { instantField, invalidField, notFound, ruleViolation } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import type { Scope } from '../platform/tenant.ts';
import { lodgePetition } from '../petitions/petition.service.ts';
import { getUnit } from '../units/unit.service.ts';
import { citizenReadPolicy } from './reception.presenter.ts';
import {
  countReceptions,
  findReceptionByCode,
  findReceptions,
  insertReception,
  petitionCodes,
  recordReply,
} from './reception.repository.ts';
import {
  RECEPTION_HANDLINGS,
  RECEPTION_KINDS,
  replyBy,
  type ReceptionHandling,
  type ReceptionKind,
} from './reception.rules.ts';
import type { TCreateReceptionRequest, TReceptionQuery, TReplyRequest } from './reception.schemas.ts';
import type { ReceptionRow } from './reception.table.ts';

type Db = Kysely<Database>;

/** How far back a reception may be entered after the fact (the register is kept as it happens). */
const BACKDATE_LIMIT_MS = 31 * 86_400_000;

/** The commune a reception or schedule belongs to (400 naming `unitCode` for a province or an unknown code). */
export async function communeOf(db: Db, unitCode: string | undefined, actor: Actor | null, now: number) {
  const code = unitCode ?? actor?.unitCode;
  if (!code) throw invalidField('unitCode', 'rule.required', '@rule.required');
  const unit = await getUnit(db, code, { asOf: todayInVietnam(now) });
  if (unit.type === 'province' || unit.type === 'city')
    throw invalidField('unitCode', 'unit.commune', '@rule.unitCode');
  return { unit, tenant: { provinceCode: unit.provinceCode, unitCode: unit.code } };
}

/** Writes a refused privileged attempt (`reception.*_refused`) in a transaction of its own. */
export async function auditRefusal(
  db: Db,
  actor: Actor,
  action: string,
  target: { targetType: string; targetId: string; provinceCode: string; unitCode: string },
  ip: string,
  now: number,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, { actor, action, ...target, ip, details }, now));
}

// ---------------------------------------------------------------------------------------------- the register

export interface ReceptionContext {
  now: number;
  agencyPrefix: string;
}

function checkHandling(input: TCreateReceptionRequest): void {
  if (input.handling === 'forwarded' && !input.forwardedTo)
    throw invalidField('forwardedTo', 'rule.required', '@rule.required');
  if (input.handling === 'petition' && input.kind === 'other')
    throw invalidField('handling', 'reception.petitionKind', '@reception.petitionKind');
}

function receivedAtOf(input: TCreateReceptionRequest, now: number): number {
  if (input.receivedAt === undefined) return now;
  const at = instantField(input.receivedAt, 'receivedAt');
  if (at > now) throw invalidField('receivedAt', 'reception.inFuture', '@reception.inFuture');
  if (now - at > BACKDATE_LIMIT_MS) throw invalidField('receivedAt', 'reception.tooOld', '@reception.tooOld');
  return at;
}

/** Lodges the petition a reception received (the caller's transaction): channel direct, the citizen as petitioner. */
async function petitionFrom(
  trx: Db,
  actor: Actor,
  input: TCreateReceptionRequest,
  kind: Exclude<ReceptionKind, 'other'>,
  unitCode: string,
  ctx: ReceptionContext,
): Promise<{ id: string; code: string }> {
  const { citizen, content } = input;
  const p = await lodgePetition(
    trx,
    actor,
    {
      kind,
      channel: 'direct',
      subject: input.subject ?? content.slice(0, 120),
      content,
      petitioner: {
        name: citizen.name,
        ...(citizen.idNumber ? { idNumber: citizen.idNumber } : {}),
        ...(citizen.phone ? { phone: citizen.phone } : {}),
        ...(citizen.address ? { address: citizen.address } : {}),
      },
      unitCode,
      instance: 1,
      complex: false,
      remote: false,
      multiPlace: false,
    },
    ctx,
  );
  return { id: p.id, code: p.code };
}

/**
 * Records a reception (the caller's transaction): its register number, its reply deadline (Art. 28: 10 working
 * days on the province's calendar, when a complaint, denunciation or feedback was received or forwarded), and,
 * when received as a petition, the petition itself in the same transaction.
 */
export async function createReception(
  trx: Db,
  actor: Actor,
  input: TCreateReceptionRequest,
  ctx: ReceptionContext,
): Promise<{ row: ReceptionRow; petitionCode: string | null }> {
  const { tenant } = await communeOf(trx, input.unitCode, actor, ctx.now);
  authorize(actor, 'reception.record', tenant);
  checkHandling(input);
  const receivedAt = receivedAtOf(input, ctx.now);
  const kind: ReceptionKind = input.kind;
  const handling: ReceptionHandling = input.handling;
  const petition =
    handling === 'petition' && kind !== 'other'
      ? await petitionFrom(trx, actor, input, kind, tenant.unitCode, ctx)
      : null;
  const calendar = await loadCalendar(trx, tenant.provinceCode);
  const agency = await agencyCodeOf(trx, tenant.unitCode, tenant.provinceCode, ctx.agencyPrefix);
  const code = await nextDossierCode(trx, `${agency}.TCD`, receivedAt);
  const row: ReceptionRow = {
    id: randomUUID(),
    code,
    province_code: tenant.provinceCode,
    unit_code: tenant.unitCode,
    received_at: receivedAt,
    officer_id: actor.id,
    officer_name: actor.displayName,
    citizen_name: input.citizen.name,
    citizen_id_number: input.citizen.idNumber ?? null,
    citizen_address: input.citizen.address ?? null,
    people_count: input.peopleCount,
    kind,
    content: input.content,
    handling,
    forwarded_to: handling === 'forwarded' ? (input.forwardedTo ?? null) : null,
    petition_id: petition?.id ?? null,
    reply_by: replyBy(calendar, kind, handling, receivedAt),
    replied_at: null,
    reply_note: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await insertReception(trx, row);
  // Never the citizen's identity in the audit log (a denouncer's least of all).
  const details = { kind, handling, peopleCount: row.people_count, petition: petition?.code ?? null };
  await appendAudit(
    trx,
    { actor, action: 'reception.record', targetType: 'reception', targetId: code, ...tenant, details },
    ctx.now,
  );
  return { row, petitionCode: petition?.code ?? null };
}

/** One page of the register inside the viewer's scope, each with its petition's code. */
export async function listReceptions(db: Db, viewer: Actor, q: TReceptionQuery, now: number) {
  const scope = scopeOf(viewer);
  const fetched = await findReceptions(db, {
    scope,
    unit: q.unit,
    kind: q.kind,
    handling: q.handling,
    overdueAt: q.overdue === 'true' ? now : undefined,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const { page, nextCursor } = pageOf(fetched, q.limit, (r) => ({ at: r.received_at, id: r.id }));
  const ids = page.flatMap((r) => (r.petition_id ? [r.petition_id] : []));
  const codes = await petitionCodes(db, ids, scope);
  const items = page.map((row) => ({
    row,
    petitionCode: row.petition_id ? (codes.get(row.petition_id) ?? null) : null,
  }));
  return { items, nextCursor };
}

/** A reception inside the viewer's scope (404 otherwise: another commune's does not exist for its caller). */
export async function getReception(db: Db, viewer: Actor, code: string) {
  const scope = scopeOf(viewer);
  const row = await findReceptionByCode(db, code, scope);
  if (!row) throw notFound('reception', code);
  const petitionCode = row.petition_id
    ? ((await petitionCodes(db, [row.petition_id], scope)).get(row.petition_id) ?? null)
    : null;
  return { row, petitionCode };
}

/**
 * A reception's own page (the caller's transaction): a denunciation's is audited (`reception.view`, the code and
 * the viewer, never the identity), as a denunciation's petition page is (`petition.view`).
 */
export async function viewReception(trx: Db, viewer: Actor, code: string, ip: string, now: number) {
  const found = await getReception(trx, viewer, code);
  const { row } = found;
  if (row.kind === 'denunciation')
    await appendAudit(
      trx,
      {
        actor: viewer,
        action: 'reception.view',
        targetType: 'reception',
        targetId: row.code,
        provinceCode: row.province_code,
        unitCode: row.unit_code,
        ip,
        details: { kind: row.kind },
      },
      now,
    );
  return found;
}

/**
 * The citizen's full data (the caller's transaction), audited; a denouncer's to the commune leader only (the
 * route audits a refused attempt first, in a transaction of its own).
 */
export async function readCitizen(trx: Db, actor: Actor, code: string, ip: string, now: number) {
  const row = await findReceptionByCode(trx, code, scopeOf(actor));
  if (!row) throw notFound('reception', code);
  const tenant = { provinceCode: row.province_code, unitCode: row.unit_code };
  authorize(actor, citizenReadPolicy(row), tenant); // the rule behind `abilities.readCitizen`
  await appendAudit(
    trx,
    {
      actor,
      action: 'reception.read_personal_data',
      targetType: 'reception',
      targetId: row.code,
      ...tenant,
      ip,
      details: { kind: row.kind },
    },
    now,
  );
  return row;
}

/** Records the reply or notice (Art. 28), once; 409 when none is due or one is already recorded. */
export async function replyToReception(
  trx: Db,
  actor: Actor,
  code: string,
  input: TReplyRequest,
  now: number,
) {
  const row = await findReceptionByCode(trx, code, scopeOf(actor));
  if (!row) throw notFound('reception', code);
  const tenant = { provinceCode: row.province_code, unitCode: row.unit_code };
  authorize(actor, 'reception.record', tenant);
  if (row.reply_by === null) throw ruleViolation('reception.noReplyDue');
  const at = input.repliedAt === undefined ? now : instantField(input.repliedAt, 'repliedAt');
  if (at > now) throw invalidField('repliedAt', 'reception.inFuture', '@reception.inFuture');
  if (at < row.received_at)
    throw invalidField('repliedAt', 'reception.beforeReception', '@reception.beforeReception');
  const patch = { replied_at: at, reply_note: input.note, updated_at: now };
  if (!(await recordReply(trx, row.id, patch))) throw ruleViolation('reception.alreadyReplied');
  await appendAudit(
    trx,
    {
      actor,
      action: 'reception.reply',
      targetType: 'reception',
      targetId: row.code,
      ...tenant,
      details: { late: at > row.reply_by },
    },
    now,
  );
  return { ...row, ...patch };
}

// ---------------------------------------------------------------------------------------------- reports

export interface ReceptionSummary {
  total: number;
  people: number;
  delegations: number;
  byKind: Record<ReceptionKind, number>;
  byHandling: Record<ReceptionHandling, number>;
  /** Receptions of the period whose reply (Art. 28) was due by `at` and not given by then. */
  repliesOverdue: number;
}

/** The period's receptions in a report's scope, counted at `at` (the end of the period, or now if earlier). */
export async function receptionSummary(
  db: Db,
  scope: Scope,
  bounds: { fromMs: number; endMs: number },
  at: number,
): Promise<ReceptionSummary> {
  const rows = await countReceptions(db, scope, bounds, at);
  const byKind = Object.fromEntries(RECEPTION_KINDS.map((k) => [k, 0])) as Record<ReceptionKind, number>;
  const byHandling = Object.fromEntries(RECEPTION_HANDLINGS.map((h) => [h, 0])) as Record<
    ReceptionHandling,
    number
  >;
  const s: ReceptionSummary = { total: 0, people: 0, delegations: 0, byKind, byHandling, repliesOverdue: 0 };
  for (const r of rows) {
    s.total += r.receptions;
    s.people += r.people;
    s.delegations += r.delegations;
    if (r.kind in byKind) byKind[r.kind as ReceptionKind] += r.receptions;
    if (r.handling in byHandling) byHandling[r.handling as ReceptionHandling] += r.receptions;
    s.repliesOverdue += r.overdue;
  }
  return s;
}
