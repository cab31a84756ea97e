import { z } from 'zod';
import type { AppInstance } from '../platform/types.ts';
import { AppError } from '../platform/app-error.ts';
import { clearSessionCookie, isSecure, requestMeta, requireActor, setSessionCookie } from './auth.hook.ts';
import { LoginThrottle } from './login-throttle.ts';
import { authorize } from './policy.ts';
import { scopeOf } from './scope.ts';
import * as service from './account.service.ts';
import { presentMe, presentUser } from './account.presenter.ts';
import {
  ZCreateUserRequest,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZSetPasswordRequest,
  ZUser,
  ZUsernameParams,
} from './account.schemas.ts';
import { findUserByUsername } from './account.repository.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';

const ZOk = z.object({ ok: z.literal(true) });

export async function accountRoutes(app: AppInstance): Promise<void> {
  const throttle = new LoginThrottle();

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZLoginResponse } } },
    async (request, reply) => {
      const now = app.clock.now();
      const wait = throttle.retryAfter(request.ip, now);
      if (wait > 0)
        throw new AppError('RATE_LIMITED', {
          params: { seconds: wait },
          headers: { 'retry-after': String(wait) },
        });
      const { username, password } = request.body;
      // Not in a route transaction: login verifies the hash first, then writes in a short one of its own.
      const result = await service.login(
        app.db,
        username,
        password,
        requestMeta(request),
        app.config.MOTCUA_SESSION_TTL_HOURS,
        now,
      );
      if (!result.ok) {
        throttle.recordFailure(request.ip, now);
        if (result.reason === 'locked') {
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          throw new AppError('ACCOUNT_LOCKED', {
            params: { minutes },
            headers: { 'retry-after': String(result.retryAfterSeconds) },
          });
        }
        throw new AppError(result.reason === 'disabled' ? 'ACCOUNT_DISABLED' : 'INVALID_CREDENTIALS');
      }
      setSessionCookie(reply, result.token, result.expiresAt, isSecure(request));
      return {
        ...presentMe(result.actor),
        csrfToken: result.csrfToken,
        expiresAt: new Date(result.expiresAt).toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: ZOk } } },
    async (request, reply) => {
      const session = request.session;
      if (session)
        await app.db
          .transaction()
          .execute((trx) => service.logout(trx, session, request.ip, app.clock.now()));
      clearSessionCookie(reply, isSecure(request));
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: ZMe } } }, async (request) =>
    presentMe(requireActor(request)),
  );

  app.get(
    '/api/users',
    { schema: { tags: ['users'], response: { 200: z.object({ items: z.array(ZUser) }) } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'users.list');
      const rows = await service.listUsers(app.db, scopeOf(actor));
      return { items: rows.map((r) => presentUser(r, app.clock.now())) };
    },
  );

  app.post(
    '/api/users',
    { schema: { tags: ['users'], body: ZCreateUserRequest, response: { 201: ZUser } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const created = await app.db.transaction().execute(async (trx) => {
        const provinceCode = await service.provinceOfUnit(trx, body.unitCode);
        authorize(actor, 'users.manage', { provinceCode, unitCode: body.unitCode });
        await service.createUser(trx, actor, body, app.clock.now(), requestMeta(request));
        return findUserByUsername(trx, body.username, EVERY_TENANT); // just created here
      });
      return reply.status(201).send(presentUser(created!, app.clock.now()));
    },
  );

  const manage = async (username: string, actorRequest: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(actorRequest);
    // Authorised on the target's tenant right after (403 for another province, as before).
    const target = await findUserByUsername(app.db, username, EVERY_TENANT);
    if (!target) throw new AppError('NOT_FOUND', { params: { resource: `user ${username}` } });
    authorize(actor, 'users.manage', { provinceCode: target.province_code, unitCode: target.unit_code });
    return actor;
  };

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:username/${path}`,
      { schema: { tags: ['users'], params: ZUsernameParams, response: { 200: ZOk } } },
      async (request) => {
        const actor = await manage(request.params.username, request);
        await app.db
          .transaction()
          .execute((trx) =>
            service.setDisabled(trx, actor, request.params.username, disabled, app.clock.now()),
          );
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/api/users/:username/password',
    {
      schema: { tags: ['users'], params: ZUsernameParams, body: ZSetPasswordRequest, response: { 200: ZOk } },
    },
    async (request) => {
      const actor = await manage(request.params.username, request);
      await app.db
        .transaction()
        .execute((trx) =>
          service.setPassword(trx, actor, request.params.username, request.body.password, app.clock.now()),
        );
      return { ok: true as const };
    },
  );
}
