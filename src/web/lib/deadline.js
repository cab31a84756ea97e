/**
 * A deadline with its badge, as the petition and task screens show it: red when overdue, amber within two days,
 * none once nothing is pending (the badge carries words: colour is never the only sign).
 */
import { h } from './dom.js';
import { formatDateTime } from './format.js';
import { t } from './i18n.js';

/** A deadline is "soon" (amber) within two days. */
export const SOON_MS = 2 * 86_400_000;

/**
 * @param {string | null} at ISO instant
 * @param {{pending: boolean, overdue?: boolean, now?: number}} o `overdue` as the server says, when it says
 */
export function deadlineBadge(at, o) {
  if (!at) return h('span', { class: 'muted' }, '—');
  const now = o.now ?? Date.now();
  const text = h('span', { class: 'nowrap' }, formatDateTime(at));
  if (!o.pending) return h('span', { class: 'due' }, text);
  const due = Date.parse(at);
  if (o.overdue ?? due < now)
    return h(
      'span',
      { class: 'due due-over' },
      text,
      ' ',
      h('span', { class: 'badge badge-red' }, t('due.overdue')),
    );
  if (due - now <= SOON_MS)
    return h(
      'span',
      { class: 'due due-soon' },
      text,
      ' ',
      h('span', { class: 'badge badge-amber' }, t('due.soon')),
    );
  return h('span', { class: 'due' }, text);
}
