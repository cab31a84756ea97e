/**
 * One task (`/cong-viec/xem?id=<uuid>`, docs/TASKS.md): the six clear elements, status, whether it was on time, the
 * time marked when overdue, the product handed in, the actions the API allows the caller now (`allowedActions`,
 * already filtered by role), each with its small form, and the timeline of every step.
 */
import { SIX_CLEAR } from '../../shared/task/task.ts';
import { actionsCard } from '../lib/action-card.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { fact, recordPage } from '../lib/record-page.js';
import { dossierHref, link } from '../lib/router.js';
import { stepDetails, timelineCard as timeline } from '../lib/timeline.js';
import { taskActionForm } from './task-actions.js';
import { TASK_DANGER, taskStatusBadge, taskTimeCell, timelinessBadge } from './task-parts.js';

/** @typedef {import('./task-parts.js').TTask} TTask */

/** @type {import('../lib/router.js').View} */
export async function taskView(main, ctx) {
  const id = ctx.query.get('id') ?? '';
  await recordPage(main, ctx, {
    back: '/cong-viec',
    backText: t('tasks.back'),
    title: t('tasks.detail.title'),
    path: /^[0-9a-f-]{36}$/i.test(id) ? `/api/tasks/${encodeURIComponent(id)}` : null,
    render,
  });
}

/**
 * @param {HTMLElement} box
 * @param {TTask} task
 */
function render(box, task) {
  replace(
    box,
    summaryCard(task),
    sixCard(task),
    productCard(task),
    taskActions(task, box),
    timelineCard(task),
  );
}

/** @param {{username: string, name: string}} who */
const personText = (who) => (who.name ? `${who.name} (${who.username})` : who.username);

/** @param {TTask} task */
function summaryCard(task) {
  return h(
    'section',
    { class: 'card', 'aria-label': t('tasks.detail.summary') },
    task.overdue
      ? h('p', { class: 'alert alert-error', 'data-testid': 'task-overdue' }, t('tasks.detail.overdue'))
      : null,
    h(
      'dl',
      { class: 'facts' },
      fact(t('tasks.col.status'), taskStatusBadge(task.status), 'task-status'),
      fact(t('tasks.col.timeliness'), timelinessBadge(task.timeliness), 'task-timeliness'),
      fact(t('tasks.detail.assignedBy'), personText(task.assignedBy)),
      fact(t('tasks.detail.assignedAt'), formatDateTime(task.assignedAt)),
      task.extensionCount
        ? fact(t('tasks.detail.extensions'), t('tasks.detail.extended', { n: task.extensionCount }))
        : null,
      task.endedAt ? fact(t('tasks.detail.ended'), formatDateTime(task.endedAt)) : null,
    ),
  );
}

/** The six clear elements, under their names; then collaborators and the dossier. @param {TTask} task */
function sixCard(task) {
  /** @type {Record<import('../../shared/task/task.ts').SixClear, import('../lib/dom.js').Child>} */
  const values = {
    person: personText(task.person),
    work: h('span', { class: 'prewrap' }, task.work),
    time: taskTimeCell(task),
    responsibility: h('span', { class: 'prewrap' }, task.responsibility),
    product: h('span', { class: 'prewrap' }, task.product),
    authority: h('span', { class: 'prewrap' }, task.authority),
  };
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-tsix' },
    h('h2', { id: 'sec-tsix' }, t('tasks.detail.six')),
    h(
      'dl',
      { class: 'facts six-facts' },
      ...SIX_CLEAR.map((k) => fact(t(`tasks.six.${k}`), values[k], `task-${k}`)),
      task.collaborators.length
        ? fact(t('tasks.form.collaborators'), task.collaborators.join(', '), 'task-collaborators')
        : null,
      task.dossierCode
        ? fact(
            t('tasks.form.dossierCode'),
            link(
              dossierHref(task.dossierCode),
              { class: 'code', 'data-testid': 'task-dossier' },
              task.dossierCode,
            ),
          )
        : null,
    ),
  );
}

/** The product handed in last (after a return, the one sent back). @param {TTask} task */
function productCard(task) {
  if (!task.productNote) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-tproduct' },
    h('h2', { id: 'sec-tproduct' }, t('tasks.detail.handedIn')),
    h('p', { class: 'prewrap', 'data-testid': 'task-product-note' }, task.productNote),
    h(
      'p',
      { class: 'hint' },
      task.submittedAt
        ? t('tasks.detail.handedInAt', { at: formatDateTime(task.submittedAt) })
        : t('tasks.detail.returned'),
    ),
  );
}

/**
 * The actions the API allows the caller now (already filtered by role).
 * @param {TTask} task
 * @param {HTMLElement} box the page body, re-rendered after an action
 */
function taskActions(task, box) {
  return actionsCard({
    id: 'sec-tactions',
    actions: task.allowedActions,
    emptyText: t(task.endedAt ? 'tasks.noActions' : 'tasks.noActionsForRole'),
    label: (type) => t(`tasks.action.${type}`),
    danger: TASK_DANGER,
    form: (type, cb) => taskActionForm(task, type, cb),
    render: (updated) => render(box, updated),
  });
}

/** @param {TTask} task */
function timelineCard(task) {
  return timeline({
    id: 'sec-ttimeline',
    testId: 'task-timeline',
    actions: task.actions ?? [],
    action: (type) => t(`tasks.action.${type}`),
    status: (status) => t(`tasks.status.${status}`),
    lateText: t('tasks.timeliness.late'),
    details: payloadDetails,
  });
}

/** @param {Record<string, any>} x */
function payloadDetails(x) {
  return stepDetails([
    x.person && [t('tasks.six.person'), String(x.person)],
    x.product && [t('tasks.detail.handedIn'), String(x.product)],
    x.reason && [t('act.reason'), String(x.reason)],
    typeof x.previousDueAt === 'number' && [t('tasks.detail.previousTime'), formatDateTime(x.previousDueAt)],
    typeof x.dueAt === 'number' && [t('tasks.six.time'), formatDateTime(x.dueAt)],
  ]);
}
