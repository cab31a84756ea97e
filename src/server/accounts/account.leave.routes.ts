import { requireActor } from './auth.hook.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { AppError } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { setLeave } from './account.leave.service.ts';
import { presentUser } from './account.presenter.ts';
import { ZSetLeaveRequest, ZUser, ZUsernameParams } from './account.schemas.ts';

/** An officer's leave dates (issue 12 item 3), set by the commune's leader. */
export async function accountLeaveRoutes(app: AppInstance): Promise<void> {
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
