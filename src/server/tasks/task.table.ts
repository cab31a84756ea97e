import type { Selectable, Updateable } from 'kysely';

/** A leader's task to one officer (the "six clear" principle); current state denormalised from task_actions. */
export interface TaskTable {
  id: string;
  province_code: string;
  unit_code: string;
  assignee_id: string; // person
  assigned_by: string;
  work: string; // what to do
  responsibility: string; // what the person answers for (and who cooperates)
  product: string; // the expected result
  authority: string; // the powers and resources given, or the decision it rests on
  collaborators: string; // JSON array of usernames who cooperate
  dossier_id: string | null; // a dossier the task is about, if any
  status: string; // see src/shared/task/task.ts
  assigned_at: number;
  due_at: number; // time
  submitted_at: number | null; // the last hand-in of the product
  product_note: string | null;
  ended_at: number | null;
  extension_count: number;
  action_count: number;
  updated_at: number;
}

export interface TaskActionTable {
  task_id: string;
  seq: number;
  type: string;
  at: number;
  actor_id: string;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  payload: string; // JSON
}

export type TaskRow = Selectable<TaskTable>;
export type TaskActionRow = Selectable<TaskActionTable>;
export type TaskUpdate = Updateable<TaskTable>;
