/**
 * What the petition screens share (docs/PETITIONS.md): kinds, statuses and conclusions (mirror of
 * src/shared/petition/petition.ts), their words, the next deadline with its badge (`lib/deadline.js`), and a
 * checkbox field.
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

/**
 * A checkbox with its own error slot (server errors are matched on `data-path`); `text` is its label's words.
 * @param {string} path
 * @param {string} label
 * @param {boolean} [checked]
 */
export function checkField(path, label, checked = false) {
  const input = h('input', { type: 'checkbox', name: path, checked });
  const text = h('span', null, label);
  const wrap = h(
    'div',
    { class: 'field field-check', 'data-path': path },
    h('label', { class: 'check' }, input, ' ', text),
    h('p', { class: 'field-error', hidden: true }),
  );
  return Object.assign(wrap, { input, text });
}

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
