/* global HTMLElement */
/**
 * The actions of a record's page (dossier, petition, task): a card with one button per action the officer may take
 * now, each opening its small form below it (`aria-expanded`; Escape or Cancel closes it and gives focus back to the
 * button); and the frame of that form: title, help, the action's fields, the server's errors on them, a confirm
 * button sending the action with an Idempotency-Key. After an action: a toast, the page drawn again from the
 * record the server answers, focus on the page's heading.
 */
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { formAlert, keyedSubmit, toast } from './ui.js';

/** @typedef {{onDone: (updated: any) => void, onCancel: () => void}} ActionFormCallbacks */

/**
 * @typedef {object} ActionsCardOptions
 * @property {string} id the heading's id
 * @property {string[]} actions the actions to offer, in order (allowed now and usable by the role)
 * @property {string} emptyText shown when there is none
 * @property {(type: string) => string} label an action's name
 * @property {Set<string>} danger actions that end or turn back the record (red buttons)
 * @property {(type: string, cb: ActionFormCallbacks) => HTMLElement | Promise<HTMLElement>} form
 * @property {(updated: any) => void | Promise<void>} render draws the page again with the updated record
 */

/** @param {ActionsCardOptions} o */
export function actionsCard(o) {
  const slot = h('div', { class: 'action-slot' });
  const card = h(
    'section',
    { class: 'card', 'aria-labelledby': o.id },
    h('h2', { id: o.id }, t('dossier.actions')),
  );
  if (!o.actions.length) {
    card.append(h('p', { class: 'muted' }, o.emptyText));
    return card;
  }
  /** @type {HTMLElement | null} */
  let pressed = null;
  function close() {
    pressed?.setAttribute('aria-expanded', 'false');
    pressed = null;
    replace(slot);
  }
  const focusHeading = () => {
    const h1 = card.ownerDocument.querySelector('main h1');
    if (h1 instanceof HTMLElement) h1.focus();
  };
  const buttons = o.actions.map((type) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: `btn ${o.danger.has(type) ? 'btn-danger-outline' : ''}`,
        'data-action': type,
        'aria-expanded': 'false',
      },
      o.label(type),
    );
    b.addEventListener('click', async () => {
      if (pressed === b) return close();
      close();
      pressed = b;
      b.setAttribute('aria-expanded', 'true');
      const form = await o.form(type, {
        onCancel: () => {
          close();
          b.focus();
        },
        onDone: (updated) => {
          toast(t('dossier.actionDone', { action: o.label(type) }), 'success');
          const drawn = o.render(updated);
          if (drawn) void drawn.then(focusHeading);
          else focusHeading();
        },
      });
      // another button may have been pressed while the form was being prepared
      if (pressed !== b) return;
      replace(slot, form);
      const first = form.querySelector('input, select, textarea, button[type=submit]');
      if (first instanceof HTMLElement) first.focus();
    });
    return b;
  });
  card.append(h('div', { class: 'action-buttons' }, ...buttons), slot);
  return card;
}

/**
 * @typedef {object} ActionFormOptions
 * @property {string} type the action
 * @property {string} idPrefix of the title's id (`<prefix>-h-<type>`)
 * @property {string} title
 * @property {string} help
 * @property {import('./dom.js').Child[]} fields
 * @property {boolean} danger
 * @property {string} path where the action is posted
 * @property {(req: Record<string, unknown>) => boolean} read adds the fields to the request; false when something
 *   typed is invalid (the field is then marked) and nothing is sent
 * @property {ActionFormCallbacks} cb
 */

/**
 * The small form of one action.
 * @param {ActionFormOptions} o
 * @returns {HTMLFormElement}
 */
export function actionForm(o) {
  const submit = h(
    'button',
    { type: 'submit', class: `btn ${o.danger ? 'btn-danger' : 'btn-primary'}` },
    t('act.confirm'),
  );
  const titleId = `${o.idPrefix}-h-${o.type}`;
  const form = h(
    'form',
    { class: 'action-form card-inset', novalidate: true, 'data-action': o.type, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, o.title),
    h('p', { class: 'hint' }, o.help),
    ...o.fields,
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      submit,
      h('button', { type: 'button', class: 'btn btn-link', onclick: o.cb.onCancel }, t('common.cancel')),
    ),
  );
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') o.cb.onCancel();
  });
  keyedSubmit(form, submit, {
    path: o.path,
    read: () => {
      /** @type {Record<string, unknown>} */
      const req = { type: o.type };
      return o.read(req) ? req : null;
    },
    done: o.cb.onDone,
  });
  return form;
}

/**
 * Puts the trimmed text of a field into an action's request under `key` when there is any (an empty optional
 * field is left out; a required one is then named by the server). Always true, as `read` expects.
 * @param {Record<string, unknown>} req
 * @param {string} key
 * @param {{control: {value: string}}} f
 */
export function putText(req, key, f) {
  const v = f.control.value.trim();
  if (v) req[key] = v;
  return true;
}
