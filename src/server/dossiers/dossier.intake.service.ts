import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkCccd } from '../../shared/identity/cccd.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';
import type { Actor } from '../accounts/roles.ts';
import { authorize } from '../accounts/policy.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type FieldIssue } from '../platform/app-error.ts';
import { getProcedure, adviseCompetence } from '../procedures/procedure.service.ts';
import { limitFor } from '../procedures/procedure.model.ts';
import { effectiveTerms, type EffectiveTerms } from '../procedures/procedure-override.service.ts';
import { getUnit } from '../units/unit.service.ts';
import { agencyCodeOf, nextDossierCode } from './dossier-code.ts';
import * as repo from './dossier.repository.ts';
import type { TCreateDossierRequest } from './dossier.schemas.ts';
import type { DossierRow, NewDossier } from './dossier.table.ts';
import { paperTransferBy } from './dossier.rules.ts';
import { routeAfterIntake } from './dossier.routing.service.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { notifyOnIntake } from './dossier.notices.ts';

type Db = Kysely<Database>;

/**
 * What applied to the dossier at intake (kept in `data.terms`): the fee and components of the national entry with
 * the province's override then in force. Later changes of the catalog or the override do not rewrite it.
 */
export interface DossierTerms {
  fee: EffectiveTerms['fee'];
  components: EffectiveTerms['components'];
  notes: string | null;
  override: { provinceCode: string; version: number } | null;
}

/**
 * Which limit applied at intake (kept in `data.limitApplied`): the procedure's own (`standard`) or its area limit
 * because the commune is classified mountainous, border, island or hardship, with the article granting it and the
 * act that classified the commune.
 */
export interface LimitApplied {
  kind: 'standard' | 'area';
  areaClasses: string[];
  basis: string | null;
  standard: { value: number; unit: string; cutoff: string | null };
  unitAreaClassSource: string | null;
}

export interface IntakeContext {
  now: number;
  agencyPrefix: string;
  idempotencyKey?: string;
  /** The client's address, recorded in the audit entry (an online submission has no actor to name). */
  ip?: string;
}

/** Field-level checks beyond the schema: CCCD structure and consistency, the component checklist, decisions. */
function checkIntake(input: TCreateDossierRequest, terms: EffectiveTerms, now: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const a = input.applicant;
  // A date of birth from 1900 to today (a CCCD holder is alive; a typo such as 2062 is refused by name).
  if (a.birthDate !== undefined && (a.birthDate < '1900-01-01' || a.birthDate > todayInVietnam(now)))
    issues.push({ path: 'applicant.birthDate', rule: 'rule.birthDate', message: '@rule.birthDate' });
  if (a.kind === 'person') {
    const r = checkCccd(
      a.idNumber,
      { birthDate: a.birthDate, sex: a.sex, registeredAbroad: a.birthRegisteredAbroad },
      new Date(now),
    );
    if (!r.ok) issues.push({ path: 'applicant.idNumber', rule: r.rule, message: `@${r.rule}` });
  } else if (!/^(\d{10}|\d{13})$/.test(a.idNumber))
    issues.push({ path: 'applicant.idNumber', rule: 'tax_code.format', message: '@tax_code.format' });
  if (input.decision === 'receive' && input.components) {
    const required = terms.components.filter((c) => c.required);
    for (const c of required) {
      const i = input.components.findIndex((x) => x.name === c.name);
      if (i >= 0 && !input.components[i]!.provided)
        issues.push({
          path: `components.${i}.provided`,
          rule: 'component.required',
          message: '@component.required',
        });
    }
  }
  if (input.decision === 'request_supplement' && !input.missing?.length)
    issues.push({
      path: 'missing',
      rule: 'supplement.items_required',
      message: '@supplement.items_required',
    });
  if (input.decision === 'refuse' && !input.reason)
    issues.push({ path: 'reason', rule: 'rule.required', message: '@rule.required' });
  return issues;
}

const STATUS_OF_DECISION: Record<TCreateDossierRequest['decision'], DossierStatus> = {
  receive: 'received',
  request_supplement: 'intake_incomplete',
  refuse: 'intake_refused',
};

/** Working hours the officer has to accept an online submission or ask for corrections (Art. 17.2). */
export const ONLINE_ACCEPTANCE_HOURS = 8;

/**
 * Counter intake (Decree 118 Art. 17.1): exactly one of receipt + appointment (Form 01), supplement request
 * (Form 02) or refusal (Form 03). A received dossier gets its code and due date; a procedure of another agency's
 * competence is received and forwarded at once (liên thông) with that agency named as lead.
 * Without an actor it is a citizen's online submission (Art. 17.2): status `submitted`, to be accepted by an
 * officer within 8 working hours; the clock starts at acceptance.
 */
export async function intake(
  trx: Db,
  actor: Actor | null,
  input: TCreateDossierRequest,
  ctx: IntakeContext,
): Promise<DossierRow> {
  const unitCode = input.unitCode ?? actor?.unitCode;
  if (!unitCode)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unitCode', rule: 'rule.required', message: '@rule.required' }],
    });
  const unit = await getUnit(trx, unitCode, { asOf: todayInVietnam(ctx.now) });
  if (unit.type === 'province' || unit.type === 'city')
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unitCode', rule: 'unit.commune', message: '@rule.unitCode' }],
    });
  if (actor) authorize(actor, 'dossier.intake', { provinceCode: unit.provinceCode, unitCode: unit.code });
  const procedure = await getProcedure(trx, input.procedureCode).catch(() => {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'procedureCode', rule: 'procedure.unknown', message: '@procedure.unknown' }],
    });
  });
  // The national entry with the province's override in force (fee, notes, extra components); the limit and the
  // competence are always the national ones. The dossier keeps these terms as they were at intake.
  const terms = await effectiveTerms(trx, procedure, unit.provinceCode);
  const issues = checkIntake(input, terms, ctx.now);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });

  const status = actor ? STATUS_OF_DECISION[input.decision] : 'submitted';
  const received = status === 'received';
  const calendar = await loadCalendar(trx, unit.provinceCode);
  const acceptBy = actor ? null : calendar.addWorkingHours(ctx.now, ONLINE_ACCEPTANCE_HOURS);
  // The procedure's limit, or its area limit in a mountainous, border, island or hardship commune (issue 11); the
  // dossier keeps the one that applied (limit_* columns and data.limitApplied), later steps count from it.
  const applied = limitFor(procedure, unit.areaClasses);
  const limit = { value: applied.value, unit: applied.unit, cutoff: applied.cutoff ?? undefined };
  const dueAt = received ? calendar.due(ctx.now, limit) : null;
  const agencyCode = await agencyCodeOf(trx, unit.code, unit.provinceCode, ctx.agencyPrefix);
  const code = await nextDossierCode(trx, agencyCode, ctx.now);
  const advice = adviseCompetence(procedure);
  const transfers =
    received && advice.route === 'forward'
      ? [
          {
            agency: advice.competentAgency,
            role: 'lead',
            sentAt: ctx.now,
            sendBy: input.paper || input.channel !== 'online' ? paperTransferBy(calendar, ctx.now) : ctx.now,
            dueAt,
            reason: 'competence',
          },
        ]
      : [];
  const a = input.applicant;
  const row: NewDossier = {
    id: randomUUID(),
    code,
    province_code: unit.provinceCode,
    unit_code: unit.code,
    procedure_code: procedure.code,
    procedure_name: procedure.name,
    field: procedure.field,
    channel: input.channel,
    applicant_kind: a.kind,
    applicant_name: a.name.normalize('NFC'),
    applicant_id_number: a.idNumber,
    applicant_phone: a.phone ?? null,
    applicant_address: a.address?.normalize('NFC') ?? null,
    applicant_email: a.email ?? null,
    search_folded: foldVietnamese(`${a.name} ${code}`),
    status,
    received_at: received ? ctx.now : null,
    due_at: dueAt,
    clock_stopped_at: null,
    ended_at: null,
    end_kind: null,
    outcome: null,
    resolution: null,
    resolution_due_at: null,
    delivered_at: null,
    extension_count: 0,
    assignee_id: null,
    limit_value: applied.value,
    limit_unit: applied.unit,
    limit_cutoff: applied.cutoff,
    source: 'live',
    idempotency_key: ctx.idempotencyKey ?? null,
    action_count: 1,
    imported_actions: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    data: JSON.stringify({
      components: input.components ?? null,
      missing: input.missing ?? null,
      refusalReason: input.reason ?? null,
      note: input.note ?? null,
      paper: input.paper,
      acceptBy,
      competence: advice,
      limitApplied: {
        kind: applied.kind,
        areaClasses: applied.areaClasses,
        basis: applied.basis,
        standard: {
          value: procedure.limit_value,
          unit: procedure.limit_unit,
          cutoff: procedure.limit_cutoff,
        },
        unitAreaClassSource: applied.kind === 'area' ? unit.areaClassSource : null,
      } satisfies LimitApplied,
      transfers,
      terms: {
        fee: terms.fee,
        components: terms.components,
        notes: terms.notes,
        override: terms.override && {
          provinceCode: terms.override.provinceCode,
          version: terms.override.version,
        },
      } satisfies DossierTerms,
    }),
  };
  await repo.insertDossier(trx, row);
  await repo.insertAction(trx, {
    dossier_id: row.id,
    seq: 1,
    type: actor ? `intake_${input.decision}` : 'online_submit',
    at: ctx.now,
    actor_id: actor?.id ?? null,
    actor_name: actor?.displayName ?? input.applicant.name,
    from_status: null,
    to_status: status,
    payload: JSON.stringify({
      channel: input.channel,
      missing: input.missing,
      reason: input.reason,
      transfers,
    }),
  });
  if (received && dueAt !== null) await repo.insertDue(trx, row.id, unit.code, ctx.now, dueAt, 'receipt');
  await appendAudit(
    trx,
    {
      actor,
      action: actor ? `dossier.intake_${input.decision}` : 'dossier.online_submit',
      targetType: 'dossier',
      targetId: code,
      unitCode: unit.code,
      provinceCode: unit.provinceCode,
      ip: ctx.ip ?? null,
      details: { procedure: procedure.code, channel: input.channel, limit: applied.kind },
    },
    ctx.now,
  );
  const created = (await repo.findDossierByCode(trx, code, { kind: 'all' }))!;
  // The applicant's notice of the counter's decision, queued in this transaction (an online submission gets its
  // receipt when an officer accepts it).
  if (actor) await notifyOnIntake(trx, created, input.decision, input, ctx.now);
  // The commune's routing rule may assign a specialist at once (dossier.routing.service.ts).
  return received && advice.route === 'process_here' ? routeAfterIntake(trx, created, ctx.now) : created;
}
