/**
 * Leaders' tasks (docs/TASKS.md):
 *   POST /api/tasks                    assign (six clear elements; Idempotency-Key)
 *   GET  /api/tasks?assignee=&status=&overdue=   leaders: their commune's; officers: their own
 *   GET  /api/tasks/:id                one task with its actions
 *   POST /api/tasks/:id/actions        start, submit, accept, return, extend, cancel
 */
import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { allowedTaskActions, taskTimeliness, type TaskStatus } from '../../shared/task/task.ts';
import { can } from '../accounts/policy.ts';
import { scopeOf } from '../accounts/scope.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import { idempotent, ZIdempotencyHeaders } from '../platform/idempotency.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { nowToSecond } from '../platform/clock.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import type { AppInstance } from '../platform/types.ts';
import { presentActionLog } from '../audit/action-log.ts';
import type { Actor } from '../accounts/roles.ts';
import type { Database } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { applyTaskAction, createTask, findTask, rolesOn } from './task.service.ts';
import { ZCreateTaskRequest, ZTask, ZTaskActionRequest, ZTaskQuery, type TTask } from './task.schemas.ts';
import type { TaskActionRow, TaskRow } from './task.table.ts';

type Db = Kysely<Database>;
const ZIdParams = z.object({ id: z.string().uuid() });

interface Names {
  users: Map<string, { username: string; name: string }>;
  dossiers: Map<string, string>;
}

async function namesFor(db: Db, rows: TaskRow[]): Promise<Names> {
  const userIds = [...new Set(rows.flatMap((r) => [r.assignee_id, r.assigned_by]))];
  const dossierIds = [...new Set(rows.map((r) => r.dossier_id).filter((x): x is string => x !== null))];
  const users = new Map<string, { username: string; name: string }>();
  if (userIds.length)
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('id', 'in', userIds)
      .execute())
      users.set(u.id, { username: u.username, name: u.display_name });
  const dossiers = new Map<string, string>();
  if (dossierIds.length)
    for (const d of await db
      .selectFrom('dossiers')
      .select(['id', 'code'])
      .where('id', 'in', dossierIds)
      .execute())
      dossiers.set(d.id, d.code);
  return { users, dossiers };
}

export function presentTask(
  t: TaskRow,
  actor: Actor,
  names: Names,
  now: number,
  actions?: TaskActionRow[],
): TTask {
  const status = t.status as TaskStatus;
  const who = (id: string) => names.users.get(id) ?? { username: '', name: '' };
  const timeliness = taskTimeliness({ status, dueAt: t.due_at, submittedAt: t.submitted_at }, now);
  return {
    id: t.id,
    unitCode: t.unit_code,
    person: who(t.assignee_id),
    assignedBy: who(t.assigned_by),
    work: t.work,
    time: formatInstant(t.due_at),
    responsibility: t.responsibility,
    product: t.product,
    authority: t.authority,
    collaborators: JSON.parse(t.collaborators) as string[],
    dossierCode: t.dossier_id ? (names.dossiers.get(t.dossier_id) ?? null) : null,
    status,
    assignedAt: formatInstant(t.assigned_at),
    submittedAt: isoOrNull(t.submitted_at),
    productNote: t.product_note,
    endedAt: isoOrNull(t.ended_at),
    extensionCount: t.extension_count,
    timeliness,
    overdue: (status === 'assigned' || status === 'in_progress') && now > t.due_at,
    allowedActions: allowedTaskActions(status, rolesOn(actor, t)),
    ...(actions
      ? {
          actions: presentActionLog(actions),
        }
      : {}),
  };
}

const listActions = (db: Db, id: string) =>
  db.selectFrom('task_actions').selectAll().where('task_id', '=', id).orderBy('seq').execute();

export async function taskRoutes(app: AppInstance): Promise<void> {
  const tags = ['tasks'];

  app.post(
    '/api/tasks',
    { schema: { tags, headers: ZIdempotencyHeaders, body: ZCreateTaskRequest, response: { 201: ZTask } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const t = await createTask(trx, actor, request.body, now);
        return {
          status: 201,
          body: presentTask(t, actor, await namesFor(trx, [t]), now, await listActions(trx, t.id)),
        };
      });
      return reply.status(201).send(result.body as TTask);
    },
  );

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        querystring: ZTaskQuery,
        response: {
          200: z.object({
            items: z.array(ZTask),
            nextCursor: z
              .string()
              .nullable()
              .describe('pass as ?cursor= for the next page; null on the last'),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const now = app.clock.now();
      const scope = scopeOf(actor);
      const leader = can(actor, 'task.assign', {
        provinceCode: actor.provinceCode,
        unitCode: actor.unitCode,
      });
      let query = app.db.selectFrom('tasks').selectAll();
      if (scope.kind !== 'all') query = query.where('province_code', '=', scope.provinceCode);
      if (scope.kind === 'unit') query = query.where('unit_code', '=', scope.unitCode);
      if (!leader) query = query.where('assignee_id', '=', actor.id);
      if (q.assignee) {
        const username = q.assignee === 'me' ? actor.username : q.assignee;
        const user = await app.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirst();
        query = query.where('assignee_id', '=', user?.id ?? '-');
      }
      if (q.status) query = query.where('status', '=', q.status);
      if (q.overdue === 'true')
        query = query.where('status', 'in', ['assigned', 'in_progress']).where('due_at', '<', now);
      if (q.cursor) {
        const after = decodeCursor(q.cursor);
        query = query.where((eb) =>
          eb.or([
            eb('due_at', '>', after.at),
            eb.and([eb('due_at', '=', after.at), eb('id', '>', after.id)]),
          ]),
        );
      }
      const fetched = await query
        .orderBy('due_at')
        .orderBy('id')
        .limit(q.limit + 1)
        .execute();
      const { page, nextCursor } = pageOf(fetched, q.limit, (t) => ({ at: t.due_at, id: t.id }));
      const names = await namesFor(app.db, page);
      return { items: page.map((t) => presentTask(t, actor, names, now)), nextCursor };
    },
  );

  app.get(
    '/api/tasks/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZTask } } },
    async (request) => {
      const actor = requireActor(request);
      const t = await findTask(app.db, actor, request.params.id);
      return presentTask(
        t,
        actor,
        await namesFor(app.db, [t]),
        app.clock.now(),
        await listActions(app.db, t.id),
      );
    },
  );

  app.post(
    '/api/tasks/:id/actions',
    {
      schema: {
        tags,
        headers: ZIdempotencyHeaders,
        params: ZIdParams,
        body: ZTaskActionRequest,
        response: { 200: ZTask },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(app.db, request, actor.id, async (trx) => {
        const now = nowToSecond(app.clock);
        const t = await applyTaskAction(trx, actor, request.params.id, request.body, now);
        return {
          status: 200,
          body: presentTask(t, actor, await namesFor(trx, [t]), now, await listActions(trx, t.id)),
        };
      });
      return reply.status(200).send(result.body as TTask);
    },
  );
}
