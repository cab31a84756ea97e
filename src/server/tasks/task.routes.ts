/**
 * Leaders' tasks (docs/TASKS.md):
 *   POST /api/tasks                    assign (six clear elements; Idempotency-Key)
 *   GET  /api/tasks?assignee=&status=&overdue=   leaders: their commune's; officers: their own
 *   GET  /api/tasks/:id                one task with its actions
 *   POST /api/tasks/:id/actions        start, submit, accept, return, extend, cancel
 * Each handler: authenticate → (zod validation on the route) → transaction → service → present. Who may do what
 * is decided in the service (the policy on the task's tenant and the actor's roles on the task).
 */
import { requireActor } from '../accounts/auth.hook.ts';
import { nowToSecond } from '../platform/clock.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import type { AppInstance } from '../platform/types.ts';
import { presentTaskDetail, presentTaskPage } from './task.presenter.ts';
import {
  ZCreateTaskRequest,
  ZTask,
  ZTaskActionRequest,
  ZTaskIdParams,
  ZTaskPage,
  ZTaskQuery,
  type TTask,
} from './task.schemas.ts';
import * as service from './task.service.ts';

export async function taskRoutes(app: AppInstance): Promise<void> {
  const tags = ['tasks'];

  app.post(
    '/api/tasks',
    { schema: { tags, headers: ZIdempotencyHeaders, body: ZCreateTaskRequest, response: { 201: ZTask } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const t = await service.createTask(trx, actor, request.body, now);
        return { status: 201, body: presentTaskDetail(await service.loadTaskDetail(trx, t), actor, now) };
      });
      return reply.status(201).send(result.body as TTask);
    },
  );

  app.get(
    '/api/tasks',
    { schema: { tags, querystring: ZTaskQuery, response: { 200: ZTaskPage } } },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      return presentTaskPage(await service.findTaskPage(app.db, actor, request.query, now), actor, now);
    },
  );

  app.get(
    '/api/tasks/:id',
    { schema: { tags, params: ZTaskIdParams, response: { 200: ZTask } } },
    async (request) => {
      const actor = requireActor(request);
      const t = await service.getVisibleTask(app.db, actor, request.params.id);
      return presentTaskDetail(await service.loadTaskDetail(app.db, t), actor, app.clock.now());
    },
  );

  app.post(
    '/api/tasks/:id/actions',
    {
      schema: {
        tags,
        headers: ZIdempotencyHeaders,
        params: ZTaskIdParams,
        body: ZTaskActionRequest,
        response: { 200: ZTask },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const t = await service.applyTaskAction(trx, actor, request.params.id, request.body, now);
        return { status: 200, body: presentTaskDetail(await service.loadTaskDetail(trx, t), actor, now) };
      });
      return reply.status(200).send(result.body as TTask);
    },
  );
}
