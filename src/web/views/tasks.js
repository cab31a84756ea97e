/**
 * Leaders' tasks (`/cong-viec`, docs/TASKS.md): a leader sees the commune's tasks, any other officer their own
 * (the API scopes the list). Filters: status, overdue only, mine only, kept in the URL
 * (`?status=&overdue=true&assignee=me`). Each row: the work, the person, the time with its badge, the status and,
 * once known, whether it was on time.
 */
import { TASK_STATUSES } from '../../shared/task/task.ts';
import { h, icon } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { listPage } from '../lib/list-page.js';
import { link } from '../lib/router.js';
import { hasAbility } from '../lib/session.js';
import { taskHref, taskStatusBadge, taskTimeCell, timelinessBadge } from './task-parts.js';

/** @type {import('../lib/router.js').View} */
export async function tasksView(main, ctx) {
  const leader = hasAbility('task.assign');
  await listPage(main, ctx, {
    path: '/cong-viec',
    api: '/api/tasks',
    title: t('tasks.title'),
    newLink: leader
      ? link('/cong-viec/moi', { class: 'btn btn-primary' }, icon('plus'), ' ', t('tasks.new'))
      : null,
    lead: t(leader ? 'tasks.leadLeader' : 'tasks.leadOfficer'),
    filtersLabel: t('tasks.filters'),
    filters: [
      {
        param: 'status',
        id: 'task-status',
        label: t('tasks.filter.status'),
        options: [
          ['', t('tasks.filter.anyStatus')],
          ...TASK_STATUSES.map((s) => /** @type {[string, string]} */ ([s, t(`tasks.status.${s}`)])),
        ],
      },
      { param: 'overdue', id: 'task-overdue', label: t('tasks.filter.overdue'), on: 'true' },
      { param: 'assignee', id: 'task-mine', label: t('tasks.filter.mine'), on: 'me' },
    ],
    tableClass: 'tasks-table',
    columns: ['work', 'person', 'time', 'status', 'timeliness'].map((c) => t(`tasks.col.${c}`)),
    row,
    counts: {
      empty: t('tasks.empty'),
      count: (n) => t('tasks.count', { n }),
    },
    pageSize: 30,
  });
}

/**
 * @param {import('./task-parts.js').TTask} x a task of the list
 * @param {number} now
 */
function row(x, now) {
  return h(
    'tr',
    { 'data-id': x.id },
    h('td', { 'data-label': t('tasks.col.work') }, link(taskHref(x.id), { class: 'task-work' }, x.work)),
    h('td', { 'data-label': t('tasks.col.person') }, x.person.name || x.person.username),
    h('td', { 'data-label': t('tasks.col.time') }, taskTimeCell(x, now)),
    h('td', { 'data-label': t('tasks.col.status') }, taskStatusBadge(x.status)),
    h('td', { 'data-label': t('tasks.col.timeliness') }, timelinessBadge(x.timeliness)),
  );
}
