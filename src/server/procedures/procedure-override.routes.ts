import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, can } from '../accounts/policy.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { Actor } from '../accounts/roles.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { presentOverrideView } from './procedure-override.presenter.ts';
import {
  ZOverrideView,
  ZProcedureOverrideUpdate,
  ZProvinceQuery,
  ZRevertQuery,
} from './procedure-override.schemas.ts';
import {
  auditCatalogRefusal,
  overrideHistory,
  saveOverride,
  type CatalogRefusal,
  type OverrideValues,
} from './procedure-override.service.ts';
import { getProcedure } from './procedure.service.ts';

const ZCodeParams = z.object({ code: z.string().min(1).max(40) });

/**
 * The province an override request is about: a system administrator names it (`?province=`), everyone else works
 * on their own province (naming another is refused by the policy).
 */
function provinceOfRequest(actor: Actor, province: string | undefined): string {
  const code = province ?? (actor.roles.includes('system_admin') ? undefined : actor.provinceCode);
  if (!code) throw invalidField('province', 'rule.required', '@rule.required');
  return code;
}

const EMPTY: OverrideValues = { feeAmount: null, feeNote: null, notes: null, extraComponents: [] };

/**
 * A province's overrides of a national procedure (fee, notes, extra components; never the limit or the
 * competence): read by the province's officers, saved and reverted by its supervisor or the system admin.
 */
export async function procedureOverrideRoutes(app: AppInstance): Promise<void> {
  /** 403 unless the actor may change the province's override; a refusal is audited in its own transaction. */
  const authorizeOverride = async (
    request: FastifyRequest,
    actor: Actor,
    provinceCode: string,
    refusal: Omit<CatalogRefusal, 'action' | 'provinceCode'>,
  ): Promise<void> => {
    if (can(actor, 'catalog.override', { provinceCode, unitCode: '' })) return;
    await auditCatalogRefusal(
      app.db,
      actor,
      { action: 'catalog.override', provinceCode, ...refusal },
      request.ip,
      app.clock.now(),
    );
    throw new AppError('FORBIDDEN', { details: { action: 'catalog.override' } });
  };

  const view = async (actor: Actor, provinceCode: string, code: string) =>
    presentOverrideView(
      code,
      provinceCode,
      await overrideHistory(app.db, provinceCode, code),
      can(actor, 'catalog.override', { provinceCode, unitCode: '' }),
    );

  app.get(
    '/api/procedures/:code/overrides',
    {
      schema: {
        tags: ['procedures'],
        description: "The province's override of the procedure in force, and every version of it.",
        params: ZCodeParams,
        querystring: ZProvinceQuery,
        response: { 200: ZOverrideView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const provinceCode = provinceOfRequest(actor, request.query.province);
      authorize(actor, 'catalog.read_overrides', { provinceCode, unitCode: '' });
      await getProcedure(app.db, request.params.code); // 404 for an unknown procedure
      return view(actor, provinceCode, request.params.code);
    },
  );

  app.put(
    '/api/procedures/:code/overrides',
    {
      schema: {
        tags: ['procedures'],
        description:
          'Saves a new version of the province’s override (fee, fee note, notes, extra components). The legal ' +
          'limit and the competence cannot be overridden (400 naming the field); 409 when `expectedVersion` ' +
          'is not the version in force.',
        params: ZCodeParams,
        querystring: ZProvinceQuery,
        body: ZProcedureOverrideUpdate,
        response: { 200: ZOverrideView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { code } = request.params;
      const provinceCode = provinceOfRequest(actor, request.query.province);
      await authorizeOverride(request, actor, provinceCode, { attempt: 'override', target: code });
      const { expectedVersion, feeAmount, feeNote, notes, extraComponents } = request.body;
      await app.db.transaction().execute(async (trx) => {
        const procedure = await getProcedure(trx, code);
        const input = { expectedVersion, feeAmount, feeNote, notes, extraComponents };
        await saveOverride(trx, actor, provinceCode, procedure, input, app.clock.now());
      });
      return view(actor, provinceCode, code);
    },
  );

  app.delete(
    '/api/procedures/:code/overrides',
    {
      schema: {
        tags: ['procedures'],
        description:
          'Reverts the province to the national entry: a new, empty version (the history is kept); 409 when ' +
          '`expectedVersion` is not the version in force.',
        params: ZCodeParams,
        querystring: ZRevertQuery,
        response: { 200: ZOverrideView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { code } = request.params;
      const provinceCode = provinceOfRequest(actor, request.query.province);
      await authorizeOverride(request, actor, provinceCode, { attempt: 'revert', target: code });
      const { expectedVersion } = request.query;
      await app.db.transaction().execute(async (trx) => {
        const procedure = await getProcedure(trx, code);
        await saveOverride(
          trx,
          actor,
          provinceCode,
          procedure,
          { expectedVersion, ...EMPTY },
          app.clock.now(),
        );
      });
      return view(actor, provinceCode, code);
    },
  );
}
