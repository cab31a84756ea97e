/* global document */
/**
 * The catalog of the chosen commune (`/cong-dan?xa=25000&q=…&linh-vuc=…`): a folded search (no diacritics needed:
 * "ket hon" finds "kết hôn") and the fields (lĩnh vực), each procedure with its fee and the commune's limit.
 */
import { api, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { feeText, limitText } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link, navigate, setUrl } from '../lib/router.js';
import { errorText, loading } from '../lib/ui.js';
import { chosenCommune, communePicker, rememberCommune } from './commune.js';

/** @param {string} unit @param {string} code */
export const procedureHref = (unit, code) => `/cong-dan/thu-tuc${query({ xa: unit, ma: code })}`;

/** @type {import('../lib/router.js').View} */
export async function catalogView(main, ctx) {
  const fromUrl = ctx.query.get('xa');
  const remembered = chosenCommune();
  main.append(h('h1', null, t('portal.catalog.title')), h('p', { class: 'lead' }, t('portal.catalog.lead')));
  const commune =
    fromUrl && /^\d{5}$/.test(fromUrl)
      ? { code: fromUrl, name: remembered?.code === fromUrl ? remembered.name : fromUrl }
      : remembered;
  if (!commune) {
    const picker = communePicker((c) => {
      rememberCommune(c);
      navigate(`/cong-dan${query({ xa: c.code })}`);
    });
    main.append(picker.form);
    picker.focus();
    return;
  }
  const change = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-ghost',
      onclick: () => {
        const picker = communePicker((c) => {
          rememberCommune(c);
          navigate(`/cong-dan${query({ xa: c.code })}`);
        });
        change.replaceWith(picker.form);
        picker.focus();
      },
    },
    t('portal.commune.change'),
  );
  const heading = h('h2', { 'data-testid': 'catalog-commune' }, commune.name);
  main.append(h('div', { class: 'portal-commune' }, heading, change));

  const q = h('input', {
    type: 'search',
    id: 'proc-q',
    maxlength: '200',
    autocomplete: 'off',
    value: ctx.query.get('q') ?? '',
    'aria-describedby': 'proc-q-hint',
  });
  const field = h('select', { id: 'proc-field' }, h('option', { value: '' }, t('portal.catalog.allFields')));
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', role: 'search', novalidate: true },
    h('label', { for: 'proc-q' }, t('portal.catalog.search')),
    h(
      'div',
      { class: 'search' },
      q,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('portal.catalog.find')),
    ),
    h('p', { class: 'hint', id: 'proc-q-hint' }, t('portal.catalog.searchHint')),
    h('label', { for: 'proc-field' }, t('portal.catalog.field')),
    field,
  );
  main.append(form, out);

  let fieldsShown = false;
  async function show() {
    const text = String(/** @type {HTMLInputElement} */ (q).value).trim();
    const chosenField =
      String(/** @type {HTMLSelectElement} */ (field).value) || ctx.query.get('linh-vuc') || '';
    setUrl(`/cong-dan${query({ xa: commune?.code, q: text, 'linh-vuc': chosenField })}`);
    replace(out, loading());
    try {
      const res = await api(
        `/api/public/units/${commune?.code}/procedures${query({ q: text, field: chosenField })}`,
      );
      if (!ctx.alive()) return;
      if (!fieldsShown) {
        fieldsShown = true;
        for (const f of res.fields) field.append(h('option', { value: f, selected: f === chosenField }, f));
      }
      heading.textContent = res.unit.name;
      rememberCommune(res.unit);
      const shell = document.querySelector('[data-testid=portal-commune]');
      if (shell) shell.textContent = res.unit.name;
      replace(
        out,
        h('p', { class: 'hint', role: 'status' }, t('portal.catalog.count', { n: res.items.length })),
        h(
          'ul',
          { class: 'proc-list', 'data-testid': 'procedures' },
          ...res.items.map((/** @type {any} */ p) =>
            h(
              'li',
              null,
              link(procedureHref(String(commune?.code), p.code), null, p.name),
              h(
                'div',
                { class: 'proc-meta' },
                `${p.field} · ${limitText(p.limit)} · ${feeText(p.fee)}`,
                p.onlineLevel === 'full' ? ` · ${t('portal.catalog.online')}` : '',
              ),
            ),
          ),
        ),
      );
    } catch (e) {
      replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void show();
  });
  field.addEventListener('change', () => void show());
  await show();
}
