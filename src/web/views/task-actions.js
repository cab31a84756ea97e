/**
 * The small form of each task action (POST /api/tasks/:id/actions, docs/TASKS.md): submit asks for the product
 * handed in, return and cancel for the reason, extend for the new time and the reason; start and accept only
 * confirm. The server checks them again; its per-field errors are shown in place, in the chosen language.
 */
import { actionForm, putText } from '../lib/action-card.js';
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { field } from '../lib/ui.js';
import { TASK_DANGER, dateTimeFields } from './task-parts.js';

/**
 * The fields of one action, and how to read them into the request (false when something typed is invalid).
 * @param {import('./task-parts.js').TTask} task
 * @param {string} type
 * @returns {{fields: HTMLElement[], read: (req: Record<string, unknown>) => boolean}}
 */
function partsOf(task, type) {
  const note = (/** @type {string} */ label, rows = 3) =>
    field({ label, path: 'note', type: 'textarea', rows, required: true, maxlength: 4000 });
  if (type === 'submit' || type === 'return' || type === 'cancel') {
    const f = note(t(`tasks.act.note.${type}`), type === 'submit' ? 4 : 3);
    const expected =
      type === 'submit'
        ? h(
            'p',
            { class: 'hint' },
            h('span', { class: 'muted' }, `${t('tasks.act.expected')}: `),
            task.product,
          )
        : null;
    return { fields: expected ? [expected, f] : [f], read: (req) => putText(req, 'note', f) };
  }
  if (type === 'extend') {
    const due = dateTimeFields('dueAt', { date: t('tasks.act.newDate'), time: t('tasks.act.newTime') });
    const f = note(t('tasks.act.note.extend'));
    return {
      fields: [due.el, f],
      read: (req) => {
        const at = due.read();
        if (at === null) return false;
        if (at) req.dueAt = at;
        return putText(req, 'note', f);
      },
    };
  }
  return { fields: [], read: () => true };
}

/**
 * Builds the form of one action.
 * @param {import('./task-parts.js').TTask} task
 * @param {string} type
 * @param {import('../lib/action-card.js').ActionFormCallbacks} cb
 */
export function taskActionForm(task, type, cb) {
  const parts = partsOf(task, type);
  return actionForm({
    type,
    idPrefix: 'tact',
    title: t(`tasks.action.${type}`),
    help: t(`tasks.actionHelp.${type}`),
    fields: parts.fields,
    danger: TASK_DANGER.has(type),
    path: `/api/tasks/${encodeURIComponent(task.id)}/actions`,
    read: parts.read,
    cb,
  });
}
