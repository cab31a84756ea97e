/**
 * All SQL of the leaders' tasks: the register, one task, its action log and the optimistic update. Reads of
 * `tasks` are limited to the caller's scope with `withinScope`; paging uses the one keyset helper (`after`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { after, type PageKey } from '../platform/cursor.ts';
import { withinScope, type Scope } from '../platform/tenant.ts';
import type { TaskActionRow, TaskActionTable, TaskRow, TaskTable, TaskUpdate } from './task.table.ts';

type Db = Kysely<Database>;

/** A task by id, only inside the scope (another commune's task does not exist for the caller). */
export function findTaskById(db: Db, id: string, scope: Scope): Promise<TaskRow | undefined> {
  return withinScope(db.selectFrom('tasks').selectAll(), scope).where('id', '=', id).executeTakeFirst();
}

export interface TaskFilter {
  scope: Scope;
  /** Only the tasks given to this user: an officer who leads nothing sees only their own. */
  onlyOf?: string;
  /** The `assignee` filter of the register (a user id). */
  assigneeId?: string;
  status?: string;
  /** Open (assigned or in progress) and past their time at this instant. */
  overdueAt?: number;
  /** Keyset pagination: rows strictly after this (due_at, id), soonest time first. */
  after?: PageKey;
  limit: number;
}

/** The register of tasks, soonest time first, keyset-paginated on (due_at, id). */
export function listTasks(db: Db, f: TaskFilter): Promise<TaskRow[]> {
  let q = withinScope(db.selectFrom('tasks').selectAll(), f.scope);
  if (f.onlyOf !== undefined) q = q.where('assignee_id', '=', f.onlyOf);
  if (f.assigneeId !== undefined) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.overdueAt !== undefined)
    q = q.where('status', 'in', ['assigned', 'in_progress']).where('due_at', '<', f.overdueAt);
  q = after(q, f.after, { at: 'due_at', id: 'id' }, 'asc');
  return q.orderBy('due_at').orderBy('id').limit(f.limit).execute();
}

export async function insertTask(db: Db, row: TaskTable): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

/** Optimistic update: only when the task still has the action count the caller read. */
export async function updateTask(
  db: Db,
  id: string,
  expectedActions: number,
  patch: TaskUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set(patch)
    .where('id', '=', id)
    .where('action_count', '=', expectedActions)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTaskAction(db: Db, row: TaskActionTable): Promise<void> {
  await db.insertInto('task_actions').values(row).execute();
}

/** A task's actions in order (task_actions has no tenant keys: the task was read within scope). */
export function listTaskActions(db: Db, taskId: string): Promise<TaskActionRow[]> {
  return db.selectFrom('task_actions').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
}
