import { z } from 'zod';
import { authorize, can } from '../accounts/policy.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import type { AppInstance } from '../platform/types.ts';
import { getUnit } from '../units/unit.service.ts';
import { presentRoutingRule } from './procedure-routing.presenter.ts';
import { ZRoutingList, ZRoutingRule, ZRoutingUpdate, ZUnitQuery } from './procedure-routing.schemas.ts';
import { listRoutingRules, setRoutingRule, type Commune } from './procedure-routing.service.ts';
import { findProcedures, getProcedure } from './procedure.service.ts';

const ZCodeParams = z.object({ code: z.string().min(1).max(40) });

/**
 * Per commune, how each procedure's dossiers flow after intake (issue 12 item 3): read by the commune's officers,
 * set by its leader only. Not the national catalog: a commune's own rows.
 */
export async function procedureRoutingRoutes(app: AppInstance): Promise<void> {
  /** The commune a request is about: `unit` when given, else the officer's own (a province officer must name it). */
  const communeOf = async (actor: Actor, unit: string | undefined): Promise<Commune> => {
    const code = unit ?? (actor.unitCode.length === 5 ? actor.unitCode : undefined);
    if (!code) throw invalidField('unit', 'rule.required', '@rule.required');
    const u = await getUnit(app.db, code, { asOf: todayInVietnam(app.clock.now()) });
    if (u.type === 'province' || u.type === 'city')
      throw invalidField('unit', 'unit.commune', '@rule.unitCode');
    return { provinceCode: u.provinceCode, unitCode: u.code };
  };

  app.get(
    '/api/routing-rules',
    {
      schema: {
        tags: ['procedures'],
        description:
          "The commune's routing rule of every active procedure (the default: the leader assigns).",
        querystring: ZUnitQuery,
        response: { 200: ZRoutingList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const commune = await communeOf(actor, request.query.unit);
      authorize(actor, 'tenant.read', commune);
      const rules = new Map((await listRoutingRules(app.db, commune)).map((r) => [r.procedure_code, r]));
      const procedures = await findProcedures(app.db, {});
      return {
        unitCode: commune.unitCode,
        items: procedures.map((p) => presentRoutingRule(p, rules.get(p.code))),
      };
    },
  );

  app.put(
    '/api/routing-rules/:code',
    {
      schema: {
        tags: ['procedures'],
        description:
          'The commune leader sets how a procedure flows: at the counter, auto-assigned, or assigned by the leader. ' +
          'Signing at the counter only where the law allows it (certification, with the Chairman’s authorisation).',
        params: ZCodeParams,
        body: ZRoutingUpdate,
        response: { 200: ZRoutingRule },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { code } = request.params;
      const commune = await communeOf(actor, request.body.unit);
      if (!can(actor, 'routing.edit', commune)) {
        await app.db.transaction().execute((trx) =>
          appendAudit(
            trx,
            {
              actor,
              action: 'routing.set_refused',
              targetType: 'procedure',
              targetId: code,
              unitCode: commune.unitCode,
              provinceCode: commune.provinceCode,
              ip: request.ip,
              details: { roles: actor.roles },
            },
            app.clock.now(),
          ),
        );
        throw new AppError('FORBIDDEN', { details: { action: 'routing.edit' } });
      }
      const { mode, counterSigns, authorisationRef } = request.body;
      const row = await app.db
        .transaction()
        .execute((trx) =>
          setRoutingRule(
            trx,
            actor,
            commune,
            code,
            { mode, counterSigns, authorisationRef: authorisationRef ?? null },
            app.clock.now(),
          ),
        );
      return presentRoutingRule(await getProcedure(app.db, code), row);
    },
  );
}
