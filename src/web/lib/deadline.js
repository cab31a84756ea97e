/**
 * A deadline with its badge, as every screen shows it: the date and hour, then a word in a coloured badge (red when
 * overdue, amber when soon; colour is never the only sign). `dueBadge` is a dossier's (amber within one working
 * day, grey while paused, the resolution once ended); `deadlineBadge` a petition's or a task's (amber within two
 * days, none once nothing is pending).
 */
import { IN_PROGRESS_STATUSES } from '../../shared/dossier/status.ts';
import { h } from './dom.js';
import { formatDateTime } from './format.js';
import { t } from './i18n.js';

/** A deadline is "soon" (amber) within two days. */
export const SOON_MS = 2 * 86_400_000;

/**
 * Whether a dossier's time is running: an online submission awaiting acceptance, or a received dossier in progress
 * (a paused one, awaiting a supplement, is shown before this is asked).
 * @param {string} status
 */
const running = (status) =>
  status === 'submitted' || /** @type {readonly string[]} */ (IN_PROGRESS_STATUSES).includes(status);

/** @typedef {'over' | 'soon' | 'paused' | null} Mark */

/** @type {Record<Exclude<Mark, null>, {badge: string, key: string}>} the badge's class and word */
const MARKS = {
  over: { badge: 'badge-red', key: 'due.overdue' },
  soon: { badge: 'badge-amber', key: 'due.soon' },
  paused: { badge: 'badge-muted', key: 'due.paused' },
};

/**
 * The date and hour, with the badge of `mark` (or `badge`, any other badge) after it.
 * @param {string} at ISO instant
 * @param {Mark} mark
 * @param {Element} [badge]
 */
function dueText(at, mark, badge) {
  const text = h('span', { class: 'nowrap' }, formatDateTime(at));
  if (!mark && !badge) return h('span', { class: 'due' }, text);
  return h(
    'span',
    { class: mark ? `due due-${mark}` : 'due' },
    text,
    ' ',
    badge ?? (mark && h('span', { class: `badge ${MARKS[mark].badge}` }, t(MARKS[mark].key))),
  );
}

/**
 * A petition's or a task's deadline.
 * @param {string | null} at ISO instant
 * @param {{pending: boolean, overdue?: boolean, now?: number}} o `overdue` as the server says, when it says
 */
export function deadlineBadge(at, o) {
  if (!at) return h('span', { class: 'muted' }, '—');
  const now = o.now ?? Date.now();
  if (!o.pending) return dueText(at, null);
  const due = Date.parse(at);
  if (o.overdue ?? due < now) return dueText(at, 'over');
  return dueText(at, due - now <= SOON_MS ? 'soon' : null);
}

/**
 * A dossier's due date: red when overdue, amber when due within one working day of the province's calendar (one
 * day without the calendar).
 * @param {Pick<import('../../server/dossiers/dossier.schemas.ts').TDossier, 'status' | 'dueAt' | 'clockStoppedAt' | 'resolution'>} d
 * @param {import('../../shared/calendar/index.ts').WorkingCalendar | null} calendar
 * @param {number} [now]
 */
export function dueBadge(d, calendar, now = Date.now()) {
  if (!d.dueAt) return h('span', { class: 'muted' }, '—');
  if (d.status === 'supplement_requested' || d.clockStoppedAt) return dueText(d.dueAt, 'paused');
  if (d.resolution)
    return dueText(
      d.dueAt,
      null,
      h('span', { class: `badge res-${d.resolution}` }, t(`resolution.${d.resolution}`)),
    );
  if (!running(d.status)) return dueText(d.dueAt, null);
  const due = Date.parse(d.dueAt);
  if (due < now) return dueText(d.dueAt, 'over');
  const soon = calendar
    ? calendar.workingMillisBetween(now, due) <= calendar.workingDayMillis
    : due - now <= 86_400_000;
  return dueText(d.dueAt, soon ? 'soon' : null);
}
