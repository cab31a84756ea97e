/**
 * The register of complaints, denunciations and feedback (`/don-thu`): tabs by kind, a status filter and "overdue
 * only", newest first. Filters live in the URL (`?kind=&status=&overdue=true`) so Back and reload keep them.
 */
import { api, query } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDate } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link, petitionHref, setUrl } from '../lib/router.js';
import { canPetition } from '../lib/session.js';
import { errorText, loading } from '../lib/ui.js';
import { KINDS, STATUSES, kindText, nextDeadlineCell, petitionStatusBadge } from './petition-parts.js';

/** The register answers at most this many rows (the API has no paging yet). */
const LIMIT = 200;

/** @typedef {{kind: string, status: string, overdue: boolean}} Filters */

/** @param {Filters} f */
const hrefOf = (f) =>
  `/don-thu${query({ kind: f.kind, status: f.status, overdue: f.overdue ? 'true' : '' })}`;

/** @type {import('../lib/router.js').View} */
export async function petitionsView(main, ctx) {
  const q = ctx.query;
  /** @type {Filters} */
  const filters = {
    kind: KINDS.find((k) => k === q.get('kind')) ?? '',
    status: STATUSES.find((s) => s === q.get('status')) ?? '',
    overdue: q.get('overdue') === 'true',
  };

  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': t('petitions.tabs') },
    ...['', ...KINDS].map((k) =>
      link(
        hrefOf({ ...filters, kind: k }),
        { class: 'tab', 'data-kind': k, 'aria-current': k === filters.kind ? 'page' : undefined },
        k ? kindText(k) : t('petitions.tab.all'),
      ),
    ),
  );
  const statusSelect = h(
    'select',
    { id: 'pet-status', name: 'status' },
    h('option', { value: '' }, t('petitions.filter.anyStatus')),
    ...STATUSES.map((s) =>
      h('option', { value: s, selected: s === filters.status }, t(`petitions.status.${s}`)),
    ),
  );
  const overdueBox = h('input', {
    type: 'checkbox',
    id: 'pet-overdue',
    name: 'overdue',
    checked: filters.overdue,
  });
  const filterBar = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': t('petitions.filters') },
    h(
      'div',
      { class: 'field field-inline' },
      h('label', { for: 'pet-status' }, t('petitions.filter.status')),
      statusSelect,
    ),
    h('label', { class: 'check', for: 'pet-overdue' }, overdueBox, ' ', t('petitions.filter.overdue')),
  );

  const tbody = h('tbody');
  const caption = h('caption', { class: 'visually-hidden' });
  const table = h(
    'table',
    { class: 'table queue-table petitions-table' },
    caption,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['code', 'kind', 'subject', 'petitioner', 'received', 'deadline', 'status'].map((c) =>
          h('th', { scope: 'col' }, t(`petitions.col.${c}`)),
        ),
      ),
    ),
    tbody,
  );
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });

  let generation = 0;
  async function load() {
    const mine = ++generation;
    replace(tbody);
    replace(status, loading());
    caption.textContent = describe(filters);
    try {
      const res = await api(
        `/api/petitions${query({
          kind: filters.kind,
          status: filters.status,
          overdue: filters.overdue ? 'true' : '',
          limit: LIMIT,
        })}`,
      );
      if (!ctx.alive() || mine !== generation) return;
      const items = /** @type {any[]} */ (res.items);
      const now = Date.now();
      for (const p of items) tbody.append(row(p, now));
      table.hidden = items.length === 0;
      replace(
        status,
        items.length === 0
          ? t('petitions.empty')
          : items.length >= LIMIT
            ? t('petitions.countLimited', { n: items.length })
            : t('petitions.count', { n: items.length }),
      );
    } catch (e) {
      if (mine === generation) replace(status, h('span', { class: 'error-text' }, errorText(e)));
    }
  }

  function filtersChanged() {
    filters.status = statusSelect.value;
    filters.overdue = overdueBox.checked;
    setUrl(hrefOf(filters));
    for (const a of tabs.querySelectorAll('a'))
      a.setAttribute('href', hrefOf({ ...filters, kind: a.getAttribute('data-kind') ?? '' }));
    void load();
  }
  statusSelect.addEventListener('change', filtersChanged);
  overdueBox.addEventListener('change', filtersChanged);

  main.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('petitions.title')),
      canPetition('receive')
        ? link('/don-thu/moi', { class: 'btn btn-primary' }, icon('plus'), ' ', t('petitions.new'))
        : null,
    ),
    h('p', { class: 'lead' }, t('petitions.lead')),
    tabs,
    filterBar,
    status,
    h('div', { class: 'table-wrap' }, table),
  );
  await load();
}

/** The table's caption: what it lists. @param {Filters} f */
function describe(f) {
  return [
    f.kind ? kindText(f.kind) : t('petitions.tab.all'),
    f.status ? t(`petitions.status.${f.status}`) : '',
    f.overdue ? t('petitions.filter.overdue') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * @param {any} p a petition of the register
 * @param {number} now
 */
function row(p, now) {
  return h(
    'tr',
    { 'data-code': p.code },
    h('td', { 'data-label': t('petitions.col.code') }, link(petitionHref(p.code), { class: 'code' }, p.code)),
    h('td', { 'data-label': t('petitions.col.kind') }, kindText(p.kind)),
    h('td', { 'data-label': t('petitions.col.subject') }, p.subject),
    h('td', { 'data-label': t('petitions.col.petitioner') }, p.petitioner.name),
    h(
      'td',
      { 'data-label': t('petitions.col.received') },
      h('span', { class: 'nowrap' }, formatDate(p.receivedAt)),
    ),
    h('td', { 'data-label': t('petitions.col.deadline') }, nextDeadlineCell(p, now)),
    h('td', { 'data-label': t('petitions.col.status') }, petitionStatusBadge(p.status)),
  );
}
