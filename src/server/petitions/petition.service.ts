/**
 * Complaints, denunciations and feedback (DOMAIN.md §5; docs/PETITIONS.md): lodging, the register, one petition
 * with what its page shows, the audited read of the petitioner, and the province's time limits. The actions on a
 * lodged petition are in petition.actions.ts; all SQL in petition.repository.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../shared/calendar/index.ts';
import {
  DEFAULT_PETITION_RULES,
  lodgedLate,
  mergePetitionRules,
  requestInfoBy,
  respondBy,
  type PetitionRules,
} from '../../shared/petition/petition.ts';
import { authorize } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { agencyCodeOf, nextDossierCode } from '../dossiers/dossier-code.ts';
import { AppError, instantField, invalidField, notFound } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import { getUnit } from '../units/unit.service.ts';
import type { PetitionExtras } from './petition.presenter.ts';
import { findDossierByCode, findDossierCodes } from '../dossiers/dossier.repository.ts';
import {
  findPetitionByCode,
  findPetitions,
  insertPetition,
  insertPetitionAction,
  listPetitionActions,
  rulesSettingKey,
  saveRulesOverride,
} from './petition.repository.ts';
import { mayReadPetitioner, petitionerReadPolicy } from './petition.policy.ts';
import { complexityInput, loadPetitionRules } from './petition.rules.ts';
import type { TLodgePetitionRequest, TPetitionQuery, TRulesOverride } from './petition.schemas.ts';
import type { PetitionRow, PetitionTable } from './petition.table.ts';

// The demo's activity (demo/demo-activity.ts) runs actions through the service, like a route.
export { applyPetitionAction } from './petition.action.service.ts';

type Db = Kysely<Database>;

export interface PetitionContext {
  now: number;
  agencyPrefix: string;
  /** The client address, kept in the audit entry (online feedback from the portal). */
  ip?: string;
}

/** The new row: its case, deadlines (on the province's calendar and rules) and the officer's input. */
function newPetition(
  input: TLodgePetitionRequest,
  at: { code: string; provinceCode: string; unitCode: string; dossierId: string | null },
  knownAt: number | null,
  limits: { rules: PetitionRules; calendar: WorkingCalendar },
  now: number,
): PetitionTable {
  const { kind } = input;
  const { rules, calendar } = limits;
  return {
    id: randomUUID(),
    code: at.code,
    province_code: at.provinceCode,
    unit_code: at.unitCode,
    kind,
    instance: kind === 'complaint' ? input.instance : 1,
    complex: complexityInput(kind, input),
    remote: input.remote && kind === 'complaint' ? 1 : 0,
    multi_place: input.multiPlace && kind === 'denunciation' ? 1 : 0,
    channel: input.channel,
    dossier_id: at.dossierId,
    subject: input.subject,
    content: input.content,
    petitioner_name: input.petitioner.name,
    petitioner_id_number: input.petitioner.idNumber ?? null,
    petitioner_phone: input.petitioner.phone ?? null,
    petitioner_address: input.petitioner.address ?? null,
    status: 'received',
    received_at: now,
    known_at: kind === 'complaint' ? knownAt : null,
    lodged_late:
      kind === 'complaint' &&
      knownAt !== null &&
      lodgedLate(rules, calendar, knownAt, now, { instance: input.instance, remote: input.remote })
        ? 1
        : 0,
    respond_by: respondBy(rules, calendar, kind, now, kind === 'denunciation' && input.multiPlace),
    info_by: kind === 'feedback' ? requestInfoBy(rules, calendar, now) : null,
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
    created_at: now,
    updated_at: now,
  };
}

/** The id of the dossier the petition is about: one the officer sees, of the receiving commune. */
async function dossierOf(trx: Db, actor: Actor, code: string | undefined, unitCode: string) {
  if (!code) return null;
  const d = await findDossierByCode(trx, code, scopeOf(actor));
  if (!d || d.unit_code !== unitCode)
    throw invalidField('dossierCode', 'petition.dossierUnknown', '@petition.dossierUnknown');
  return d.id;
}

/**
 * Registers a petition received by a commune (its code, and the accept-or-reject deadline). `actor` null: online
 * feedback lodged by a citizen on the public portal (docs/PORTAL.md), not linked to a dossier.
 */
export async function lodgePetition(
  trx: Db,
  actor: Actor | null,
  input: TLodgePetitionRequest,
  ctx: PetitionContext,
): Promise<PetitionRow> {
  const unitCode = input.unitCode ?? actor?.unitCode;
  if (!unitCode) throw invalidField('unitCode', 'rule.required', '@rule.required');
  const unit = await getUnit(trx, unitCode, { asOf: todayInVietnam(ctx.now) });
  if (unit.type === 'province' || unit.type === 'city')
    throw invalidField('unitCode', 'unit.commune', '@rule.unitCode');
  const tenant = { provinceCode: unit.provinceCode, unitCode: unit.code };
  if (actor) authorize(actor, 'petition.receive', tenant);
  const dossierId = actor ? await dossierOf(trx, actor, input.dossierCode, unit.code) : null;
  const knownAt = input.knownAt === undefined ? null : instantField(input.knownAt, 'knownAt');
  if (knownAt !== null && knownAt > ctx.now)
    throw invalidField('knownAt', 'petition.knownInFuture', '@petition.knownInFuture');
  const calendar = await loadCalendar(trx, unit.provinceCode);
  const rules = await loadPetitionRules(trx, unit.provinceCode);
  const agencyCode = await agencyCodeOf(trx, unit.code, unit.provinceCode, ctx.agencyPrefix);
  const code = await nextDossierCode(trx, `${agencyCode}.DT`, ctx.now);
  const row = newPetition(input, { code, ...tenant, dossierId }, knownAt, { rules, calendar }, ctx.now);
  await insertPetition(trx, row);
  await insertPetitionAction(trx, {
    petition_id: row.id,
    seq: 1,
    type: 'lodge',
    at: ctx.now,
    actor_id: actor?.id ?? null,
    actor_name: actor?.displayName ?? null,
    from_status: null,
    to_status: 'received',
    payload: JSON.stringify({ channel: input.channel, lodgedLate: row.lodged_late === 1 }),
  });
  const audit = {
    actor,
    action: 'petition.lodge',
    targetType: 'petition',
    targetId: code,
    ip: ctx.ip,
    ...tenant,
  };
  await appendAudit(trx, { ...audit, details: { kind: input.kind } }, ctx.now);
  return row;
}

/** One page of the register inside the viewer's scope, each petition with its dossier's code and its rules. */
export async function listPetitions(db: Db, viewer: Actor, q: TPetitionQuery, now: number) {
  const scope = scopeOf(viewer);
  const fetched = await findPetitions(db, {
    scope,
    unit: q.unit,
    kind: q.kind,
    status: q.status,
    overdueAt: q.overdue === 'true' ? now : undefined,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const { page, nextCursor } = pageOf(fetched, q.limit, (p) => ({ at: p.received_at, id: p.id }));
  const dossierIds = [...new Set(page.flatMap((p) => (p.dossier_id === null ? [] : [p.dossier_id])))];
  const codes = await findDossierCodes(db, dossierIds, scope);
  const rules = new Map<string, PetitionRules>();
  for (const province of new Set(page.map((p) => p.province_code)))
    rules.set(province, await loadPetitionRules(db, province));
  const items = page.map((row) => {
    const extras: PetitionExtras = {
      dossierCode: row.dossier_id === null ? null : (codes.get(row.dossier_id) ?? null),
      rules: rules.get(row.province_code) ?? DEFAULT_PETITION_RULES,
    };
    return { row, extras };
  });
  return { items, nextCursor };
}

/** What a petition's own page shows besides its row: its log, its dossier's code and its province's rules. */
export async function petitionExtras(db: Db, p: PetitionRow, viewer: Actor): Promise<PetitionExtras> {
  const actions = await listPetitionActions(db, p.id);
  const id = p.dossier_id;
  const dossierCode = id ? ((await findDossierCodes(db, [id], scopeOf(viewer))).get(id) ?? null) : null;
  const rules = await loadPetitionRules(db, p.province_code);
  return { dossierCode, rules, actions };
}

/** A petition inside the viewer's scope with what its page shows (404 when there is none). */
export async function getPetition(db: Db, viewer: Actor, code: string) {
  const row = await findPetitionByCode(db, code, scopeOf(viewer));
  if (!row) throw notFound('petition', code);
  return { row, extras: await petitionExtras(db, row, viewer) };
}

const auditTarget = (p: PetitionRow) => ({
  targetType: 'petition',
  targetId: p.code,
  provinceCode: p.province_code,
  unitCode: p.unit_code,
});

/**
 * A petition's own page, for an officer: a denunciation's is audited (`petition.view`, the code and the viewer,
 * never the denouncer's identity), since even its redacted content is the denouncer's word.
 */
export async function viewPetition(trx: Db, viewer: Actor, code: string, ip: string, now: number) {
  const found = await getPetition(trx, viewer, code);
  if (found.row.kind === 'denunciation')
    await appendAudit(
      trx,
      {
        actor: viewer,
        action: 'petition.view',
        ...auditTarget(found.row),
        ip,
        details: { kind: 'denunciation' },
      },
      now,
    );
  return found;
}

/** A refused read of a petitioner's full data: answered 403, audited (in a transaction of its own) by the route. */
export class PetitionerReadRefused extends AppError {
  readonly petition: PetitionRow;
  constructor(petition: PetitionRow, action: string) {
    super('FORBIDDEN', { details: { action } });
    this.petition = petition;
  }
}

/**
 * The petition whose personal data the actor reads in full, with the code of the dossier it is about: audited; a
 * denouncer's by the leader only.
 */
export async function readPetitioner(
  trx: Db,
  actor: Actor,
  code: string,
  ip: string,
  now: number,
): Promise<{ row: PetitionRow; dossierCode: string | null }> {
  const p = await findPetitionByCode(trx, code, scopeOf(actor));
  if (!p) throw notFound('petition', code);
  // the rule behind the petition's `abilities.readPetitioner`
  if (!mayReadPetitioner(actor, p)) throw new PetitionerReadRefused(p, petitionerReadPolicy(p));
  await appendAudit(
    trx,
    { actor, action: 'petition.read_personal_data', ...auditTarget(p), ip, details: { kind: p.kind } },
    now,
  );
  const id = p.dossier_id;
  const dossierCode = id ? ((await findDossierCodes(trx, [id], scopeOf(actor))).get(id) ?? null) : null;
  return { row: p, dossierCode };
}

/** Writes `petition.read_personal_data_refused` (who tried, which petition) in a transaction of its own. */
export async function auditRefusedRead(
  db: Db,
  actor: Actor,
  refused: PetitionerReadRefused,
  ip: string,
  now: number,
): Promise<void> {
  const p = refused.petition;
  await db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor,
        action: 'petition.read_personal_data_refused',
        ...auditTarget(p),
        ip,
        details: { kind: p.kind },
      },
      now,
    ),
  );
}

/** Replaces the province's override of the time limits (the caller authorised it); returns the rules in force. */
export async function setPetitionRules(
  trx: Db,
  actor: Actor,
  provinceCode: string,
  override: TRulesOverride,
  now: number,
): Promise<PetitionRules> {
  await saveRulesOverride(trx, provinceCode, override, now);
  await appendAudit(
    trx,
    {
      actor,
      action: 'petition.rules.set',
      targetType: 'settings',
      targetId: rulesSettingKey(provinceCode),
      provinceCode,
      details: { override },
    },
    now,
  );
  return mergePetitionRules(DEFAULT_PETITION_RULES, override);
}
