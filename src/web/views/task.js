/* global HTMLElement */
/**
 * One task (`/cong-viec/xem?id=<uuid>`, docs/TASKS.md): the six clear elements, status, whether it was on time, the
 * time marked when overdue, the product handed in, the actions the API allows the caller now (`allowedActions`,
 * already filtered by role), each with its small form, and the timeline of every step.
 */
import { api } from '../lib/api.js';
import { timelineCard as timeline } from '../lib/timeline.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dossierHref, link } from '../lib/router.js';
import { errorText, loading, toast } from '../lib/ui.js';
import { taskActionForm } from './task-actions.js';
import { TASK_DANGER, taskStatusBadge, taskTimeCell, timelinessBadge } from './task-parts.js';

/** @type {import('../lib/router.js').View} */
export async function taskView(main, ctx) {
  const id = ctx.query.get('id') ?? '';
  const box = h('div', null, loading());
  main.append(
    link('/cong-viec', { class: 'back' }, icon('back'), ' ', t('tasks.back')),
    h('h1', null, t('tasks.detail.title')),
    box,
  );
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, t('app.notFound')));
    return;
  }
  try {
    const task = await api(`/api/tasks/${encodeURIComponent(id)}`);
    if (!ctx.alive()) return;
    render(box, task);
  } catch (e) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/**
 * @param {HTMLElement} box
 * @param {any} task
 */
function render(box, task) {
  replace(
    box,
    summaryCard(task),
    sixCard(task),
    productCard(task),
    actionsCard(task, box),
    timelineCard(task),
  );
}

/** @param {string} label @param {import('../lib/dom.js').Child} value @param {string} [testid] */
const fact = (label, value, testid) => [
  h('dt', null, label),
  h('dd', testid ? { 'data-testid': testid } : null, value),
];

/** @param {{username: string, name: string}} who */
const personText = (who) => (who.name ? `${who.name} (${who.username})` : who.username);

/** @param {any} task */
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

/** The six clear elements, under their names; then collaborators and the dossier. @param {any} task */
function sixCard(task) {
  /** @type {Record<string, import('../lib/dom.js').Child>} */
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
      ...Object.entries(values).map(([k, v]) => fact(t(`tasks.six.${k}`), v, `task-${k}`)),
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

/** The product handed in last (after a return, the one sent back). @param {any} task */
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
 * @param {any} task
 * @param {HTMLElement} box the page body, re-rendered after an action
 */
function actionsCard(task, box) {
  const allowed = /** @type {string[]} */ (task.allowedActions);
  const slot = h('div', { class: 'action-slot' });
  const card = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-tactions' },
    h('h2', { id: 'sec-tactions' }, t('dossier.actions')),
  );
  if (!allowed.length) {
    const ended = task.status === 'done' || task.status === 'cancelled';
    card.append(h('p', { class: 'muted' }, t(ended ? 'tasks.noActions' : 'tasks.noActionsForRole')));
    return card;
  }
  /** @type {HTMLElement | null} */
  let pressed = null;
  function close() {
    pressed?.setAttribute('aria-expanded', 'false');
    pressed = null;
    replace(slot);
  }
  const buttons = allowed.map((type) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: `btn ${TASK_DANGER.has(type) ? 'btn-danger-outline' : ''}`,
        'data-action': type,
        'aria-expanded': 'false',
      },
      t(`tasks.action.${type}`),
    );
    b.addEventListener('click', () => {
      if (pressed === b) return close();
      close();
      pressed = b;
      b.setAttribute('aria-expanded', 'true');
      const form = taskActionForm(task, type, {
        onCancel: () => {
          close();
          b.focus();
        },
        onDone: (updated) => {
          toast(t('dossier.actionDone', { action: t(`tasks.action.${type}`) }), 'success');
          render(box, updated);
          const h1 = box.ownerDocument.querySelector('main h1');
          if (h1 instanceof HTMLElement) h1.focus();
        },
      });
      replace(slot, form);
      const first = form.querySelector('input, select, textarea, button[type=submit]');
      if (first instanceof HTMLElement) first.focus();
    });
    return b;
  });
  card.append(h('div', { class: 'action-buttons' }, ...buttons), slot);
  return card;
}

/** @param {any} task */
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
  /** @type {HTMLElement[]} */
  const rows = [];
  const add = (/** @type {string} */ label, /** @type {string} */ value) =>
    rows.push(h('li', null, h('span', { class: 'muted' }, `${label}: `), value));
  if (x.person) add(t('tasks.six.person'), String(x.person));
  if (x.product) add(t('tasks.detail.handedIn'), String(x.product));
  if (x.reason) add(t('act.reason'), String(x.reason));
  if (typeof x.previousDueAt === 'number')
    add(t('tasks.detail.previousTime'), formatDateTime(x.previousDueAt));
  if (typeof x.dueAt === 'number') add(t('tasks.six.time'), formatDateTime(x.dueAt));
  return rows.length ? h('ul', { class: 'tl-details' }, ...rows) : null;
}
