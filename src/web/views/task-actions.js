/**
 * The small form of each task action (POST /api/tasks/:id/actions, docs/TASKS.md): submit asks for the product
 * handed in, return and cancel for the reason, extend for the new time and the reason; start and accept only
 * confirm. The server checks them again; its per-field errors are shown in place, in the chosen language.
 */
import { ApiError, api, newKey } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { clearIssues, field, formAlert, showError } from '../lib/ui.js';
import { TASK_DANGER, dateTimeFields } from './task-parts.js';

/**
 * The fields of one action, and how to read them into the request (false when something typed is invalid).
 * @param {any} task
 * @param {string} type
 * @returns {{fields: HTMLElement[], read: (req: Record<string, unknown>) => boolean}}
 */
function partsOf(task, type) {
  const note = (/** @type {string} */ label, rows = 3) =>
    field({ label, path: 'note', type: 'textarea', rows, required: true, maxlength: 4000 });
  const setNote = (
    /** @type {Record<string, unknown>} */ req,
    /** @type {{control: {value: string}}} */ f,
  ) => {
    const v = f.control.value.trim();
    if (v) req.note = v;
    return true;
  };
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
    return { fields: expected ? [expected, f] : [f], read: (req) => setNote(req, f) };
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
        return setNote(req, f);
      },
    };
  }
  return { fields: [], read: () => true };
}

/**
 * Builds the form of one action.
 * @param {any} task
 * @param {string} type
 * @param {{onDone: (task: any) => void, onCancel: () => void}} cb
 */
export function taskActionForm(task, type, cb) {
  const parts = partsOf(task, type);
  /** Reused for retries after a network failure. */
  /** @type {string | null} */
  let key = null;
  const submit = h(
    'button',
    { type: 'submit', class: `btn ${TASK_DANGER.has(type) ? 'btn-danger' : 'btn-primary'}` },
    t('act.confirm'),
  );
  const form = h(
    'form',
    {
      class: 'action-form card-inset',
      novalidate: true,
      'data-action': type,
      'aria-labelledby': `tact-h-${type}`,
    },
    h('h3', { id: `tact-h-${type}` }, t(`tasks.action.${type}`)),
    h('p', { class: 'hint' }, t(`tasks.actionHelp.${type}`)),
    ...parts.fields,
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      submit,
      h('button', { type: 'button', class: 'btn btn-link', onclick: cb.onCancel }, t('common.cancel')),
    ),
  );
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') cb.onCancel();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    /** @type {Record<string, unknown>} */
    const req = { type };
    if (!parts.read(req)) return;
    key ??= newKey();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const updated = await api(`/api/tasks/${encodeURIComponent(task.id)}/actions`, {
        method: 'POST',
        body: req,
        idempotencyKey: key,
      });
      key = null;
      cb.onDone(updated);
    } catch (err) {
      if (!(err instanceof ApiError && err.isNetwork)) key = null;
      showError(form, err);
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}
