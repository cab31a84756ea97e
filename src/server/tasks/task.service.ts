/**
 * Leaders' tasks under the "six clear" principle (DOMAIN.md §5; docs/TASKS.md): a task states its person, work,
 * time, responsibility, product and authority, or it is refused naming what is missing. Every later step is an
 * action appended to the task's log, applied with its row and the audit entry in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  allowedTaskActions,
  nextTaskStatus,
  TASK_TRANSITIONS,
  type TaskActor,
  type TaskStatus,
} from '../../shared/task/task.ts';
import { can, authorize } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { inScope } from '../platform/tenant.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import {
  AppError,
  instantField,
  invalidField,
  notFound,
  requireField,
  type FieldIssue,
} from '../platform/app-error.ts';
import { assertNotChangedMeanwhile, auditTransition, illegalTransition } from '../audit/action-log.ts';
import type { TCreateTaskRequest, TTaskActionRequest } from './task.schemas.ts';
import type { TaskRow, TaskTable } from './task.table.ts';

type Db = Kysely<Database>;

const tenantOf = (t: Pick<TaskRow, 'province_code' | 'unit_code'>) => ({
  provinceCode: t.province_code,
  unitCode: t.unit_code,
});

/** An instant given by the user, to the second (as shown back). */
const toSecond = (value: string, path: string): number => Math.floor(instantField(value, path) / 1000) * 1000;

async function activeUser(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_code', 'province_code', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** The roles the actor plays on a task: its person, and/or a leader of its commune. */
export function rolesOn(actor: Actor, t: Pick<TaskRow, 'assignee_id' | 'province_code' | 'unit_code'>) {
  const as: TaskActor[] = [];
  if (t.assignee_id === actor.id) as.push('assignee');
  if (can(actor, 'task.assign', tenantOf(t))) as.push('leader');
  return as;
}

/** A task the actor may see: a leader's of their scope, or one given to them. */
export async function findTask(db: Db, actor: Actor, id: string): Promise<TaskRow> {
  const t = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t || !inScope(scopeOf(actor), tenantOf(t)) || rolesOn(actor, t).length === 0)
    throw notFound('task', id);
  return t;
}

/** Assigns a task; every one of the six elements must be clear (400 names each one missing). */
export async function createTask(
  trx: Db,
  actor: Actor,
  input: TCreateTaskRequest,
  now: number,
): Promise<TaskRow> {
  const person = await activeUser(trx, input.assignee);
  if (!person || person.disabled === 1)
    throw invalidField('assignee', 'task.personUnknown', '@task.personUnknown');
  const tenant = { provinceCode: person.province_code, unitCode: person.unit_code };
  authorize(actor, 'task.assign', tenant);
  const issues: FieldIssue[] = [];
  if (!input.dueAt && !input.limit)
    issues.push({ path: 'dueAt', rule: 'rule.taskTime', message: '@rule.taskTime' });
  let dueAt = 0;
  if (input.dueAt) {
    dueAt = toSecond(input.dueAt, 'dueAt');
    if (dueAt <= now) issues.push({ path: 'dueAt', rule: 'task.timePast', message: '@task.timePast' });
  } else if (input.limit) {
    const calendar = await loadCalendar(trx, person.province_code);
    dueAt = calendar.due(now, input.limit);
  }
  for (const [i, username] of input.collaborators.entries()) {
    const u = await activeUser(trx, username);
    if (!u || u.disabled === 1 || u.unit_code !== person.unit_code || u.id === person.id)
      issues.push({ path: `collaborators.${i}`, rule: 'task.collaborator', message: '@task.collaborator' });
  }
  let dossierId: string | null = null;
  if (input.dossierCode) {
    const d = await findDossierByCode(trx, input.dossierCode, scopeOf(actor));
    if (!d || d.unit_code !== person.unit_code)
      issues.push({
        path: 'dossierCode',
        rule: 'petition.dossierUnknown',
        message: '@petition.dossierUnknown',
      });
    else dossierId = d.id;
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  const row: TaskTable = {
    id: randomUUID(),
    province_code: person.province_code,
    unit_code: person.unit_code,
    assignee_id: person.id,
    assigned_by: actor.id,
    work: input.work,
    responsibility: input.responsibility,
    product: input.product,
    authority: input.authority,
    collaborators: JSON.stringify(input.collaborators),
    dossier_id: dossierId,
    status: 'assigned',
    assigned_at: now,
    due_at: dueAt,
    submitted_at: null,
    product_note: null,
    ended_at: null,
    extension_count: 0,
    action_count: 1,
    updated_at: now,
  };
  await trx.insertInto('tasks').values(row).execute();
  await trx
    .insertInto('task_actions')
    .values({
      task_id: row.id,
      seq: 1,
      type: 'assign',
      at: now,
      actor_id: actor.id,
      actor_name: actor.displayName,
      from_status: null,
      to_status: 'assigned',
      payload: JSON.stringify({ person: person.username, dueAt }),
    })
    .execute();
  await appendAudit(
    trx,
    {
      actor,
      action: 'task.assign',
      targetType: 'task',
      targetId: row.id,
      unitCode: row.unit_code,
      provinceCode: row.province_code,
      details: { person: person.username },
    },
    now,
  );
  return row;
}

type Effect = { patch: Partial<TaskTable>; payload: Record<string, unknown> };

const EFFECTS: Record<
  TTaskActionRequest['type'],
  (t: TaskRow, req: TTaskActionRequest, now: number) => Effect
> = {
  start: () => ({ patch: {}, payload: {} }),
  submit: (t, req, now) => {
    requireField(req.note, 'note');
    return {
      patch: { submitted_at: now, product_note: req.note ?? null },
      payload: { product: req.note, late: now > t.due_at },
    };
  },
  accept: (_t, _req, now) => ({ patch: { ended_at: now }, payload: {} }),
  return: (_t, req) => {
    requireField(req.note, 'note');
    return { patch: { submitted_at: null }, payload: { reason: req.note } };
  },
  extend: (t, req, now) => {
    requireField(req.dueAt, 'dueAt');
    requireField(req.note, 'note');
    const dueAt = toSecond(req.dueAt!, 'dueAt');
    if (dueAt <= Math.max(now, t.due_at)) throw invalidField('dueAt', 'task.notLater', '@task.notLater');
    return {
      patch: { due_at: dueAt, extension_count: t.extension_count + 1 },
      payload: { previousDueAt: t.due_at, dueAt, reason: req.note },
    };
  },
  cancel: (_t, req, now) => {
    requireField(req.note, 'note');
    return { patch: { ended_at: now }, payload: { reason: req.note } };
  },
};

export async function applyTaskAction(
  trx: Db,
  actor: Actor,
  id: string,
  req: TTaskActionRequest,
  now: number,
): Promise<TaskRow> {
  const t = await findTask(trx, actor, id);
  const from = t.status as TaskStatus;
  const to = nextTaskStatus(from, req.type);
  const as = rolesOn(actor, t);
  if (!to) throw illegalTransition(req.type, from, allowedTaskActions(from, as));
  if (!as.includes(TASK_TRANSITIONS[req.type].by))
    throw new AppError('FORBIDDEN', {
      details: { action: `task.${req.type}`, by: TASK_TRANSITIONS[req.type].by },
    });
  const effect = EFFECTS[req.type](t, req, now);
  await trx
    .insertInto('task_actions')
    .values({
      task_id: t.id,
      seq: t.action_count + 1,
      type: req.type,
      at: now,
      actor_id: actor.id,
      actor_name: actor.displayName,
      from_status: from,
      to_status: to,
      payload: JSON.stringify(effect.payload),
    })
    .execute();
  const updated = await trx
    .updateTable('tasks')
    .set({ ...effect.patch, status: to, action_count: t.action_count + 1, updated_at: now })
    .where('id', '=', t.id)
    .where('action_count', '=', t.action_count)
    .executeTakeFirst();
  assertNotChangedMeanwhile(updated, 'task');
  await auditTransition(
    trx,
    actor,
    {
      kind: 'task',
      action: req.type,
      targetId: t.id,
      unitCode: t.unit_code,
      provinceCode: t.province_code,
      from,
      to,
    },
    now,
  );
  return (await trx.selectFrom('tasks').selectAll().where('id', '=', t.id).executeTakeFirst())!;
}
