/**
 * What the petition screens share (docs/PETITIONS.md): kinds, statuses and conclusions (mirror of
 * src/shared/petition/petition.ts), their words, and the next deadline with its badge (`lib/deadline.js`).
 */
import { deadlineBadge } from '../lib/deadline.js';
import { h } from '../lib/dom.js';
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
