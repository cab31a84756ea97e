import { z } from 'zod';
import { requireActor } from '../accounts/auth.hook.ts';
import { can } from '../accounts/policy.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import { nowToSecond, todayInVietnam } from '../platform/clock.ts';
import type { AppInstance } from '../platform/types.ts';
import { getUnit } from '../units/unit.service.ts';
import { reassignAbsent } from './dossier.routing.service.ts';

const ZReassignRequest = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
const ZReassignResponse = z.object({
  items: z.array(z.object({ code: z.string(), from: z.string(), to: z.string().nullable() })),
});

/** The leader's "reassign absent" (issue 12 item 3): open dossiers of officers on leave go to those present. */
export async function dossierReassignRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/api/dossiers/reassign-absent',
    {
      schema: {
        tags: ['dossiers'],
        description:
          'Every open dossier of the commune assigned to an officer on leave today is assigned to the ' +
          'least-loaded qualified specialist present (an `assign` action each); `to: null` when nobody may take it.',
        body: ZReassignRequest,
        response: { 200: ZReassignResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = nowToSecond(app.clock);
      const code = request.body.unit ?? (actor.unitCode.length === 5 ? actor.unitCode : undefined);
      if (!code) throw invalidField('unit', 'rule.required', '@rule.required');
      const unit = await getUnit(app.db, code, { asOf: todayInVietnam(now) });
      const commune = { provinceCode: unit.provinceCode, unitCode: unit.code };
      if (!can(actor, 'staff.reassign', commune)) {
        await app.db.transaction().execute((trx) =>
          appendAudit(
            trx,
            {
              actor,
              action: 'dossier.reassign_absent_refused',
              targetType: 'unit',
              targetId: unit.code,
              unitCode: unit.code,
              provinceCode: unit.provinceCode,
              ip: request.ip,
              details: { roles: actor.roles },
            },
            now,
          ),
        );
        throw new AppError('FORBIDDEN', { details: { action: 'staff.reassign' } });
      }
      const items = await app.db.transaction().execute((trx) => reassignAbsent(trx, actor, commune, now));
      return { items };
    },
  );
}
