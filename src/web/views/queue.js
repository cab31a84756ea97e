/**
 * The work queue (home after sign-in): tabs by status plus "assigned to me" and "overdue", a folded search
 * (marks ignored), cursor paging with "load more". Filters live in the URL so Back and reload keep them.
 */
import { api, query } from '../lib/api.js';
import { dueBadge } from '../lib/deadline.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dossierHref, link, setUrl } from '../lib/router.js';
import { can, session } from '../lib/session.js';
import { errorText, loading, statusBadge } from '../lib/ui.js';
import { loadCalendar } from '../lib/working-calendar.js';

/** @typedef {{key: string, params: Record<string, string>}} Tab */

/** @type {Tab[]} */
const TABS = [
  { key: 'all', params: {} },
  { key: 'received', params: { status: 'received' } },
  { key: 'processing', params: { status: 'processing' } },
  { key: 'supplement_requested', params: { status: 'supplement_requested' } },
  { key: 'awaiting_approval', params: { status: 'awaiting_approval' } },
  { key: 'result_ready', params: { status: 'result_ready' } },
  { key: 'mine', params: { assignee: 'me' } },
  { key: 'overdue', params: { overdue: 'true' } },
];

const PAGE = 30;

/** @type {import('../lib/router.js').View} */
export async function queueView(main, ctx) {
  const tab = TABS.find((x) => x.key === ctx.query.get('tab')) ?? TABS[0];
  let q = ctx.query.get('q') ?? '';
  const calendarLoad = loadCalendar(session.me?.provinceCode ?? '', Date.now(), Date.now() + 40 * 86_400_000);

  const search = h('input', {
    type: 'search',
    id: 'queue-q',
    name: 'q',
    value: q,
    placeholder: t('queue.searchPlaceholder'),
    autocomplete: 'off',
  });
  const searchForm = h(
    'form',
    { class: 'search', role: 'search' },
    h('label', { for: 'queue-q', class: 'visually-hidden' }, t('queue.searchLabel')),
    search,
    h('button', { type: 'submit', class: 'btn' }, icon('search'), ' ', t('queue.search')),
  );
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'table queue-table' },
    h('caption', { class: 'visually-hidden' }, t(`queue.tab.${tab.key}`)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['code', 'procedure', 'applicant', 'received', 'due', 'status'].map((c) =>
          h('th', { scope: 'col' }, t(`queue.col.${c}`)),
        ),
      ),
    ),
    tbody,
  );
  const status = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, t('list.loadMore'));
  /** @type {string | null} */
  let cursor = null;
  let shown = 0;

  const href = (/** @type {Tab} */ x, /** @type {string} */ text) =>
    `/${query({ tab: x.key === 'all' ? '' : x.key, q: text })}`;

  /** @param {boolean} reset */
  async function load(reset) {
    if (reset) {
      cursor = null;
      shown = 0;
      replace(tbody);
      replace(status, loading());
    }
    more.disabled = true;
    try {
      const [page, calendar] = await Promise.all([
        api(`/api/dossiers${query({ ...tab.params, q: q.trim(), cursor, limit: PAGE })}`),
        calendarLoad,
      ]);
      if (!ctx.alive()) return;
      for (const d of page.items) tbody.append(row(d, calendar));
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      replace(
        status,
        shown === 0 ? t(q ? 'queue.emptySearch' : 'queue.empty') : t('queue.count', { n: shown }),
      );
      table.hidden = shown === 0;
    } catch (e) {
      replace(status, h('span', { class: 'error-text' }, errorText(e)));
    } finally {
      more.disabled = false;
    }
  }

  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    q = search.value;
    setUrl(href(tab, q));
    for (const a of nav.querySelectorAll('a'))
      a.setAttribute('href', href(TABS[Number(a.dataset.i)] ?? tab, q));
    void load(true);
  });
  more.addEventListener('click', () => void load(false));

  const nav = h(
    'nav',
    { class: 'tabs', 'aria-label': t('queue.tabs') },
    ...TABS.map((x, i) =>
      link(
        href(x, q),
        { class: 'tab', 'data-i': String(i), 'aria-current': x === tab ? 'page' : undefined },
        t(`queue.tab.${x.key}`),
      ),
    ),
  );

  main.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('queue.title')),
      can('intake')
        ? link('/tiep-nhan', { class: 'btn btn-primary' }, icon('plus'), ' ', t('queue.newDossier'))
        : null,
    ),
    nav,
    searchForm,
    status,
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'more' }, more),
  );
  await load(true);
}

/**
 * @param {import('../../server/dossiers/dossier.schemas.ts').TDossier} d a dossier from the queue
 * @param {Parameters<typeof dueBadge>[1]} calendar
 */
function row(d, calendar) {
  return h(
    'tr',
    null,
    h('td', { 'data-label': t('queue.col.code') }, link(dossierHref(d.code), { class: 'code' }, d.code)),
    h('td', { 'data-label': t('queue.col.procedure') }, d.procedure.name),
    h('td', { 'data-label': t('queue.col.applicant') }, d.applicant.name),
    h(
      'td',
      { 'data-label': t('queue.col.received') },
      h('span', { class: 'nowrap' }, formatDateTime(d.receivedAt) || '—'),
    ),
    h('td', { 'data-label': t('queue.col.due') }, dueBadge(d, calendar)),
    h('td', { 'data-label': t('queue.col.status') }, statusBadge(d.status)),
  );
}
