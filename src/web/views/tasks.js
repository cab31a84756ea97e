/**
 * Leaders' tasks (`/cong-viec`, docs/TASKS.md): a leader sees the commune's tasks, any other officer their own
 * (the API scopes the list). Filters: status, overdue only, mine only, kept in the URL
 * (`?status=&overdue=true&assignee=me`). Each row: the work, the person, the time with its badge, the status and,
 * once known, whether it was on time.
 */
import { api, query } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link, setUrl } from '../lib/router.js';
import { hasAbility } from '../lib/session.js';
import { errorText, loading } from '../lib/ui.js';
import { TASK_STATUSES, taskHref, taskStatusBadge, taskTimeCell, timelinessBadge } from './task-parts.js';

/** The list answers at most this many rows (the API's limit; no paging yet). */
const LIMIT = 200;

/** @typedef {{status: string, overdue: boolean, mine: boolean}} Filters */

/** @param {Filters} f */
const filterQuery = (f) => ({
  status: f.status,
  overdue: f.overdue ? 'true' : '',
  assignee: f.mine ? 'me' : '',
});

/** @type {import('../lib/router.js').View} */
export async function tasksView(main, ctx) {
  const q = ctx.query;
  /** @type {Filters} */
  const filters = {
    status: TASK_STATUSES.find((s) => s === q.get('status')) ?? '',
    overdue: q.get('overdue') === 'true',
    mine: q.get('assignee') === 'me',
  };
  const leader = hasAbility('task.assign');

  const statusSelect = h(
    'select',
    { id: 'task-status', name: 'status' },
    h('option', { value: '' }, t('tasks.filter.anyStatus')),
    ...TASK_STATUSES.map((s) =>
      h('option', { value: s, selected: s === filters.status }, t(`tasks.status.${s}`)),
    ),
  );
  const box = (/** @type {string} */ id, /** @type {boolean} */ checked) =>
    h('input', { type: 'checkbox', id, name: id, checked });
  const overdueBox = box('task-overdue', filters.overdue);
  const mineBox = box('task-mine', filters.mine);
  const filterBar = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': t('tasks.filters') },
    h(
      'div',
      { class: 'field field-inline' },
      h('label', { for: 'task-status' }, t('tasks.filter.status')),
      statusSelect,
    ),
    h('label', { class: 'check', for: 'task-overdue' }, overdueBox, ' ', t('tasks.filter.overdue')),
    h('label', { class: 'check', for: 'task-mine' }, mineBox, ' ', t('tasks.filter.mine')),
  );

  const tbody = h('tbody');
  const caption = h('caption', { class: 'visually-hidden' });
  const table = h(
    'table',
    { class: 'table queue-table tasks-table' },
    caption,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['work', 'person', 'time', 'status', 'timeliness'].map((c) =>
          h('th', { scope: 'col' }, t(`tasks.col.${c}`)),
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
      const res = await api(`/api/tasks${query({ ...filterQuery(filters), limit: LIMIT })}`);
      if (!ctx.alive() || mine !== generation) return;
      const items = /** @type {any[]} */ (res.items);
      const now = Date.now();
      for (const x of items) tbody.append(row(x, now));
      table.hidden = items.length === 0;
      replace(
        status,
        items.length === 0
          ? t('tasks.empty')
          : items.length >= LIMIT
            ? t('tasks.countLimited', { n: items.length })
            : t('tasks.count', { n: items.length }),
      );
    } catch (e) {
      if (mine === generation) replace(status, h('span', { class: 'error-text' }, errorText(e)));
    }
  }

  function filtersChanged() {
    filters.status = statusSelect.value;
    filters.overdue = overdueBox.checked;
    filters.mine = mineBox.checked;
    setUrl(`/cong-viec${query(filterQuery(filters))}`);
    void load();
  }
  for (const control of [statusSelect, overdueBox, mineBox])
    control.addEventListener('change', filtersChanged);

  main.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, t('tasks.title')),
      leader ? link('/cong-viec/moi', { class: 'btn btn-primary' }, icon('plus'), ' ', t('tasks.new')) : null,
    ),
    h('p', { class: 'lead' }, t(leader ? 'tasks.leadLeader' : 'tasks.leadOfficer')),
    filterBar,
    status,
    h('div', { class: 'table-wrap' }, table),
  );
  await load();
}

/** The table's caption: what it lists. @param {Filters} f */
function describe(f) {
  return [
    t('tasks.title'),
    f.status ? t(`tasks.status.${f.status}`) : '',
    f.overdue ? t('tasks.filter.overdue') : '',
    f.mine ? t('tasks.filter.mine') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * @param {any} x a task of the list
 * @param {number} now
 */
function row(x, now) {
  return h(
    'tr',
    { 'data-id': x.id },
    h('td', { 'data-label': t('tasks.col.work') }, link(taskHref(x.id), { class: 'task-work' }, x.work)),
    h('td', { 'data-label': t('tasks.col.person') }, x.person.name || x.person.username),
    h('td', { 'data-label': t('tasks.col.time') }, taskTimeCell(x, now)),
    h('td', { 'data-label': t('tasks.col.status') }, taskStatusBadge(x.status)),
    h('td', { 'data-label': t('tasks.col.timeliness') }, timelinessBadge(x.timeliness)),
  );
}
