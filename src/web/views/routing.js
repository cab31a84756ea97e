/**
 * The commune leader's screen (issue 12 item 3): how each procedure flows after intake — resolved at the counter,
 * auto-assigned to the least-loaded qualified specialist present, or assigned by the leader (leave dates and the
 * reassignment of those on leave are on the leave screen, views/leave.js). The server decides what the law allows (400 naming the field).
 */
import { api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { hasAbility } from '../lib/session.js';
import { errorText, loading, toast } from '../lib/ui.js';

const MODES = ['counter', 'auto_assign', 'leader_assigns'];

/**
 * @typedef {{procedureCode: string, procedureName: string, field: string, mode: string, counterSigns: boolean,
 *   authorisationRef: string | null, counterMaySign: boolean}} Rule
 */

/** @type {import('../lib/router.js').View} */
export async function routingView(main, ctx) {
  main.append(h('h1', null, t('routing.title')), h('p', { class: 'hint' }, t('routing.intro')));
  const editable = hasAbility('routing.edit');
  const body = h('div', null, loading());
  main.append(body);
  try {
    /** @type {{items: Rule[]}} */
    const res = await api('/api/routing-rules');
    if (!ctx.alive()) return;
    const filter = h('input', { type: 'search', id: 'routing-filter', 'aria-label': t('routing.filter') });
    const rows = res.items.map((r) => ruleRow(r, editable));
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLocaleLowerCase('vi');
      rows.forEach((row, i) => {
        const r = res.items[i];
        row.hidden =
          !!q && !`${r?.procedureCode} ${r?.procedureName} ${r?.field}`.toLocaleLowerCase('vi').includes(q);
      });
    });
    replace(
      body,
      h('div', { class: 'actions-row' }, h('label', null, t('routing.filter'), ' ', filter)),
      h('table', { class: 'table routing-table' }, h('tbody', null, ...rows)),
    );
  } catch (e) {
    replace(body, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/**
 * @param {Rule} r
 * @param {boolean} editable
 */
function ruleRow(r, editable) {
  const mode = h(
    'select',
    {
      'aria-label': `${t('routing.title')}: ${r.procedureCode}`,
      disabled: !editable,
      'data-code': r.procedureCode,
    },
    ...MODES.map((m) => h('option', { value: m, selected: m === r.mode }, t(`routing.mode.${m}`))),
  );
  const signs = h('input', {
    type: 'checkbox',
    checked: r.counterSigns,
    disabled: !editable || !r.counterMaySign,
  });
  const ref = h('input', {
    type: 'text',
    value: r.authorisationRef ?? '',
    maxlength: 200,
    disabled: !editable || !r.counterMaySign,
    'aria-label': t('routing.authorisationRef'),
    placeholder: t('routing.authorisationRef'),
  });
  const save = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      hidden: !editable,
      onclick: async () => {
        try {
          await api(`/api/routing-rules/${encodeURIComponent(r.procedureCode)}`, {
            method: 'PUT',
            body: {
              mode: mode.value,
              counterSigns: signs.checked,
              authorisationRef: ref.value.trim() || null,
            },
          });
          toast(t('routing.saved'));
        } catch (e) {
          toast(errorText(e), 'error');
        }
      },
    },
    t('routing.save'),
  );
  return h(
    'tr',
    null,
    h(
      'td',
      null,
      h('strong', null, r.procedureCode),
      ' ',
      h('span', { title: r.procedureName }, r.procedureName),
    ),
    h('td', null, mode),
    h(
      'td',
      null,
      r.counterMaySign ? h('label', { class: 'check' }, signs, ' ', t('routing.counterSigns')) : null,
    ),
    h('td', null, r.counterMaySign ? ref : null),
    h('td', null, save),
  );
}
