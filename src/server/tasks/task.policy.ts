/** Who plays which part on a task, and so which actions they are offered and may take. */
import {
  allowedTaskActions,
  type TaskAction,
  type TaskActor,
  type TaskStatus,
} from '../../shared/task/task.ts';
import { can } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import type { TaskRow } from './task.table.ts';

export const tenantOf = (t: Pick<TaskRow, 'province_code' | 'unit_code'>) => ({
  provinceCode: t.province_code,
  unitCode: t.unit_code,
});

/** The roles the actor plays on a task: its person, and/or a leader of its commune. */
export function rolesOn(
  actor: Actor,
  t: Pick<TaskRow, 'assignee_id' | 'province_code' | 'unit_code'>,
): TaskActor[] {
  const as: TaskActor[] = [];
  if (t.assignee_id === actor.id) as.push('assignee');
  if (can(actor, 'task.assign', tenantOf(t))) as.push('leader');
  return as;
}

/** The actions the actor may take on the task now (the browser offers exactly these). */
export function taskActionsFor(
  actor: Actor,
  t: Pick<TaskRow, 'status' | 'assignee_id' | 'province_code' | 'unit_code'>,
): TaskAction[] {
  return allowedTaskActions(t.status as TaskStatus, rolesOn(actor, t));
}
