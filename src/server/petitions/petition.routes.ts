/**
 * Complaints, denunciations and feedback (docs/PETITIONS.md):
 *   POST /api/petitions                        lodge (Idempotency-Key)
 *   GET  /api/petitions?unit=&kind=&status=&overdue=   the register, newest first
 *   GET  /api/petitions/:code                  one petition with its actions (petitioner masked)
 *   GET  /api/petitions/:code/petitioner       the petitioner's full data (audited; denouncers: leaders only)
 *   POST /api/petitions/:code/actions          accept, reject, request_info, receive_info, extend, resolve, publish, withdraw
 *   GET/PUT /api/petition-rules/:province      the province's time limits (defaults + overrides)
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/identity/cccd.ts';
import {
  DEFAULT_PETITION_RULES,
  mergePetitionRules,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import { authorize } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { petitionActionsFor } from './petition.policy.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import { notFound } from '../platform/app-error.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { nowToSecond, todayInVietnam } from '../platform/clock.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import type { AppInstance } from '../platform/types.ts';
import type { Database } from '../db/schema.ts';
import { presentActionLog } from '../audit/action-log.ts';
import { getUnit } from '../units/unit.service.ts';
import {
  applyPetitionAction,
  caseOf,
  findPetition,
  loadPetitionRules,
  lodgePetition,
  nextDeadline,
  rulesSettingKey,
} from './petition.service.ts';
import {
  ZLodgePetitionRequest,
  ZPetition,
  ZPetitionActionRequest,
  ZPetitionQuery,
  type TPetition,
} from './petition.schemas.ts';
import type { PetitionActionRow, PetitionRow } from './petition.table.ts';

const ZCodeParams = z.object({ code: z.string().min(1).max(80) });

/** A denouncer's name shown as initials only: "Nguyễn Văn An" → "N. V. A." */
export const maskName = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');

export function presentPetition(
  p: PetitionRow,
  viewer: Actor,
  now: number,
  dossierCode: string | null,
  rules: PetitionRules,
  actions?: PetitionActionRow[],
): TPetition {
  const next = nextDeadline(p, now);
  const kind = p.kind as PetitionKind;
  return {
    code: p.code,
    kind,
    status: p.status as PetitionStatus,
    unitCode: p.unit_code,
    provinceCode: p.province_code,
    channel: p.channel,
    instance: p.instance,
    complex: p.complex === 1,
    remote: p.remote === 1,
    subject: p.subject,
    content: p.content,
    dossierCode,
    petitioner: {
      name: kind === 'denunciation' ? maskName(p.petitioner_name) : p.petitioner_name,
      idNumber: maskIdNumber(p.petitioner_id_number),
      phone: maskPhone(p.petitioner_phone),
      address: maskAddress(p.petitioner_address),
    },
    receivedAt: formatInstant(p.received_at),
    knownAt: isoOrNull(p.known_at),
    lodgedLate: p.lodged_late === 1,
    respondBy: formatInstant(p.respond_by),
    infoBy: isoOrNull(p.info_by),
    acceptedAt: isoOrNull(p.accepted_at),
    dueAt: isoOrNull(p.due_at),
    extensionCount: p.extension_count,
    endedAt: isoOrNull(p.ended_at),
    conclusion: p.conclusion,
    result: p.result,
    publishBy: isoOrNull(p.publish_by),
    publishedAt: isoOrNull(p.published_at),
    nextDeadline: next ? { kind: next.kind, at: formatInstant(next.at), overdue: next.overdue } : null,
    allowedActions: petitionActionsFor(viewer, p, rules, caseOf),
    ...(actions
      ? {
          actions: presentActionLog(actions),
        }
      : {}),
  };
}

const ZLimit = z.object({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(['working_day', 'calendar_day']),
});
const ZTiers = z
  .object({ normal: ZLimit, complex: ZLimit, remote: ZLimit, remoteComplex: ZLimit })
  .partial()
  .strict();
/** A partial override of the time limits (the rest keeps the defaults). */
const ZRulesOverride = z
  .object({
    complaint: z.object({ lodge: ZLimit, respond: ZLimit, first: ZTiers, second: ZTiers }).partial().strict(),
    denunciation: z
      .object({
        respond: ZLimit,
        resolve: ZLimit,
        extension: ZLimit,
        maxExtensions: z
          .object({ normal: z.number().int().min(0).max(5), veryComplex: z.number().int().min(0).max(5) })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    feedback: z
      .object({ respond: ZLimit, requestInfo: ZLimit, resolve: ZLimit, publish: ZLimit })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** One petition as its page shows it: with its actions, its dossier's code and its province's limits. */
async function presentWholePetition(
  db: Kysely<Database>,
  p: PetitionRow,
  viewer: Actor,
  now: number,
): Promise<TPetition> {
  const actions = await db
    .selectFrom('petition_actions')
    .selectAll()
    .where('petition_id', '=', p.id)
    .orderBy('seq')
    .execute();
  const dossier = p.dossier_id
    ? await db.selectFrom('dossiers').select('code').where('id', '=', p.dossier_id).executeTakeFirst()
    : undefined;
  const rules = await loadPetitionRules(db, p.province_code);
  return presentPetition(p, viewer, now, dossier?.code ?? null, rules, actions);
}

export async function petitionRoutes(app: AppInstance): Promise<void> {
  const agencyPrefix = app.config.MOTCUA_AGENCY_FALLBACK_PREFIX;
  const tags = ['petitions'];

  app.post(
    '/api/petitions',
    {
      schema: {
        tags,
        headers: ZIdempotencyHeaders,
        body: ZLodgePetitionRequest,
        response: { 201: ZPetition },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const row = await lodgePetition(trx, actor, request.body, { now, agencyPrefix });
        const rules = await loadPetitionRules(trx, row.province_code);
        return {
          status: 201,
          body: presentPetition(row, actor, now, request.body.dossierCode ?? null, rules),
        };
      });
      return reply.status(result.status as 201).send(result.body as TPetition);
    },
  );

  app.get(
    '/api/petitions',
    {
      schema: {
        tags,
        querystring: ZPetitionQuery,
        response: {
          200: z.object({
            items: z.array(ZPetition),
            nextCursor: z
              .string()
              .nullable()
              .describe('pass as ?cursor= for the next page; null on the last'),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = scopeOf(actor);
      const q = request.query;
      const now = app.clock.now();
      let query = app.db.selectFrom('petitions').selectAll();
      if (scope.kind !== 'all') query = query.where('province_code', '=', scope.provinceCode);
      if (scope.kind === 'unit') query = query.where('unit_code', '=', scope.unitCode);
      if (q.unit)
        query =
          q.unit.length === 2
            ? query.where('province_code', '=', q.unit)
            : query.where('unit_code', '=', q.unit);
      if (q.kind) query = query.where('kind', '=', q.kind);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.overdue === 'true')
        query = query.where((eb) =>
          eb.or([
            eb.and([eb('status', 'in', ['received', 'more_info_requested']), eb('respond_by', '<', now)]),
            eb.and([eb('status', '=', 'accepted'), eb('due_at', '<', now)]),
            eb.and([
              eb('status', '=', 'resolved'),
              eb('kind', '=', 'feedback'),
              eb('published_at', 'is', null),
              eb('publish_by', '<', now),
            ]),
          ]),
        );
      if (q.cursor) {
        const after = decodeCursor(q.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('received_at', '<', after.at),
            eb.and([eb('received_at', '=', after.at), eb('id', '<', after.id)]),
          ]),
        );
      }
      const fetched = await query
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const { page: rows, nextCursor } = pageOf(fetched, q.limit, (p) => ({ at: p.received_at, id: p.id }));
      const ids = [...new Set(rows.map((r) => r.dossier_id).filter((x): x is string => x !== null))];
      const codes = new Map<string, string>();
      if (ids.length)
        for (const d of await app.db
          .selectFrom('dossiers')
          .select(['id', 'code'])
          .where('id', 'in', ids)
          .execute())
          codes.set(d.id, d.code);
      const rules = new Map<string, PetitionRules>();
      for (const province of new Set(rows.map((r) => r.province_code)))
        rules.set(province, await loadPetitionRules(app.db, province));
      return {
        items: rows.map((p) =>
          presentPetition(
            p,
            actor,
            now,
            p.dossier_id ? (codes.get(p.dossier_id) ?? null) : null,
            rules.get(p.province_code) ?? DEFAULT_PETITION_RULES,
          ),
        ),
        nextCursor,
      };
    },
  );

  app.get(
    '/api/petitions/:code',
    { schema: { tags, params: ZCodeParams, response: { 200: ZPetition } } },
    async (request) => {
      const actor = requireActor(request);
      const p = await findPetition(app.db, request.params.code, scopeOf(actor));
      if (!p) throw notFound('petition', request.params.code);
      return presentWholePetition(app.db, p, actor, app.clock.now());
    },
  );

  app.get(
    '/api/petitions/:code/petitioner',
    {
      schema: {
        tags,
        description: "The petitioner's full data; every read is audited, a denouncer's only by the leader.",
        params: ZCodeParams,
        response: {
          200: z.object({
            name: z.string(),
            idNumber: z.string().nullable(),
            phone: z.string().nullable(),
            address: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return app.db.transaction().execute(async (trx) => {
        const p = await findPetition(trx, request.params.code, scopeOf(actor));
        if (!p) throw notFound('petition', request.params.code);
        if (p.kind === 'denunciation')
          authorize(actor, 'petition.read_denouncer', {
            provinceCode: p.province_code,
            unitCode: p.unit_code,
          });
        await appendAudit(
          trx,
          {
            actor,
            action: 'petition.read_personal_data',
            targetType: 'petition',
            targetId: p.code,
            unitCode: p.unit_code,
            provinceCode: p.province_code,
            ip: request.ip,
            details: { kind: p.kind },
          },
          app.clock.now(),
        );
        return {
          name: p.petitioner_name,
          idNumber: p.petitioner_id_number,
          phone: p.petitioner_phone,
          address: p.petitioner_address,
        };
      });
    },
  );

  app.post(
    '/api/petitions/:code/actions',
    {
      schema: {
        tags,
        headers: ZIdempotencyHeaders,
        params: ZCodeParams,
        body: ZPetitionActionRequest,
        response: { 200: ZPetition },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const p = await applyPetitionAction(trx, actor, request.params.code, request.body, now);
        return { status: 200, body: await presentWholePetition(trx, p, actor, now) };
      });
      return reply.status(200).send(result.body as TPetition);
    },
  );

  const ZProvinceParams = z.object({ province: z.string().regex(/^\d{2}$/, '@rule.provinceCode') });

  app.get('/api/petition-rules/:province', { schema: { tags, params: ZProvinceParams } }, async (request) => {
    requireActor(request);
    const unit = await getUnit(app.db, request.params.province, { asOf: todayInVietnam(app.clock.now()) });
    return {
      province: unit.code,
      defaults: DEFAULT_PETITION_RULES,
      rules: await loadPetitionRules(app.db, unit.code),
    };
  });

  app.put(
    '/api/petition-rules/:province',
    { schema: { tags, params: ZProvinceParams, body: ZRulesOverride } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const unit = await getUnit(app.db, request.params.province, { asOf: todayInVietnam(now) });
      authorize(actor, 'petition.rules.edit', { provinceCode: unit.code, unitCode: '' });
      await app.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: rulesSettingKey(unit.code), value: JSON.stringify(request.body), updated_at: now })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({ value: JSON.stringify(request.body), updated_at: now }),
          )
          .execute();
        await appendAudit(
          trx,
          {
            actor,
            action: 'petition.rules.set',
            targetType: 'settings',
            targetId: rulesSettingKey(unit.code),
            provinceCode: unit.code,
            details: { override: request.body },
          },
          app.clock.now(),
        );
      });
      return {
        province: unit.code,
        defaults: DEFAULT_PETITION_RULES,
        rules: mergePetitionRules(DEFAULT_PETITION_RULES, request.body),
      };
    },
  );
}
