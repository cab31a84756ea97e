/**
 * What the petition screens share (docs/PETITIONS.md): kinds, statuses and conclusions (mirror of
 * src/shared/petition/petition.ts), their words, and the deadline with its badge.
 */
import { h } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';

export const KINDS = /** @type {const} */ (['complaint', 'denunciation', 'feedback']);
export const STATUSES = /** @type {const} */ ([
  'received',
  'more_info_requested',
  'accepted',
  'rejected',
  'resolved',
  'withdrawn',
]);
export const CHANNELS = /** @type {const} */ (['direct', 'postal', 'online', 'phone']);

/** The conclusions a resolution may record, per kind. @type {Record<string, string[]>} */
export const CONCLUSIONS = {
  complaint: ['upheld', 'partly_upheld', 'dismissed'],
  denunciation: ['founded', 'partly_founded', 'unfounded'],
  feedback: ['answered', 'adopted'],
};

/** A deadline is "soon" (amber) within two days. */
const SOON_MS = 2 * 86_400_000;

/** @param {string} kind */
export const kindText = (kind) => t(`petitions.kind.${kind}`);

/** @param {string} status */
export function petitionStatusBadge(status) {
  return h(
    'span',
    { class: `badge status pstatus-${status}`, 'data-status': status },
    t(`petitions.status.${status}`),
  );
}

/**
 * A deadline with its badge: red when overdue, amber within two days, none when it is no longer pending.
 * @param {string | null} at ISO instant
 * @param {{pending: boolean, overdue?: boolean, now?: number}} o
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

/**
 * The petition's next deadline (`nextDeadline` of the API), named, with its badge; '—' when nothing is pending.
 * @param {any} p
 * @param {number} [now]
 */
export function nextDeadlineCell(p, now) {
  const next = p.nextDeadline;
  if (!next) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: 'next-deadline' },
    h('span', { class: 'deadline-kind' }, t(`petitions.deadline.${next.kind}`)),
    ' ',
    deadlineBadge(next.at, { pending: true, overdue: next.overdue, now }),
  );
}
