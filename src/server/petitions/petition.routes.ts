/**
 * Complaints, denunciations and feedback (docs/PETITIONS.md):
 *   POST /api/petitions                        lodge (Idempotency-Key)
 *   GET  /api/petitions?unit=&kind=&status=&overdue=   the register, newest first
 *   GET  /api/petitions/:code                  one petition with its actions (petitioner masked; a denunciation's
 *                                              view audited, its denouncer hidden)
 *   GET  /api/petitions/:code/petitioner       the petitioner's full data (audited; denouncers: leaders only,
 *                                              a refusal audited too)
 *   POST /api/petitions/:code/actions          accept, reject, request_info, receive_info, extend, resolve, publish, withdraw
 *   GET/PUT /api/petition-rules/:province      the province's time limits (defaults + overrides)
 */
import { authorize } from '../accounts/policy.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { nowToSecond, todayInVietnam } from '../platform/clock.ts';
import type { AppInstance } from '../platform/types.ts';
import { getUnit } from '../units/unit.service.ts';
import { applyPetitionAction } from './petition.action.service.ts';
import { presentPetition, presentPetitioner, presentPetitionRules } from './petition.presenter.ts';
import { loadPetitionRules } from './petition.rules.ts';
import {
  auditRefusedRead,
  listPetitions,
  lodgePetition,
  petitionExtras,
  PetitionerReadRefused,
  readPetitioner,
  setPetitionRules,
  viewPetition,
} from './petition.service.ts';
import {
  ZCodeParams,
  ZLodgePetitionRequest,
  ZPetition,
  ZPetitionActionRequest,
  ZPetitionerData,
  ZPetitionPage,
  ZPetitionQuery,
  ZProvinceParams,
  ZRulesOverride,
  type TPetition,
} from './petition.schemas.ts';

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
        // The officer named the dossier; lodging checked it is of this commune.
        const extras = {
          dossierCode: request.body.dossierCode ?? null,
          rules: await loadPetitionRules(trx, row.province_code),
        };
        return { status: 201, body: presentPetition(row, actor, now, extras) };
      });
      return reply.status(result.status as 201).send(result.body as TPetition);
    },
  );

  app.get(
    '/api/petitions',
    { schema: { tags, querystring: ZPetitionQuery, response: { 200: ZPetitionPage } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const { items, nextCursor } = await listPetitions(app.db, actor, request.query, now);
      return { items: items.map((p) => presentPetition(p.row, actor, now, p.extras)), nextCursor };
    },
  );

  app.get(
    '/api/petitions/:code',
    { schema: { tags, params: ZCodeParams, response: { 200: ZPetition } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const { row, extras } = await app.db
        .transaction()
        .execute((trx) => viewPetition(trx, actor, request.params.code, request.ip, now));
      return presentPetition(row, actor, now, extras);
    },
  );

  app.get(
    '/api/petitions/:code/petitioner',
    {
      schema: {
        tags,
        description:
          "The petitioner's full data and the text as typed; every read is audited, a denouncer's only by the leader (a refusal is audited too).",
        params: ZCodeParams,
        response: { 200: ZPetitionerData },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      try {
        const { row, dossierCode } = await app.db
          .transaction()
          .execute((trx) => readPetitioner(trx, actor, request.params.code, request.ip, now));
        return presentPetitioner(row, dossierCode);
      } catch (e) {
        if (e instanceof PetitionerReadRefused) await auditRefusedRead(app.db, actor, e, request.ip, now);
        throw e;
      }
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
        return { status: 200, body: presentPetition(p, actor, now, await petitionExtras(trx, p, actor)) };
      });
      return reply.status(200).send(result.body as TPetition);
    },
  );

  app.get('/api/petition-rules/:province', { schema: { tags, params: ZProvinceParams } }, async (request) => {
    requireActor(request);
    const unit = await getUnit(app.db, request.params.province, { asOf: todayInVietnam(app.clock.now()) });
    return presentPetitionRules(unit.code, await loadPetitionRules(app.db, unit.code));
  });

  app.put(
    '/api/petition-rules/:province',
    { schema: { tags, params: ZProvinceParams, body: ZRulesOverride } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const unit = await getUnit(app.db, request.params.province, { asOf: todayInVietnam(now) });
      authorize(actor, 'petition.rules.edit', { provinceCode: unit.code, unitCode: '' });
      const rules = await app.db
        .transaction()
        .execute((trx) => setPetitionRules(trx, actor, unit.code, request.body, now));
      return presentPetitionRules(unit.code, rules);
    },
  );
}
