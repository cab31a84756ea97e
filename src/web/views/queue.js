/* global document, setInterval, clearInterval, Notification */
/**
 * The work queues (home after sign-in, issue 12): tabs of open work sorted by what is due first — mine, awaiting
 * acceptance (online submissions, 8 working hours), due soon, overdue, awaiting approval, all open — and "all"
 * (every dossier, newest first), each with its count (capped: 99+). Compact rows (the procedure on one line, the
 * full name on hover), keyboard navigation (j/k or the arrows, Enter opens), bulk assign and approve for leaders
 * (one result per dossier), and a live count of new work polled every 30 s with a desktop notification when the
 * officer allowed it. Filters live in the URL so Back and reload keep them. The landing tab follows the role.
 */
import { api, query } from '../lib/api.js';
import { dueBadge } from '../lib/deadline.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dossierHref, link, navigate, setUrl } from '../lib/router.js';
import { can, session } from '../lib/session.js';
import { errorText, loading, statusBadge, toast } from '../lib/ui.js';
import { loadCalendar } from '../lib/working-calendar.js';
import { loadSpecialists } from './action-forms.js';

/** @typedef {'mine' | 'awaiting_acceptance' | 'due_soon' | 'overdue' | 'awaiting_approval' | 'open' | 'all'} TabKey */
/** @typedef {import('../../server/dossiers/dossier.schemas.ts').TDossier} TDossier */

/** @type {TabKey[]} */
const TABS = ['mine', 'awaiting_acceptance', 'due_soon', 'overdue', 'awaiting_approval', 'open', 'all'];

/** The tabs that mean new work for the officer: a rise in their count is announced. */
const NEW_WORK = /** @type {const} */ (['mine', 'awaiting_acceptance', 'awaiting_approval']);

const PAGE = 30;
const POLL_MS = 30_000;

/** The landing tab of the role (issue 12 item 8): the counter accepts, the specialist works, the leader approves. */
export function landingTab() {
  const roles = session.me?.roles ?? [];
  if (roles.includes('commune_leader')) return 'awaiting_approval';
  if (roles.includes('specialist')) return 'mine';
  if (roles.includes('counter_officer')) return 'awaiting_acceptance';
  return 'open';
}

/** A capped count as the tab shows it. @param {number} n @param {number} cap */
const countText = (n, cap) => (n >= cap ? `${cap - 1}+` : String(n));

/** @type {import('../lib/router.js').View} */
export async function queueView(main, ctx) {
  // the province's supervisor lands on the province overview, communes ranked
  const roles = session.me?.roles ?? [];
  if (!ctx.query.get('tab') && roles.includes('province_supervisor') && !roles.includes('commune_leader')) {
    navigate('/tong-quan', { replace: true });
    return;
  }
  const asked = /** @type {TabKey | null} */ (ctx.query.get('tab'));
  const tab = asked && TABS.includes(asked) ? asked : landingTab();
  const status = ctx.query.get('status') ?? '';
  let q = ctx.query.get('q') ?? '';
  const calendarLoad = loadCalendar(session.me?.provinceCode ?? '', Date.now(), Date.now() + 40 * 86_400_000);
  const bulk = can('decide') && tab !== 'all';

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
  const cols = ['code', 'procedure', 'applicant', 'received', 'due', 'status'];
  const table = h(
    'table',
    { class: 'table queue-table queue-compact' },
    h('caption', { class: 'visually-hidden' }, t(`queue.tab.${tab}`)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        bulk
          ? h('th', { scope: 'col', class: 'pick' }, h('span', { class: 'visually-hidden' }, t('queue.pick')))
          : null,
        ...cols.map((c) => h('th', { scope: 'col' }, t(`queue.col.${c}`))),
      ),
    ),
    tbody,
  );
  const statusLine = h('p', { class: 'queue-status', role: 'status', 'aria-live': 'polite' });
  const live = h('p', {
    class: 'queue-live',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'queue-live',
  });
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, t('list.loadMore'));
  /** @type {string | null} */
  let cursor = null;
  let shown = 0;
  /** @type {HTMLElement[]} */
  let rows = [];
  let current = -1;

  const href = (/** @type {TabKey} */ x, /** @type {string} */ text) =>
    `/${query({ tab: x, q: text, status: x === 'all' ? status : '' })}`;

  /** @param {boolean} reset */
  async function load(reset) {
    if (reset) {
      cursor = null;
      shown = 0;
      rows = [];
      current = -1;
      replace(tbody);
      replace(statusLine, loading());
    }
    more.disabled = true;
    try {
      const [page, calendar] = await Promise.all([
        api(
          `/api/dossiers${query({ tab, status: tab === 'all' ? status : '', q: q.trim(), cursor, limit: PAGE })}`,
        ),
        calendarLoad,
      ]);
      if (!ctx.alive()) return;
      for (const d of page.items) {
        const tr = row(d, calendar, bulk);
        rows.push(tr);
        tbody.append(tr);
      }
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      replace(
        statusLine,
        shown === 0 ? t(q ? 'queue.emptySearch' : 'queue.empty') : t('queue.count', { n: shown }),
      );
      table.hidden = shown === 0;
      bulkBar.hidden = !bulk || shown === 0;
    } catch (e) {
      replace(statusLine, h('span', { class: 'error-text' }, errorText(e)));
    } finally {
      more.disabled = false;
    }
  }

  /** Moves the keyboard selection to row `i` (focus follows, so screen readers read it). @param {number} i */
  function select(i) {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, i));
    for (const [n, r] of rows.entries()) r.classList.toggle('selected', n === current);
    rows[current]?.focus();
  }

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    if (!ctx.alive()) return document.removeEventListener('keydown', onKey);
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) return;
    if (e.key === 'j' || e.key === 'ArrowDown') {
      e.preventDefault();
      select(current + 1);
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      e.preventDefault();
      select(current - 1);
    } else if (e.key === 'Enter' && current >= 0 && target.tagName === 'TR') {
      e.preventDefault();
      navigate(dossierHref(rows[current]?.dataset.code ?? ''));
    }
  }
  document.addEventListener('keydown', onKey);

  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    q = search.value;
    setUrl(href(tab, q));
    for (const a of nav.querySelectorAll('a'))
      a.setAttribute('href', href(/** @type {TabKey} */ (a.dataset.tab), q));
    void load(true);
  });
  more.addEventListener('click', () => void load(false));

  /** @type {Map<TabKey, HTMLElement>} */
  const badges = new Map();
  const nav = h(
    'nav',
    { class: 'tabs', 'aria-label': t('queue.tabs') },
    ...TABS.map((x) => {
      const badge = h('span', { class: 'tab-count', 'data-testid': `count-${x}` });
      badges.set(x, badge);
      return link(
        href(x, q),
        { class: 'tab', 'data-tab': x, 'aria-current': x === tab ? 'page' : undefined },
        t(`queue.tab.${x}`),
        ' ',
        badge,
      );
    }),
  );

  const bulkBar = bulkActions(
    () => rows,
    () => load(true),
  );
  bulkBar.hidden = true;

  // counts now and every 30 s: a rise in the officer's new-work tabs is announced (and notified when allowed)
  /** @type {Record<string, number> | null} */
  let before = null;
  async function poll() {
    try {
      const { counts, cap } = await api('/api/dossiers/counts');
      if (!ctx.alive()) return;
      for (const [k, badge] of badges) badge.textContent = `(${countText(counts[k] ?? 0, cap)})`;
      if (before) {
        const rise = NEW_WORK.reduce((n, k) => n + Math.max(0, (counts[k] ?? 0) - (before?.[k] ?? 0)), 0);
        if (rise > 0) announce(rise);
      }
      before = counts;
    } catch {
      // the next poll tries again; the queue itself shows its own errors
    }
  }
  /** @param {number} n */
  function announce(n) {
    const text = t('queue.newWork', { n });
    replace(
      live,
      text,
      ' ',
      h(
        'button',
        { type: 'button', class: 'btn btn-small', onclick: () => void load(true) },
        t('queue.refresh'),
      ),
    );
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden)
      new Notification('MộtCửa', { body: text, tag: 'motcua-new-work' });
  }
  const timer = setInterval(() => {
    if (!ctx.alive()) return clearInterval(timer);
    void poll();
  }, POLL_MS);
  const notify =
    typeof Notification !== 'undefined' && Notification.permission === 'default'
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small btn-ghost',
            onclick: (/** @type {Event} */ e) => {
              void Notification.requestPermission().then(() =>
                /** @type {HTMLElement} */ (e.target).remove(),
              );
            },
          },
          t('queue.allowNotifications'),
        )
      : null;

  main.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('queue.title')),
      h(
        'div',
        { class: 'page-actions' },
        notify,
        can('decide') ? link('/tong-quan', { class: 'btn' }, t('dashboard.nav')) : null,
        can('intake')
          ? link('/tiep-nhan', { class: 'btn btn-primary' }, icon('plus'), ' ', t('queue.newDossier'))
          : null,
      ),
    ),
    nav,
    searchForm,
    live,
    statusLine,
    bulkBar,
    h('p', { class: 'hint queue-keys' }, t('queue.keys')),
    h('div', { class: 'table-wrap' }, table),
    h('div', { class: 'more' }, more),
  );
  await Promise.all([load(true), poll()]);
}

/**
 * The leaders' bulk bar: assign the ticked dossiers to a specialist (or the least loaded), or approve them. The
 * server judges each dossier apart and answers one result per item; refused ones stay ticked with the reason.
 * @param {() => HTMLElement[]} rowsOf
 * @param {() => Promise<void>} reload
 */
function bulkActions(rowsOf, reload) {
  const who = h('select', { id: 'bulk-assignee' }, h('option', { value: '' }, t('act.assigneeAuto')));
  void loadSpecialists().then((people) => {
    for (const p of people) who.append(h('option', { value: p.username }, p.displayName));
  });
  const result = h('div', {
    class: 'bulk-result',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'bulk-result',
  });
  /** @param {'assign' | 'approve'} type */
  async function run(type) {
    const picked = rowsOf().filter(
      (r) => /** @type {HTMLInputElement | null} */ (r.querySelector('input.pick'))?.checked,
    );
    if (!picked.length) return toast(t('queue.bulk.none'), 'error');
    const codes = picked.map((r) => r.dataset.code ?? '');
    try {
      const { results } = await api('/api/dossiers/bulk-actions', {
        method: 'POST',
        body: { type, codes, ...(type === 'assign' && who.value ? { assignee: who.value } : {}) },
      });
      const failed = /** @type {{index: number, ok: boolean, error?: {message: string}}[]} */ (
        results
      ).filter((r) => !r.ok);
      const done = results.length - failed.length;
      replace(
        result,
        h('p', null, t('queue.bulk.done', { n: done, total: results.length })),
        failed.length
          ? h(
              'ul',
              { class: 'error-text' },
              ...failed.map((r) => h('li', null, `${codes[r.index]}: ${r.error?.message ?? ''}`)),
            )
          : null,
      );
      await reload();
    } catch (e) {
      replace(result, h('p', { class: 'error-text' }, errorText(e)));
    }
  }
  return h(
    'div',
    { class: 'bulk-bar', 'data-testid': 'bulk-bar' },
    h('label', { for: 'bulk-assignee' }, t('act.assignee')),
    who,
    h('button', { type: 'button', class: 'btn', onclick: () => void run('assign') }, t('queue.bulk.assign')),
    h(
      'button',
      { type: 'button', class: 'btn', onclick: () => void run('approve') },
      t('queue.bulk.approve'),
    ),
    result,
  );
}

/**
 * One compact row; an online submission shows its acceptance deadline and the working hours left.
 * @param {TDossier} d
 * @param {Parameters<typeof dueBadge>[1]} calendar
 * @param {boolean} bulk
 */
function row(d, calendar, bulk) {
  const due = d.status === 'submitted' && d.acceptBy ? { ...d, dueAt: d.acceptBy } : d;
  const left =
    d.status === 'submitted' && d.acceptBy && calendar
      ? h(
          'span',
          { class: 'countdown', 'data-testid': 'accept-countdown' },
          t('queue.acceptLeft', {
            n: Math.max(
              0,
              Math.round(
                (calendar.workingMillisBetween(Date.now(), Date.parse(d.acceptBy)) / 3_600_000) * 10,
              ) / 10,
            ),
          }),
        )
      : null;
  const tr = h(
    'tr',
    { tabindex: '-1', 'data-code': d.code },
    bulk
      ? h(
          'td',
          { class: 'pick' },
          h('input', { type: 'checkbox', class: 'pick', 'aria-label': t('queue.pickOne', { code: d.code }) }),
        )
      : null,
    h('td', { 'data-label': t('queue.col.code') }, link(dossierHref(d.code), { class: 'code' }, d.code)),
    h(
      'td',
      { 'data-label': t('queue.col.procedure') },
      h('span', { class: 'one-line', title: d.procedure.name }, d.procedure.name),
    ),
    h('td', { 'data-label': t('queue.col.applicant') }, d.applicant.name),
    h(
      'td',
      { 'data-label': t('queue.col.received') },
      h(
        'span',
        { class: 'nowrap' },
        formatDateTime(d.receivedAt) || (d.channel === 'online' ? t('queue.online') : '—'),
      ),
    ),
    h('td', { 'data-label': t('queue.col.due') }, dueBadge(due, calendar), left ? ' ' : null, left),
    h('td', { 'data-label': t('queue.col.status') }, statusBadge(d.status)),
  );
  tr.addEventListener('dblclick', () => navigate(dossierHref(d.code)));
  return tr;
}
