/**
 * What leaves the server about a task. The presenter does not query: the names and the action log it shows are
 * loaded by the service (task.service.ts: namesOf, loadTaskDetail) and passed in.
 */
import { formatInstant } from '../../shared/calendar/index.ts';
import { taskTimeliness, type TaskStatus } from '../../shared/task/task.ts';
import type { Actor } from '../accounts/roles.ts';
import { presentActionLog } from '../audit/action-log.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import { taskActionsFor } from './task.policy.ts';
import type { TTask } from './task.schemas.ts';
import type { TaskActionRow, TaskRow } from './task.table.ts';

/** The people and dossiers the presented tasks refer to, by id. */
export interface TaskNames {
  users: Map<string, { username: string; name: string }>;
  dossiers: Map<string, string>;
}

/** One task with what the presenter needs besides the row: names, and its action log. */
export interface TaskDetail {
  task: TaskRow;
  names: TaskNames;
  actions: TaskActionRow[];
}

/** A task as the viewer sees it: the six elements, its state, and the actions the viewer may take. */
export function presentTask(
  t: TaskRow,
  actor: Actor,
  names: TaskNames,
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
    allowedActions: taskActionsFor(actor, t),
    ...(actions ? { actions: presentActionLog(actions) } : {}),
  };
}

/** One task with its action log (GET /api/tasks/:id and the answers to writes). */
export const presentTaskDetail = (d: TaskDetail, actor: Actor, now: number): TTask =>
  presentTask(d.task, actor, d.names, now, d.actions);

/** A page of the register: the tasks without their logs, and the cursor of the next page. */
export function presentTaskPage(
  page: { tasks: TaskRow[]; names: TaskNames; nextCursor: string | null },
  actor: Actor,
  now: number,
) {
  return {
    items: page.tasks.map((t) => presentTask(t, actor, page.names, now)),
    nextCursor: page.nextCursor,
  };
}
