/**
 * The timeline card of an append-only action log (dossiers, petitions, tasks share the API shape
 * `{seq, type, at, actor, fromStatus, toStatus, payload}`): when, what, who, the status change, a "late" mark when
 * the step was past its deadline, and the step's details (`stepDetails`: "label: value" lines).
 */
import { h } from './dom.js';
import { formatDateTime } from './format.js';
import { t } from './i18n.js';

/**
 * @typedef {object} TimelineOptions
 * @property {string} id the heading's id (for aria-labelledby)
 * @property {string} [testId]
 * @property {any[]} actions
 * @property {(type: string) => string} action the step's name
 * @property {(status: string) => string} status a status in words
 * @property {string} [lateText] the badge shown on a step whose payload says `late: true`
 * @property {(payload: Record<string, any>) => import('./dom.js').Child} details
 */

/** @param {TimelineOptions} o */
export function timelineCard(o) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': o.id },
    h('h2', { id: o.id }, t('dossier.timeline')),
    h(
      'ol',
      { class: 'timeline', ...(o.testId ? { 'data-testid': o.testId } : {}) },
      ...o.actions.map((a) =>
        h(
          'li',
          { 'data-type': a.type },
          h('time', { datetime: a.at }, formatDateTime(a.at)),
          h(
            'div',
            { class: 'tl-body' },
            h('strong', null, o.action(a.type)),
            a.actor ? h('span', { class: 'muted' }, ` — ${a.actor}`) : null,
            o.lateText && a.payload?.late === true
              ? [' ', h('span', { class: 'badge badge-red' }, o.lateText)]
              : null,
            a.fromStatus !== a.toStatus
              ? h(
                  'div',
                  { class: 'tl-status' },
                  a.fromStatus ? `${o.status(a.fromStatus)} → ` : '',
                  o.status(a.toStatus),
                )
              : null,
            o.details(a.payload ?? {}),
          ),
        ),
      ),
    ),
  );
}

/** @typedef {[string, import('./dom.js').Child] | false | null | undefined} DetailLine a label and its value */

/**
 * A step's details as "label: value" lines; null when there is none.
 * @param {DetailLine[]} lines
 */
export function stepDetails(lines) {
  const items = lines.flatMap((line) =>
    line ? [h('li', null, h('span', { class: 'muted' }, `${line[0]}: `), line[1])] : [],
  );
  return items.length ? h('ul', { class: 'tl-details' }, ...items) : null;
}
