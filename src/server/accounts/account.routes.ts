import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppInstance } from '../platform/types.ts';
import { AppError } from '../platform/app-error.ts';
import { clearSessionCookie, isSecure, requestMeta, requireActor, setSessionCookie } from './auth.hook.ts';
import { LoginThrottle, SharedLoginThrottle } from './login-throttle.ts';
import { authorize } from './policy.ts';
import type { UserRow } from './account.table.ts';
import { scopeOf } from './scope.ts';
import * as service from './account.service.ts';
import * as sessions from './account.session.service.ts';
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
  // Several server processes share their throttle through Redis or the database (platform/redis-limits.ts).
  const throttle = app.limits.store ? new SharedLoginThrottle(app.limits.store) : new LoginThrottle();
  const present = async (row: UserRow, now: number) =>
    presentUser(row, await throttle.isSlowed(row.username, row.updated_at, now), now);

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZLoginResponse } } },
    async (request, reply) => {
      // Not in a route transaction: login verifies the hash first, then writes in a short one of its own.
      const result = await sessions.login(
        app.db,
        throttle,
        request.body,
        requestMeta(request),
        app.config.MOTCUA_SESSION_TTL_HOURS,
        app.clock.now(),
      );
      if (!result.ok) {
        if (result.reason === 'throttled') {
          const seconds = result.retryAfterSeconds;
          throw new AppError('RATE_LIMITED', {
            params: { seconds },
            headers: { 'retry-after': String(seconds) },
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
          .execute((trx) => sessions.logout(trx, session, request.ip, app.clock.now()));
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
      const now = app.clock.now();
      return { items: await Promise.all(rows.map((r) => present(r, now))) };
    },
  );

  /** One user-management write in its transaction; a refusal is audited in its own, then answered 403. */
  const managed = async <T>(
    request: FastifyRequest,
    work: (trx: Kysely<Database>) => Promise<T>,
  ): Promise<T> => {
    try {
      return await app.db.transaction().execute(work);
    } catch (e) {
      if (e instanceof service.UserManageRefused)
        await service.auditRefusal(app.db, e, request.ip, app.clock.now());
      throw e;
    }
  };

  app.post(
    '/api/users',
    { schema: { tags: ['users'], body: ZCreateUserRequest, response: { 201: ZUser } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const now = app.clock.now();
      const created = await managed(request, async (trx) => {
        await service.createUser(trx, actor, body, now, requestMeta(request));
        return findUserByUsername(trx, body.username, EVERY_TENANT); // just created here
      });
      return reply.status(201).send(await present(created!, now));
    },
  );

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:username/${path}`,
      { schema: { tags: ['users'], params: ZUsernameParams, response: { 200: ZOk } } },
      async (request) => {
        const actor = requireActor(request);
        const now = app.clock.now();
        await managed(request, (trx) =>
          service.setDisabled(trx, actor, request.params.username, disabled, now),
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
      const actor = requireActor(request);
      const { username } = request.params;
      const now = app.clock.now();
      await managed(request, (trx) => service.setPassword(trx, actor, username, request.body.password, now));
      return { ok: true as const };
    },
  );
}
