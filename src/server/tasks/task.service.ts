/**
 * Leaders' tasks under the "six clear" principle (DOMAIN.md §5; docs/TASKS.md): a task states its person, work,
 * time, responsibility, product and authority, or it is refused naming what is missing. Every later step is an
 * action appended to the task's log, applied with its row and the audit entry in one transaction. The SQL is in
 * task.repository.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  allowedTaskActions,
  nextTaskStatus,
  TASK_TRANSITIONS,
  type TaskStatus,
} from '../../shared/task/task.ts';
import { findUserByUsername, userNamesByIds } from '../accounts/account.repository.ts';
import type { UserRow } from '../accounts/account.table.ts';
import { authorize, can } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { applyLoggedAction, illegalTransition, type LoggedLifecycle } from '../audit/action-log.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { Database } from '../db/schema.ts';
import { findDossierByCode, findDossierCodes } from '../dossiers/dossier.repository.ts';
import {
  AppError,
  instantField,
  invalidField,
  notFound,
  requireField,
  type FieldIssue,
} from '../platform/app-error.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import { rolesOn, tenantOf } from './task.policy.ts';
import type { TaskDetail, TaskNames } from './task.presenter.ts';
import {
  findTaskById,
  insertTask,
  insertTaskAction,
  listTaskActions,
  listTasks,
  updateTask,
} from './task.repository.ts';
import type { TCreateTaskRequest, TTaskActionRequest, TTaskQuery } from './task.schemas.ts';
import type { TaskRow, TaskTable, TaskUpdate } from './task.table.ts';

type Db = Kysely<Database>;

/** An instant given by the user, to the second (as shown back). */
const toSecond = (value: string, path: string): number => Math.floor(instantField(value, path) / 1000) * 1000;

/**
 * An active user named in a request (the person, a collaborator). Looked up in every commune: a person of
 * another commune is then refused by the policy (403) rather than reported unknown.
 */
async function activeUser(db: Db, username: string): Promise<UserRow | undefined> {
  const user = await findUserByUsername(db, username, EVERY_TENANT);
  return user && user.disabled !== 1 ? user : undefined;
}

/**
 * A task the actor may see, or 404: inside their scope, and either given to them (even a leader's task given to
 * someone is theirs to see) or theirs to lead.
 */
export async function getVisibleTask(db: Db, actor: Actor, id: string): Promise<TaskRow> {
  const t = await findTaskById(db, id, scopeOf(actor));
  if (!t || !(t.assignee_id === actor.id || rolesOn(actor, t).includes('leader'))) throw notFound('task', id);
  return t;
}

/** The names of the people and the codes of the dossiers the tasks refer to. */
export async function namesOf(db: Db, rows: readonly TaskRow[]): Promise<TaskNames> {
  const userIds = [...new Set(rows.flatMap((r) => [r.assignee_id, r.assigned_by]))];
  const dossierIds = [...new Set(rows.map((r) => r.dossier_id).filter((x): x is string => x !== null))];
  // Labels of tasks the viewer was already allowed to see (getVisibleTask, the register's scope): the leader who
  // assigned may be a province or system account above the commune, so these are read in every tenant.
  const users = await userNamesByIds(db, userIds, EVERY_TENANT);
  return {
    users: new Map(users.map((u) => [u.id, { username: u.username, name: u.display_name }])),
    dossiers: await findDossierCodes(db, dossierIds, EVERY_TENANT),
  };
}

/** A task with the names and the action log its presentation shows. */
export async function loadTaskDetail(db: Db, task: TaskRow): Promise<TaskDetail> {
  return { task, names: await namesOf(db, [task]), actions: await listTaskActions(db, task.id) };
}

/**
 * One page of the register: leaders see their scope's tasks, other officers only those given to them; filtered
 * by person, status and overdue; soonest time first.
 */
export async function findTaskPage(db: Db, actor: Actor, q: TTaskQuery, now: number) {
  const key = q.cursor ? decodeCursor(q.cursor) : undefined;
  let assigneeId: string | undefined;
  if (q.assignee) {
    // Any commune's person: the tasks themselves are read within the scope.
    const user = await findUserByUsername(
      db,
      q.assignee === 'me' ? actor.username : q.assignee,
      EVERY_TENANT,
    );
    // An unknown person has no tasks.
    if (!user) return { tasks: [], names: await namesOf(db, []), nextCursor: null };
    assigneeId = user.id;
  }
  const leader = can(actor, 'task.assign', { provinceCode: actor.provinceCode, unitCode: actor.unitCode });
  const rows = await listTasks(db, {
    scope: scopeOf(actor),
    onlyOf: leader ? undefined : actor.id,
    assigneeId,
    status: q.status,
    overdueAt: q.overdue === 'true' ? now : undefined,
    after: key,
    limit: q.limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, q.limit, (t) => ({ at: t.due_at, id: t.id }));
  return { tasks: page, names: await namesOf(db, page), nextCursor };
}

/** The task's time: a future instant, or a limit counted from now on the province's working calendar. */
async function dueOf(
  trx: Db,
  input: TCreateTaskRequest,
  provinceCode: string,
  now: number,
  issues: FieldIssue[],
): Promise<number> {
  if (input.dueAt) {
    const dueAt = toSecond(input.dueAt, 'dueAt');
    if (dueAt <= now) issues.push({ path: 'dueAt', rule: 'task.timePast', message: '@task.timePast' });
    return dueAt;
  }
  if (input.limit) return (await loadCalendar(trx, provinceCode)).due(now, input.limit);
  issues.push({ path: 'dueAt', rule: 'rule.taskTime', message: '@rule.taskTime' });
  return 0;
}

/** Collaborators must be other active officers of the person's commune. */
async function collaboratorIssues(trx: Db, usernames: string[], person: UserRow): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const [i, username] of usernames.entries()) {
    const u = await activeUser(trx, username);
    if (!u || u.unit_code !== person.unit_code || u.id === person.id)
      issues.push({ path: `collaborators.${i}`, rule: 'task.collaborator', message: '@task.collaborator' });
  }
  return issues;
}

/** The id of the dossier the task is about: one of the person's commune, seen by the leader. */
async function dossierOf(
  trx: Db,
  actor: Actor,
  code: string | undefined,
  person: UserRow,
  issues: FieldIssue[],
): Promise<string | null> {
  if (!code) return null;
  const d = await findDossierByCode(trx, code, scopeOf(actor));
  if (d && d.unit_code === person.unit_code) return d.id;
  issues.push({ path: 'dossierCode', rule: 'petition.dossierUnknown', message: '@petition.dossierUnknown' });
  return null;
}

/** The row of a new task, assigned now: one action (the assignment) in its log. */
function newTask(
  actor: Actor,
  person: UserRow,
  input: TCreateTaskRequest,
  clear: { dueAt: number; dossierId: string | null },
  now: number,
): TaskTable {
  return {
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
    dossier_id: clear.dossierId,
    status: 'assigned',
    assigned_at: now,
    due_at: clear.dueAt,
    submitted_at: null,
    product_note: null,
    ended_at: null,
    extension_count: 0,
    action_count: 1,
    updated_at: now,
  };
}

/** Assigns a task; every one of the six elements must be clear (400 names each one missing). */
export async function createTask(
  trx: Db,
  actor: Actor,
  input: TCreateTaskRequest,
  now: number,
): Promise<TaskRow> {
  const person = await activeUser(trx, input.assignee);
  if (!person) throw invalidField('assignee', 'task.personUnknown', '@task.personUnknown');
  authorize(actor, 'task.assign', tenantOf(person));
  const issues: FieldIssue[] = [];
  const dueAt = await dueOf(trx, input, person.province_code, now, issues);
  issues.push(...(await collaboratorIssues(trx, input.collaborators, person)));
  const dossierId = await dossierOf(trx, actor, input.dossierCode, person, issues);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  const row = newTask(actor, person, input, { dueAt, dossierId }, now);
  await insertTask(trx, row);
  await insertTaskAction(trx, {
    task_id: row.id,
    seq: 1,
    type: 'assign',
    at: now,
    actor_id: actor.id,
    actor_name: actor.displayName,
    from_status: null,
    to_status: 'assigned',
    payload: JSON.stringify({ person: person.username, dueAt }),
  });
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

type Effect = { patch: TaskUpdate; payload: Record<string, unknown> };

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

/**
 * Tasks on the shared action skeleton (audit/action-log.ts), as one person sees them: only people act on tasks
 * (the skeleton's actor argument is this same actor), and an illegal action is answered with the actions this
 * person may take.
 */
function taskLifecycle(actor: Actor): LoggedLifecycle<TaskRow, TTaskActionRequest> {
  return {
    kind: 'task',
    load: (trx, _actor, id) => getVisibleTask(trx, actor, id),
    authorise(_actor, t, req) {
      const by = TASK_TRANSITIONS[req.type].by;
      // The status is judged first, as the API always has: an action the status forbids is 409 whoever asks
      // (transition), so only a legal action can be 403.
      if (nextTaskStatus(t.status as TaskStatus, req.type) && !rolesOn(actor, t).includes(by))
        throw new AppError('FORBIDDEN', { details: { action: `task.${req.type}`, by } });
    },
    transition(t, req) {
      const from = t.status as TaskStatus;
      const to = nextTaskStatus(from, req.type);
      if (!to) throw illegalTransition(req.type, from, allowedTaskActions(from, rolesOn(actor, t)));
      return to;
    },
    effect: async (_trx, _actor, t, req, now) => EFFECTS[req.type](t, req, now),
    append: (trx, _actor, t, e) =>
      insertTaskAction(trx, {
        task_id: t.id,
        seq: t.action_count + 1,
        type: e.type,
        at: e.at,
        actor_id: actor.id,
        actor_name: actor.displayName,
        from_status: e.from,
        to_status: e.to,
        payload: JSON.stringify(e.payload),
      }),
    // The patch is an effect's (EFFECTS, typed TaskUpdate) plus the new status.
    update: (trx, t, patch, now) =>
      updateTask(trx, t.id, t.action_count, {
        ...(patch as TaskUpdate),
        action_count: t.action_count + 1,
        updated_at: now,
      }),
    reload: (trx, t) => getVisibleTask(trx, actor, t.id),
    targetId: (t) => t.id,
  };
}

/** One action on a task (start, submit, accept, return, extend, cancel), in the caller's transaction. */
export function applyTaskAction(
  trx: Db,
  actor: Actor,
  id: string,
  req: TTaskActionRequest,
  now: number,
): Promise<TaskRow> {
  return applyLoggedAction(taskLifecycle(actor), trx, actor, id, req, now);
}
