/**
 * The frame of a record's page (a dossier, a petition, a task): the link back to the list, the heading, and the
 * record loaded into the body (a clear message when the address names none or the server refuses); and the
 * label–value lines of its cards.
 */
import { api } from './api.js';
import { h, icon, replace } from './dom.js';
import { t } from './i18n.js';
import { link } from './router.js';
import { errorText, loading } from './ui.js';

/**
 * @template R the record, as the API answers it (TDossier, TPetition, TTask)
 * @typedef {object} RecordPageOptions
 * @property {string} back the list's path
 * @property {string} backText
 * @property {string} title
 * @property {string | null} path the record's API path; null when the address names no record
 * @property {(box: HTMLElement, record: R) => void | Promise<void>} render fills the body
 */

/**
 * @param {HTMLElement} main
 * @param {import('./router.js').RouteContext} ctx
 * @template R
 * @param {RecordPageOptions<R>} o
 */
export async function recordPage(main, ctx, o) {
  const box = h('div', null, loading());
  main.append(link(o.back, { class: 'back' }, icon('back'), ' ', o.backText), h('h1', null, o.title), box);
  const failed = (/** @type {string} */ message) =>
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, message));
  if (o.path === null) {
    failed(t('app.notFound'));
    return;
  }
  try {
    const record = /** @type {R} */ (await api(o.path));
    if (!ctx.alive()) return;
    await o.render(box, record);
  } catch (e) {
    failed(errorText(e));
  }
}

/**
 * One line of a card's facts (`<dl class="facts">`).
 * @param {string} label
 * @param {import('./dom.js').Child} value
 * @param {string} [testid]
 */
export const fact = (label, value, testid) => [
  h('dt', null, label),
  h('dd', testid ? { 'data-testid': testid } : null, value),
];
