/**
 * A register page (petitions, leaders' tasks): the heading with its "new" button, a lead, tabs by one parameter
 * (optional), a filter bar, the table, a live count and "load more". Every filter is kept in the URL
 * (`?param=value`), so Back and reload keep it; the API answers a page of `pageSize` rows with the cursor of the
 * next (`{items, nextCursor}`), and "load more" appends that page with the same filters, as the dossier queue does.
 * A late answer for filters since changed is dropped.
 */
import { api, query } from './api.js';
import { append, h, replace } from './dom.js';
import { parseDateInput, showIsoDate } from './format.js';
import { link, setUrl } from './router.js';
import { t } from './i18n.js';
import { errorText, loading } from './ui.js';

/**
 * @typedef {object} ListFilter a control of the filter bar, kept in the URL as `param=value`
 * @property {string} param
 * @property {string} id the control's id
 * @property {string} label
 * @property {string} [on] a checkbox: the parameter's value when ticked ('true', 'me')
 * @property {[string, string][]} [options] a select: the value and words of each choice, the first ('') "any"
 * @property {'text' | 'date'} [input] a typed field: free text (trimmed), or a date typed dd/MM/yyyy and kept in
 *   the URL as yyyy-MM-dd (an invalid date is marked and left out)
 * @property {number} [maxlength] a typed field's bound
 */

/**
 * @template Item a row's record, as the API's `items` carry it
 * @typedef {object} ListPageOptions
 * @property {string} path the page's path ('/don-thu')
 * @property {string} api the list's API path ('/api/petitions')
 * @property {string} title
 * @property {import('./dom.js').Child} newLink the "new" button, for those who may
 * @property {string} lead
 * @property {{param: string, label: string, options: [string, string][]}} [tabs] a link to each value of one
 *   parameter, the first ('') "all"
 * @property {string} filtersLabel
 * @property {ListFilter[]} filters
 * @property {string} tableClass
 * @property {string[]} columns the headers' words
 * @property {(item: Item, now: number) => HTMLElement} row
 * @property {{empty: string, count: (n: number) => string}} counts the words when nothing is listed, and for the
 *   number of rows shown so far
 * @property {number} pageSize the rows asked for at a time (`limit`; the API answers at most 200)
 */

/**
 * The value of a select or tab parameter in the URL, when it is one of the choices ('' otherwise).
 * @param {URLSearchParams} q
 * @param {string} param
 * @param {[string, string][]} options
 */
const chosen = (q, param, options) => options.find(([v]) => v === q.get(param))?.[0] ?? '';

/** The words of a choice. @param {[string, string][]} options @param {string | undefined} value */
const wordsOf = (options, value) => options.find(([v]) => v === value)?.[1] ?? '';

/**
 * @param {HTMLElement} main
 * @param {import('./router.js').RouteContext} ctx
 * @template Item
 * @param {ListPageOptions<Item>} o
 */
export async function listPage(main, ctx, o) {
  const q = ctx.query;
  const tabBy = o.tabs;
  /** @type {Record<string, string>} the filters, in the URL's order */
  const state = {};
  if (tabBy) state[tabBy.param] = chosen(q, tabBy.param, tabBy.options);
  for (const f of o.filters)
    state[f.param] = f.options
      ? chosen(q, f.param, f.options)
      : f.input
        ? (q.get(f.param) ?? '').trim()
        : q.get(f.param) === f.on
          ? (f.on ?? '')
          : '';
  const hrefOf = (/** @type {Record<string, string>} */ s) => `${o.path}${query(s)}`;

  const tabs = tabBy
    ? h(
        'nav',
        { class: 'tabs', 'aria-label': tabBy.label },
        ...tabBy.options.map(([v, text]) =>
          link(
            hrefOf({ ...state, [tabBy.param]: v }),
            { class: 'tab', 'data-value': v, 'aria-current': v === state[tabBy.param] ? 'page' : undefined },
            text,
          ),
        ),
      )
    : null;
  const controls = o.filters.map((f) => filterControl(f, state[f.param] ?? ''));
  const filterBar = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': o.filtersLabel },
    ...controls.map((c) => c.el),
  );

  const tbody = h('tbody');
  const caption = h('caption', { class: 'visually-hidden' });
  const table = h(
    'table',
    { class: `table queue-table ${o.tableClass}` },
    caption,
    h('thead', null, h('tr', null, ...o.columns.map((c) => h('th', { scope: 'col' }, c)))),
    tbody,
  );
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });

  /** The table's caption: what it lists. */
  const describe = () =>
    [
      tabBy ? wordsOf(tabBy.options, state[tabBy.param]) : o.title,
      ...o.filters.map((f) =>
        !state[f.param]
          ? ''
          : f.options
            ? wordsOf(f.options, state[f.param])
            : f.input
              ? `${f.label}: ${f.input === 'date' ? showIsoDate(state[f.param] ?? '') : state[f.param]}`
              : f.label,
      ),
    ]
      .filter(Boolean)
      .join(' · ');

  const more = h(
    'button',
    { type: 'button', class: 'btn', hidden: true, 'data-testid': 'list-more' },
    t('list.loadMore'),
  );
  /** @type {string | null} the next page's cursor (null: the last page is shown) */
  let cursor = null;
  let shown = 0;
  let generation = 0;

  /** Loads the first page (`reset`, after a change of filters) or appends the next one. @param {boolean} reset */
  async function load(reset) {
    if (reset) {
      generation++;
      cursor = null;
      shown = 0;
      more.hidden = true;
      replace(tbody);
      replace(status, loading());
      caption.textContent = describe();
    }
    const mine = generation;
    more.disabled = true;
    try {
      const res = await api(`${o.api}${query({ ...state, cursor, limit: o.pageSize })}`);
      if (!ctx.alive() || mine !== generation) return;
      const items = /** @type {any[]} */ (res.items);
      const now = Date.now();
      for (const item of items) tbody.append(o.row(item, now));
      shown += items.length;
      cursor = typeof res.nextCursor === 'string' && res.nextCursor ? res.nextCursor : null;
      more.hidden = !cursor;
      table.hidden = shown === 0;
      replace(status, shown === 0 ? o.counts.empty : o.counts.count(shown));
    } catch (e) {
      if (mine === generation) replace(status, h('span', { class: 'error-text' }, errorText(e)));
    } finally {
      if (mine === generation) more.disabled = false;
    }
  }
  more.addEventListener('click', () => void load(false));

  function filtersChanged() {
    o.filters.forEach((f, i) => (state[f.param] = controls[i]?.value() ?? ''));
    setUrl(hrefOf(state));
    if (tabs && tabBy)
      for (const a of tabs.querySelectorAll('a'))
        a.setAttribute('href', hrefOf({ ...state, [tabBy.param]: a.getAttribute('data-value') ?? '' }));
    void load(true);
  }
  for (const c of controls) c.control.addEventListener('change', filtersChanged);

  append(main, [
    h('div', { class: 'page-head' }, h('h1', null, o.title), o.newLink),
    h('p', { class: 'lead' }, o.lead),
    tabs,
    filterBar,
    status,
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'more' }, more),
  ]);
  await load(true);
}

/**
 * A select, a typed field or a checkbox of the filter bar.
 * @param {ListFilter} f
 * @param {string} value
 */
function filterControl(f, value) {
  if (f.input) {
    const date = f.input === 'date';
    const control = h('input', {
      type: 'text',
      id: f.id,
      name: f.param,
      value: date ? showIsoDate(value) : value,
      maxlength: date ? 10 : (f.maxlength ?? 120),
      inputmode: date ? 'numeric' : undefined,
      placeholder: date ? t('date.placeholder') : undefined,
    });
    return {
      control,
      el: h('div', { class: 'field field-inline' }, h('label', { for: f.id }, f.label), control),
      value: () => {
        const text = control.value.trim();
        if (!date) return text;
        const iso = text ? parseDateInput(text) : '';
        control.setAttribute('aria-invalid', iso === null ? 'true' : 'false');
        control.title = iso === null ? t('date.invalid') : '';
        return iso ?? '';
      },
    };
  }
  if (f.options) {
    const control = h(
      'select',
      { id: f.id, name: f.param },
      ...f.options.map(([v, text]) => h('option', { value: v, selected: v !== '' && v === value }, text)),
    );
    return {
      control,
      el: h('div', { class: 'field field-inline' }, h('label', { for: f.id }, f.label), control),
      value: () => control.value,
    };
  }
  const control = h('input', { type: 'checkbox', id: f.id, name: f.param, checked: value !== '' });
  return {
    control,
    el: h('label', { class: 'check', for: f.id }, control, ' ', f.label),
    value: () => (control.checked ? (f.on ?? '') : ''),
  };
}
