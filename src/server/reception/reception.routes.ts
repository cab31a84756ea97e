/**
 * Citizen reception (tiếp công dân; docs/RECEPTION.md):
 *   GET  /api/reception?unit=&kind=&handling=&overdue=&cursor=   the register, newest first (citizen masked)
 *   POST /api/reception                                          record a reception (Idempotency-Key)
 *   GET  /api/reception/:code                                    one reception
 *   GET  /api/reception/:code/citizen                            the citizen's full data (audited; a denouncer's: the commune leader only)
 *   POST /api/reception/:code/reply                              record the reply or notice (Art. 28)
 *   GET/PUT /api/reception-schedule/:unitCode                    the commune's weekly schedule (edit: its leader, the admin)
 * The public schedule (GET /api/public/reception-schedule/:unitCode) is registered by the portal's plugin, under
 * its rate limit: see publicReceptionRoutes below.
 */
import { requireActor } from '../accounts/auth.hook.ts';
import type { Actor } from '../accounts/roles.ts';
import { AppError } from '../platform/app-error.ts';
import { nowToSecond } from '../platform/clock.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import type { AppInstance } from '../platform/types.ts';
import {
  mayReadCitizen,
  presentCitizen,
  presentPublicSchedule,
  presentReception,
  presentSchedule,
} from './reception.presenter.ts';
import {
  auditRefusal,
  createReception,
  getReception,
  viewReception,
  listReceptions,
  readCitizen,
  replyToReception,
} from './reception.service.ts';
import { getSchedule, publicSchedule, saveSchedule } from './reception.schedule.service.ts';
import {
  ZCitizenData,
  ZCodeParams,
  ZCreateReceptionRequest,
  ZPublicSchedule,
  ZReception,
  ZReceptionPage,
  ZReceptionQuery,
  ZReplyRequest,
  ZSchedule,
  ZScheduleQuery,
  ZScheduleRequest,
  ZUnitParams,
  type TReception,
} from './reception.schemas.ts';

const tags = ['reception'];

const isForbidden = (e: unknown): boolean => e instanceof AppError && e.code === 'FORBIDDEN';

/** A refused attempt goes to the actor's own chain (the target may be another province's). */
const ownTenant = (actor: Actor) => ({ provinceCode: actor.provinceCode, unitCode: actor.unitCode });

export async function receptionRoutes(app: AppInstance): Promise<void> {
  const agencyPrefix = app.config.MOTCUA_AGENCY_FALLBACK_PREFIX;

  app.get(
    '/api/reception',
    { schema: { tags, querystring: ZReceptionQuery, response: { 200: ZReceptionPage } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const { items, nextCursor } = await listReceptions(app.db, actor, request.query, now);
      return { items: items.map((r) => presentReception(r.row, actor, now, r.petitionCode)), nextCursor };
    },
  );

  app.post(
    '/api/reception',
    {
      schema: {
        tags,
        description:
          'Records a reception; handling = petition also lodges the petition, in the same transaction. The reply ' +
          'deadline is 10 working days on the province calendar (Law on Citizen Reception 2013 Art. 28).',
        headers: ZIdempotencyHeaders,
        body: ZCreateReceptionRequest,
        response: { 201: ZReception },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      try {
        const result = await idempotent(app.db, request, actor.id, async (trx) => {
          const now = nowToSecond(app.clock);
          const r = await createReception(trx, actor, request.body, { now, agencyPrefix });
          return { status: 201, body: presentReception(r.row, actor, now, r.petitionCode) };
        });
        return await reply.status(result.status as 201).send(result.body as TReception);
      } catch (e) {
        if (isForbidden(e)) {
          const target = { targetType: 'unit', targetId: request.body.unitCode ?? actor.unitCode };
          await auditRefusal(
            app.db,
            actor,
            'reception.record_refused',
            { ...target, ...ownTenant(actor) },
            request.ip,
            app.clock.now(),
            { kind: request.body.kind },
          );
        }
        throw e;
      }
    },
  );

  app.get(
    '/api/reception/:code',
    { schema: { tags, params: ZCodeParams, response: { 200: ZReception } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const r = await app.db
        .transaction()
        .execute((trx) => viewReception(trx, actor, request.params.code, request.ip, now));
      return presentReception(r.row, actor, now, r.petitionCode);
    },
  );

  app.get(
    '/api/reception/:code/citizen',
    {
      schema: {
        tags,
        description: "The citizen's full data; every read audited, a denouncer's by the commune leader only.",
        params: ZCodeParams,
        response: { 200: ZCitizenData },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      const { row } = await getReception(app.db, actor, request.params.code);
      if (!mayReadCitizen(actor, row)) {
        const target = { targetType: 'reception', targetId: row.code };
        const tenant = { provinceCode: row.province_code, unitCode: row.unit_code };
        const details = { kind: row.kind };
        await auditRefusal(
          app.db,
          actor,
          'reception.read_personal_data_refused',
          { ...target, ...tenant },
          request.ip,
          now,
          details,
        );
        throw new AppError('FORBIDDEN', { details: { action: 'reception.read_denouncer' } });
      }
      const full = await app.db
        .transaction()
        .execute((trx) => readCitizen(trx, actor, request.params.code, request.ip, now));
      return presentCitizen(full);
    },
  );

  app.post(
    '/api/reception/:code/reply',
    {
      schema: {
        tags,
        headers: ZIdempotencyHeaders,
        params: ZCodeParams,
        body: ZReplyRequest,
        response: { 200: ZReception },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      try {
        const result = await idempotent(app.db, request, actor.id, async (trx) => {
          const now = nowToSecond(app.clock);
          const row = await replyToReception(trx, actor, request.params.code, request.body, now);
          const { petitionCode } = await getReception(trx, actor, row.code);
          return { status: 200, body: presentReception(row, actor, now, petitionCode) };
        });
        return await reply.status(200).send(result.body as TReception);
      } catch (e) {
        if (isForbidden(e)) {
          const target = { targetType: 'reception', targetId: request.params.code };
          await auditRefusal(
            app.db,
            actor,
            'reception.reply_refused',
            { ...target, ...ownTenant(actor) },
            request.ip,
            app.clock.now(),
          );
        }
        throw e;
      }
    },
  );

  app.get(
    '/api/reception-schedule/:unitCode',
    { schema: { tags, params: ZUnitParams, response: { 200: ZSchedule } } },
    async (request) => {
      const actor = requireActor(request);
      const s = await getSchedule(app.db, actor, request.params.unitCode, app.clock.now());
      return presentSchedule(s.unitCode, s.slots, s.exceptions, s.version, s.mayEdit);
    },
  );

  app.put(
    '/api/reception-schedule/:unitCode',
    {
      schema: {
        tags,
        description:
          'Replaces the weekly slots and dated exceptions. The chairman must host at least one weekly slot ' +
          '(Law on Citizen Reception 2013 Art. 15.2.d); the commune leader of that commune or the admin edits.',
        params: ZUnitParams,
        body: ZScheduleRequest,
        response: { 200: ZSchedule },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = nowToSecond(app.clock);
      const { unitCode } = request.params;
      try {
        const s = await app.db
          .transaction()
          .execute((trx) => saveSchedule(trx, actor, unitCode, request.body, now));
        return presentSchedule(s.unitCode, s.slots, s.exceptions, s.version, s.mayEdit);
      } catch (e) {
        if (isForbidden(e)) await auditScheduleRefusal(app, actor, unitCode, request.ip, now);
        throw e;
      }
    },
  );
}

async function auditScheduleRefusal(
  app: AppInstance,
  actor: Actor,
  unitCode: string,
  ip: string,
  now: number,
) {
  // The refused unit may be another province's: the attempt goes to the actor's own chain.
  const tenant = { provinceCode: actor.provinceCode, unitCode: actor.unitCode };
  await auditRefusal(
    app.db,
    actor,
    'reception.schedule.set_refused',
    { targetType: 'unit', targetId: unitCode, ...tenant },
    ip,
    now,
  );
}

/**
 * The public door: GET /api/public/reception-schedule/:unitCode, this week's and next week's reception sessions
 * (Art. 24.2: the place, the regular times and the head's schedule are published). Registered inside the portal's
 * plugin so that the public rate limit covers it.
 */
export async function publicReceptionRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/public/reception-schedule/:unitCode',
    {
      schema: {
        tags: ['public'],
        description:
          "A commune's citizen reception schedule, this week and next (no personal data). Limited per client address.",
        params: ZUnitParams,
        querystring: ZScheduleQuery,
        response: { 200: ZPublicSchedule },
      },
    },
    async (request) => {
      const s = await publicSchedule(app.db, request.params.unitCode, app.clock.now(), request.query.week);
      return presentPublicSchedule(s.unit, s.weeks);
    },
  );
}
