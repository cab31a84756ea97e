import { requireActor } from './auth.hook.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { z } from 'zod';
import { listLeave, setLeave } from './account.leave.service.ts';
import { presentUser } from './account.presenter.ts';
import { ZSetLeaveRequest, ZUser, ZUsernameParams } from './account.schemas.ts';
import { ROLES } from './roles.ts';

const ZLeaveQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});
const ZLeaveList = z.object({
  items: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      unitCode: z.string(),
      roles: z.array(z.enum(ROLES)),
      leaveFrom: z.string().nullable(),
      leaveUntil: z.string().nullable(),
      onLeave: z.boolean(),
      editable: z.boolean(),
    }),
  ),
  truncated: z.boolean(),
});

/** An officer's leave dates (issue 12 item 3), set by the commune's leader or the province supervisor. */
export async function accountLeaveRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/staff-leave',
    {
      schema: {
        tags: ['users'],
        description:
          'The leave screen: a commune leader sees the commune’s staff, a province supervisor the province’s ' +
          '(`unit` narrows it to one commune), any other officer their own leave only.',
        querystring: ZLeaveQuery,
        response: { 200: ZLeaveList },
      },
    },
    async (request) => listLeave(app.db, requireActor(request), request.query.unit, app.clock.now()),
  );

  app.put(
    '/api/users/:username/leave',
    {
      schema: {
        tags: ['users'],
        description:
          'Sets or clears (both null) the leave of a specialist or counter officer of the leader’s commune; ' +
          'auto-assign skips them meanwhile and POST /api/dossiers/reassign-absent moves their open dossiers.',
        params: ZUsernameParams,
        body: ZSetLeaveRequest,
        response: { 200: ZUser },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      try {
        const row = await app.db
          .transaction()
          .execute((trx) => setLeave(trx, actor, request.params.username, request.body, now));
        return presentUser(row, false, now);
      } catch (e) {
        if (e instanceof AppError && e.code === 'FORBIDDEN')
          await app.db.transaction().execute((trx) =>
            appendAudit(
              trx,
              {
                actor,
                action: 'user.leave_refused',
                targetType: 'user',
                targetId: request.params.username,
                provinceCode: actor.provinceCode || null,
                ip: request.ip,
                details: { roles: actor.roles },
              },
              now,
            ),
          );
        throw e;
      }
    },
  );
}
