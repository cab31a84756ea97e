/**
 * Task discipline for leaders (DOMAIN.md §5, the "six clear" principle): every assigned task has a clear person,
 * work, time, responsibility, product and authority. Statuses and the one transition table. Pure.
 */

/** The six elements a task must state; a task lacking one is refused, naming it. */
export const SIX_CLEAR = ['person', 'work', 'time', 'responsibility', 'product', 'authority'] as const;
export type SixClear = (typeof SIX_CLEAR)[number];

export const TASK_STATUSES = [
  'assigned', // given to the person, not yet started
  'in_progress', // the person works on it
  'submitted', // the product was handed in, awaiting the leader's acceptance
  'done', // the leader accepted the product — ENDS
  'cancelled', // withdrawn by the leader — ENDS
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = [
  'start', // the person starts
  'submit', // the person hands in the product
  'accept', // the leader accepts the product
  'return', // the leader sends it back, saying what is missing
  'extend', // the leader moves the time, with the reason
  'cancel', // the leader withdraws the task, with the reason
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who runs an action: the task's person, or the leader who assigned it (or another leader of the commune). */
export type TaskActor = 'assignee' | 'leader';

export const TASK_TRANSITIONS: Record<
  TaskAction,
  { from: readonly TaskStatus[]; to: TaskStatus | 'same'; by: TaskActor }
> = {
  start: { from: ['assigned'], to: 'in_progress', by: 'assignee' },
  submit: { from: ['assigned', 'in_progress'], to: 'submitted', by: 'assignee' },
  accept: { from: ['submitted'], to: 'done', by: 'leader' },
  return: { from: ['submitted'], to: 'in_progress', by: 'leader' },
  extend: { from: ['assigned', 'in_progress', 'submitted'], to: 'same', by: 'leader' },
  cancel: { from: ['assigned', 'in_progress', 'submitted'], to: 'cancelled', by: 'leader' },
};

export function allowedTaskActions(status: TaskStatus, as: readonly TaskActor[]): TaskAction[] {
  return TASK_ACTIONS.filter(
    (a) => TASK_TRANSITIONS[a].from.includes(status) && as.includes(TASK_TRANSITIONS[a].by),
  );
}

export function nextTaskStatus(status: TaskStatus, action: TaskAction): TaskStatus | null {
  const t = TASK_TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to === 'same' ? status : t.to;
}

/**
 * On time or late: a task is late when its product was handed in after the time (or is still not handed in after
 * it); `null` while it is open and not yet due, or when it was cancelled.
 */
export function taskTimeliness(
  t: { status: TaskStatus; dueAt: number; submittedAt: number | null },
  now: number,
): 'on_time' | 'late' | null {
  if (t.status === 'cancelled') return null;
  if (t.submittedAt !== null) return t.submittedAt <= t.dueAt ? 'on_time' : 'late';
  return now > t.dueAt ? 'late' : null;
}
