/**
 * What the petition screens share (docs/PETITIONS.md): the channels the dictionaries name, the words of kinds and
 * statuses (the kinds, statuses and conclusions themselves are the shared domain's, src/shared/petition/petition.ts),
 * the next deadline with its badge (`lib/deadline.js`), and a checkbox field.
 */
import { deadlineBadge } from '../lib/deadline.js';
import { h } from '../lib/dom.js';
import { codesUnder, t } from '../lib/i18n.js';

/**
 * @typedef {import('../../server/petitions/petition.schemas.ts').TPetition} TPetition
 * @typedef {import('../../server/petitions/petition.schemas.ts').TLodgePetitionRequest} TLodgePetitionRequest
 */

/** The channels a petition arrives by, as the dictionaries name them (direct, postal, online, phone). */
export const channels = () =>
  /** @type {TLodgePetitionRequest['channel'][]} */ (codesUnder('petitions.channel'));

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
 * @param {Pick<TPetition, 'nextDeadline'>} p
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
