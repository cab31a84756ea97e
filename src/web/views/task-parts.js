/**
 * What the task screens share (docs/TASKS.md): the words and badges of statuses and timeliness (the statuses, the
 * six clear elements and the transitions themselves are the shared domain's, src/shared/task/task.ts), the address
 * of a task's page, and a date-time typed as dd/MM/yyyy HH:mm.
 */
import { TASK_TRANSITIONS } from '../../shared/task/task.ts';
import { deadlineBadge } from '../lib/deadline.js';
import { h } from '../lib/dom.js';
import { parseTimeInput } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dateField, dateValue, field, setFieldError } from '../lib/ui.js';

/** @typedef {import('../../server/tasks/task.schemas.ts').TTask} TTask */

/** Actions that end or turn back a task: shown as "danger" buttons. */
export const TASK_DANGER = new Set(['cancel']);

/** @param {string} id */
export const taskHref = (id) => `/cong-viec/xem?id=${encodeURIComponent(id)}`;

/** @param {string} status */
export function taskStatusBadge(status) {
  return h(
    'span',
    { class: `badge status tstatus-${status}`, 'data-status': status },
    t(`tasks.status.${status}`),
  );
}

/**
 * On time or late, when it is known; '—' otherwise.
 * @param {'on_time' | 'late' | null} timeliness
 */
export function timelinessBadge(timeliness) {
  if (!timeliness) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: `badge ${timeliness === 'late' ? 'badge-red' : 'badge-green'}`, 'data-timeliness': timeliness },
    t(`tasks.timeliness.${timeliness}`),
  );
}

/**
 * The task's time with its badge while it runs (the product can still be handed in: the shared transition table's
 * `submit`): red when the server marks it overdue, amber within two days.
 * @param {Pick<TTask, 'time' | 'status' | 'overdue'>} task
 * @param {number} [now]
 */
export const taskTimeCell = (task, now) =>
  deadlineBadge(task.time, {
    pending: TASK_TRANSITIONS.submit.from.includes(task.status),
    overdue: task.overdue,
    now,
  });

/**
 * A date and an hour typed as dd/MM/yyyy and HH:mm (never the browser's picker), read as an ISO instant in UTC+7.
 * Server errors on `path` land on the date.
 * @param {string} path the API field (e.g. 'dueAt')
 * @param {{date: string, time: string, hint?: string}} labels
 */
export function dateTimeFields(path, labels) {
  const date = dateField({ label: labels.date, path, required: true, hint: labels.hint });
  const time = field({
    label: labels.time,
    path: `${path}Time`,
    value: '17:00',
    inputmode: 'numeric',
    maxlength: 5,
    hint: t('tasks.form.timeHint'),
  });
  return {
    el: h('div', { class: 'grid-2' }, date, time),
    /** The instant; '' when no date was typed; null when the date or hour is invalid (the field is marked). */
    read() {
      const day = dateValue(date);
      if (day === null) return null;
      if (day === '') return '';
      const hm = parseTimeInput(time.control.value);
      if (!hm) {
        setFieldError(time, t('time.invalid'));
        return null;
      }
      return `${day}T${hm}:00+07:00`;
    },
    focus: () => date.control.focus(),
  };
}
