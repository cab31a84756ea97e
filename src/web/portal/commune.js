/* global localStorage */
/**
 * The commune a citizen deals with, chosen once from a search of communes (current and former names, no
 * diacritics needed) and remembered on the phone (localStorage), so every page opens on it.
 */
import { api, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { errorText, loading } from '../lib/ui.js';

const KEY = 'motcua.portal.commune';

/** @typedef {{code: string, name: string, provinceName?: string}} Commune */

/** @returns {Commune | null} */
export function chosenCommune() {
  try {
    const c = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return c && /^\d{5}$/.test(c.code) ? c : null;
  } catch {
    return null;
  }
}

/** @param {Commune} c */
export function rememberCommune(c) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ code: c.code, name: c.name, provinceName: c.provinceName }));
  } catch {
    // storage disabled: the commune stays in the address (?xa=) only
  }
}

/**
 * A search of communes; `onChosen` gets the one picked (a button per result, keyboard reachable).
 * @param {(c: Commune) => void} onChosen
 */
export function communePicker(onChosen) {
  const input = h('input', {
    type: 'search',
    id: 'commune-q',
    autocomplete: 'off',
    maxlength: '200',
    placeholder: 'Di Linh',
    'aria-describedby': 'commune-hint',
  });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', role: 'search', novalidate: true },
    h('label', { for: 'commune-q' }, t('portal.commune.search')),
    h(
      'div',
      { class: 'search' },
      input,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('portal.commune.find')),
    ),
    h('p', { class: 'hint', id: 'commune-hint' }, t('portal.commune.hint')),
    out,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = String(/** @type {HTMLInputElement} */ (input).value).trim();
    if (!q) return input.focus();
    replace(out, loading());
    try {
      const { items } = await api(`/api/public/units${query({ q })}`);
      replace(
        out,
        items.length
          ? h(
              'ul',
              { class: 'proc-list', 'data-testid': 'communes' },
              ...items.map((/** @type {Commune} */ c) =>
                h(
                  'li',
                  null,
                  h(
                    'button',
                    { type: 'button', class: 'btn btn-ghost', onclick: () => onChosen(c) },
                    `${c.name} — ${c.provinceName}`,
                  ),
                ),
              ),
            )
          : h('p', { class: 'alert alert-info' }, t('portal.commune.none')),
      );
    } catch (err) {
      replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(err)));
    }
  });
  return { form, focus: () => input.focus() };
}
