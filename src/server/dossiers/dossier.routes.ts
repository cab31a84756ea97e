import { z } from 'zod';
import { listDossierNotices } from '../notifications/notification.repository.ts';
import { presentDossierNotices } from '../notifications/notification.presenter.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { instantField, notFound } from '../platform/app-error.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { applyActionRouted } from './dossier.routing.service.ts';
import { intake } from './dossier.intake.service.ts';
import { presentDossier, presentDossiers } from './dossier.presenter.ts';
import { authorizeOnDossier } from './dossier.policy.ts';
import * as repo from './dossier.repository.ts';
import { findUserByUsername } from '../accounts/account.repository.ts';
import {
  ZActionRequest,
  ZCreateDossierRequest,
  ZDossier,
  ZQueueQuery,
  ZQueueResponse,
} from './dossier.schemas.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { nowToSecond } from '../platform/clock.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { tabFilter } from './dossier.queue.service.ts';

const ZCodeParams = z.object({ code: z.string().min(1).max(64) });

export async function dossierRoutes(app: AppInstance): Promise<void> {
  const agencyPrefix = app.config.MOTCUA_AGENCY_FALLBACK_PREFIX;

  app.post(
    '/api/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        headers: ZIdempotencyHeaders,
        body: ZCreateDossierRequest,
        response: { 201: ZDossier },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const idempotencyKey = request.headers['idempotency-key'];
      const result = await idempotent(
        app.db,
        request,
        actor.id,
        async (trx) => {
          const row = await intake(trx, actor, request.body, {
            now: nowToSecond(app.clock),
            agencyPrefix,
            idempotencyKey,
          });
          // with its log, so the answer lists the forms to print (01 and 06, 02 or 03) as the dossier page does
          return {
            status: 201,
            body: presentDossier(row, actor, new Map(), await repo.listActions(trx, row)),
          };
        },
        app.intakeCommits.run.bind(app.intakeCommits),
      );
      return reply.status(result.status as 201).send(result.body as z.infer<typeof ZDossier>);
    },
  );

  app.get(
    '/api/dossiers',
    { schema: { tags: ['dossiers'], querystring: ZQueueQuery, response: { 200: ZQueueResponse } } },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      let assigneeId: string | undefined;
      if (q.assignee) {
        const username = q.assignee === 'me' ? actor.username : q.assignee;
        const user = await findUserByUsername(app.db, username, scopeOf(actor));
        assigneeId = user?.id ?? '-';
      }
      const now = app.clock.now();
      const rows = await repo.queue(app.db, {
        ...(await tabFilter(app.db, actor, q.tab, now)),
        scope: scopeOf(actor),
        unitCode: q.unit,
        status: q.status,
        assigneeId,
        dueBefore: q.dueBefore ? instantField(q.dueBefore, 'dueBefore') : undefined,
        overdueAt: q.overdue === 'true' ? app.clock.now() : undefined,
        qFolded: q.q ? foldVietnamese(q.q) : undefined,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: q.limit + 1,
      });
      const order = repo.queueOrder(q.tab);
      const { page, nextCursor } = pageOf(rows, q.limit, (d) => ({ at: Number(d[order.at] ?? 0), id: d.id }));
      const names = await repo.assigneeNames(app.db, page);
      return { items: presentDossiers(page, actor, names), nextCursor };
    },
  );

  app.get(
    '/api/dossiers/:code',
    { schema: { tags: ['dossiers'], params: ZCodeParams, response: { 200: ZDossier } } },
    async (request) => {
      const actor = requireActor(request);
      const d = await repo.findDossierByCode(app.db, request.params.code, scopeOf(actor));
      if (!d) throw notFound('dossier', request.params.code);
      return {
        ...presentDossier(
          d,
          actor,
          await repo.assigneeNames(app.db, [d]),
          await repo.listActions(app.db, d),
          { now: app.clock.now(), calendar: await loadCalendar(app.db, d.province_code) },
        ),
        notices: presentDossierNotices(await listDossierNotices(app.db, d)),
      };
    },
  );

  app.get(
    '/api/dossiers/:code/applicant',
    {
      schema: {
        tags: ['dossiers'],
        description: 'The applicant’s full personal data; every read is written to the audit log.',
        params: ZCodeParams,
        response: {
          200: z.object({
            name: z.string(),
            idNumber: z.string().nullable(),
            phone: z.string().nullable(),
            address: z.string().nullable(),
            email: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return app.db.transaction().execute(async (trx) => {
        const d = await repo.findDossierByCode(trx, request.params.code, scopeOf(actor));
        if (!d) throw notFound('dossier', request.params.code);
        authorizeOnDossier(actor, 'readApplicant', d); // the rule behind the dossier's `abilities.readApplicant`
        await appendAudit(
          trx,
          {
            actor,
            action: 'dossier.read_personal_data',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { fields: ['idNumber', 'phone', 'address', 'email'] },
          },
          app.clock.now(),
        );
        return {
          name: d.applicant_name,
          idNumber: d.applicant_id_number,
          phone: d.applicant_phone,
          address: d.applicant_address,
          email: d.applicant_email,
        };
      });
    },
  );

  app.post(
    '/api/dossiers/:code/actions',
    {
      schema: {
        tags: ['dossiers'],
        params: ZCodeParams,
        headers: ZIdempotencyHeaders,
        body: ZActionRequest,
        response: { 200: ZDossier },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const now = nowToSecond(app.clock);
      // Approval signs the draft result (docs/ELECTRONIC-RESULTS.md): the signing, CPU or token work, before the
      // transaction; the approval and the signed result's row are then committed together.
      const signature =
        request.body.type === 'approve'
          ? await app.approvalSigning.sign(
              app,
              actor,
              request.params.code,
              now,
              `${request.protocol}://${request.host}`,
            )
          : null;
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const row = await applyActionRouted(trx, actor, request.params.code, request.body, { now });
        if (signature) await app.approvalSigning.record(trx, actor, row, signature, { ip: request.ip });
        return {
          status: 200,
          body: presentDossier(
            row,
            actor,
            await repo.assigneeNames(trx, [row]),
            await repo.listActions(trx, row),
          ),
        };
      });
      return reply.status(result.status as 200).send(result.body as z.infer<typeof ZDossier>);
    },
  );
}
