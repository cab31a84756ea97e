/**
 * The period form of the reports and the overview: for province-wide users a unit select (the whole province or
 * one of its communes), the period typed as dd/MM/yyyy with quick periods, and the show button. Each run checks
 * the dates (both given, real, the first not after the second; the field says what is wrong, before anything is
 * asked), keeps the unit and period in the address, and draws what the screen loads in the output region: a
 * loading line, then the result, a "not available yet" notice for a route the server lacks, or the error on the
 * form. A late answer for a period that is no longer asked (or a screen that is gone) is dropped.
 */
import { ApiError, api, query } from './api.js';
import { h, replace } from './dom.js';
import { DAY_MS, localIsoDate, showIsoDate } from './format.js';
import { t } from './i18n.js';
import { setUrl } from './router.js';
import { hasAbility, session } from './session.js';
import {
  clearIssues,
  dateField,
  dateValue,
  field,
  formAlert,
  loading,
  notAvailable,
  setFieldError,
  showError,
} from './ui.js';

/**
 * @typedef {'last7' | 'last30' | 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear'} PresetKey
 * @typedef {{unit: string, from: string, to: string}} PeriodQuery  unit code, yyyy-MM-dd dates
 */

/**
 * @typedef {object} PeriodPickerOptions
 * @property {readonly PresetKey[]} presets the quick periods offered, in order
 * @property {string} presetsLabel the name of the quick periods' group
 * @property {string} showLabel the submit button's text
 * @property {string} notAvailable the notice shown when the server does not offer the screen's route yet
 * @property {string} outClass the output region's class
 * @property {(q: PeriodQuery) => Promise<import('./dom.js').Child>} load fetches and draws the result
 */

/**
 * The quick periods, as [from, to] local dates: the last 7 and 30 days, this and last month, this quarter, this
 * year.
 * @returns {Record<PresetKey, [string, string]>}
 */
export function presetPeriods() {
  const today = localIsoDate();
  const [y, m] = today.split('-').map(Number);
  const iso = (/** @type {number} */ yy, /** @type {number} */ mm, /** @type {number} */ dd) =>
    `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const last = (/** @type {number} */ yy, /** @type {number} */ mm) =>
    new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const pm = m === 1 ? 12 : m - 1;
  const py = m === 1 ? y - 1 : y;
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  return {
    last7: [localIsoDate(Date.now() - 6 * DAY_MS), today],
    last30: [localIsoDate(Date.now() - 29 * DAY_MS), today],
    thisMonth: [iso(y, m, 1), iso(y, m, last(y, m))],
    lastMonth: [iso(py, pm, 1), iso(py, pm, last(py, pm))],
    thisQuarter: [iso(y, q0, 1), iso(y, q0 + 2, last(y, q0 + 2))],
    thisYear: [iso(y, 1, 1), iso(y, 12, 31)],
  };
}

/**
 * A period screen (the overview, the reports): its heading and lead, the period form and the first result.
 * @param {HTMLElement} main
 * @param {import('./router.js').RouteContext} ctx
 * @param {PeriodPickerOptions & {title: string, lead: string}} o
 */
export async function periodPage(main, ctx, o) {
  const picker = periodPicker(ctx, o);
  main.append(h('h1', null, o.title), h('p', { class: 'hint' }, o.lead), picker.form, picker.out);
  await picker.run();
}

/**
 * The form and the output region of a period screen. The unit and period come from the screen's address (`unit`,
 * `from`, `to`; by default the officer's own unit and this month) and go back into it on each run. The screen
 * appends `form` and `out`, then awaits `run()` for the first result.
 * @param {import('./router.js').RouteContext} ctx
 * @param {PeriodPickerOptions} o
 */
export function periodPicker(ctx, o) {
  const me = session.me;
  const periods = presetPeriods();
  const [defFrom, defTo] = periods.thisMonth;
  const from = dateField({
    label: t('period.from'),
    path: 'from',
    required: true,
    value: showIsoDate(ctx.query.get('from') ?? defFrom),
  });
  const to = dateField({
    label: t('period.to'),
    path: 'to',
    required: true,
    value: showIsoDate(ctx.query.get('to') ?? defTo),
  });
  // the server's 'province.wide': an officer who sees more than one commune picks one
  const unit = me && hasAbility('province.wide') ? unitPicker(me.provinceCode, ctx.query.get('unit')) : null;
  const out = h('div', { class: o.outClass, 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card report-form', novalidate: true },
    h('div', { class: 'grid-3' }, unit, from, to),
    h(
      'div',
      { class: 'presets', role: 'group', 'aria-label': o.presetsLabel },
      ...o.presets.map((key) =>
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            onclick: () => {
              from.control.value = showIsoDate(periods[key][0]);
              to.control.value = showIsoDate(periods[key][1]);
              void run();
            },
          },
          t(`period.preset.${key}`),
        ),
      ),
    ),
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, o.showLabel),
    ),
  );

  let generation = 0;
  async function run() {
    clearIssues(form);
    const f = dateValue(from);
    const tt = dateValue(to);
    if (f === '') setFieldError(from, t('period.required'));
    if (tt === '') setFieldError(to, t('period.required'));
    if (f && tt && f > tt) setFieldError(to, t('period.order'));
    if (!f || !tt || f > tt) {
      /** @type {HTMLElement | null} */ (form.querySelector('.invalid input'))?.focus();
      return;
    }
    const unitCode = unit ? unit.control.value : (me?.unitCode ?? '');
    setUrl(`${ctx.path}${query({ unit: unit ? unitCode : '', from: f, to: tt })}`);
    const mine = ++generation;
    const current = () => mine === generation && ctx.alive();
    replace(out, loading());
    try {
      const result = await o.load({ unit: unitCode, from: f, to: tt });
      if (current()) replace(out, result);
    } catch (e) {
      if (!current()) return;
      if (e instanceof ApiError && e.isMissingRoute) replace(out, notAvailable(o.notAvailable));
      else {
        replace(out);
        showError(form, e);
      }
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  return { form, out, run };
}

/**
 * The unit select of province-wide users: the whole province, then its communes (loaded in the background). A
 * commune asked for in the address is selected at once (named by its code until the list arrives).
 * @param {string} provinceCode
 * @param {string | null} wanted
 */
function unitPicker(provinceCode, wanted) {
  const chosen = wanted && /^\d{5}$/.test(wanted) ? wanted : provinceCode;
  /** @type {[string, string][]} */
  const options = [[provinceCode, t('period.wholeProvince')]];
  if (chosen !== provinceCode) options.push([chosen, chosen]);
  const unit = field({ label: t('period.unit'), path: 'unit', type: 'select', options, value: chosen });
  void api(`/api/units${query({ province: provinceCode, limit: 5000 })}`)
    .then((r) => {
      const items = /** @type {{code: string, name: string}[]} */ (r.items).sort((a, b) =>
        a.name.localeCompare(b.name, 'vi'),
      );
      const select = /** @type {HTMLSelectElement} */ (unit.control);
      const current = select.value;
      while (select.options.length > 1) select.remove(1);
      for (const u of items)
        select.append(h('option', { value: u.code, selected: u.code === current }, u.name));
    })
    .catch(() => undefined);
  return unit;
}
