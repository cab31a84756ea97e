/**
 * The overview's Decision 766/QĐ-TTg indicator cards: value, ratio, target and share of the points with a met /
 * not met badge, a remark, and the formula as a caption; an omitted indicator says why. Names, formulas, remarks
 * and reasons are translated by their id or stable code; for one this screen does not know, the server's English
 * text is shown.
 */
import { h } from '../lib/dom.js';
import { percent } from '../lib/format.js';
import { has, num, t } from '../lib/i18n.js';

/**
 * @typedef {object} Indicator
 * @property {string} id
 * @property {string} name
 * @property {number | null} value
 * @property {string} unit '%' or 'working_day'
 * @property {string} formula
 * @property {number} [target]
 * @property {number | null} [attainment]
 * @property {number} [numerator]
 * @property {number} [denominator]
 * @property {string} [note] a remark, in English
 * @property {string} [noteCode] the remark's stable code, when a remark has one (with `noteCount`)
 * @property {number} [noteCount]
 *
 * @typedef {object} OmittedIndicator
 * @property {string} id
 * @property {string} name
 * @property {string} reason why the data cannot support it, in English
 * @property {string} reasonCode the reason's stable code: 'no_completed' or 'no_electronic_result'
 *
 * @typedef {{items: Indicator[], omitted: OmittedIndicator[]}} Indicators
 */

/** A translated text when the dictionary has it, else the server's own. @param {string} key @param {string} fallback */
const known = (key, fallback) => (has(key) ? t(key) : fallback);

/** @param {Indicators} ind */
export function indicatorCards(ind) {
  return [
    h('p', { class: 'hint' }, t('dashboard.ind.lead')),
    h(
      'ul',
      { class: 'ind-cards' },
      ...ind.items.map(indicatorCard),
      ...ind.omitted.map((o) =>
        h(
          'li',
          { class: 'ind-card ind-omitted', 'data-indicator': o.id },
          indicatorHead(o.id, o.name),
          h('p', { class: 'ind-value' }, t('dashboard.ind.omitted')),
          h('p', { class: 'ind-reason' }, known(`dashboard.omitted.${o.reasonCode}`, o.reason)),
        ),
      ),
    ),
  ];
}

/** @param {string} id @param {string} name */
function indicatorHead(id, name) {
  return h(
    'h3',
    { class: 'ind-head' },
    h('span', { class: 'ind-id' }, id),
    ' ',
    h('span', { class: 'ind-name' }, known(`dashboard.ind.${id}.name`, name)),
  );
}

/** @param {Indicator} i */
function indicatorValue(i) {
  if (i.value === null) return t('dashboard.ind.noData');
  return i.unit === '%' ? percent(i.value) : t('dashboard.workingDays', { n: num(i.value) });
}

/** The remark in the chosen language by its code, else the server's English. @param {Indicator} i */
function noteText(i) {
  const key = `dashboard.ind.note.${i.noteCode}`;
  return i.noteCode && has(key) ? t(key, { n: num(i.noteCount ?? 0) }) : (i.note ?? '');
}

/** @param {Indicator} i */
function indicatorCard(i) {
  const met = typeof i.attainment === 'number' ? i.attainment >= 1 : null;
  const ratio =
    typeof i.numerator === 'number' && typeof i.denominator === 'number'
      ? t(has(`dashboard.ind.${i.id}.ratio`) ? `dashboard.ind.${i.id}.ratio` : 'dashboard.ind.ratio', {
          a: num(i.numerator),
          b: num(i.denominator),
        })
      : typeof i.denominator === 'number'
        ? t('dashboard.ind.basis', { n: num(i.denominator) })
        : null;
  const note = noteText(i);
  return h(
    'li',
    {
      class: `ind-card${met === true ? ' ind-met' : met === false ? ' ind-short' : ''}`,
      'data-indicator': i.id,
    },
    indicatorHead(i.id, i.name),
    h('p', { class: 'ind-value' }, indicatorValue(i)),
    ratio ? h('p', { class: 'ind-ratio' }, ratio) : null,
    typeof i.target === 'number'
      ? h(
          'p',
          { class: 'ind-target' },
          t('dashboard.ind.target', { target: percent(i.target) }),
          typeof i.attainment === 'number'
            ? [
                ' · ',
                t('dashboard.ind.attainment', { pct: percent(Math.round(i.attainment * 1000) / 10) }),
                ' ',
                h(
                  'span',
                  { class: `badge ${met ? 'badge-green' : 'badge-amber'}` },
                  t(met ? 'dashboard.ind.met' : 'dashboard.ind.notMet'),
                ),
              ]
            : null,
        )
      : null,
    note ? h('p', { class: 'ind-note' }, note) : null,
    h(
      'p',
      { class: 'ind-formula' },
      h('span', { class: 'ind-formula-label' }, t('dashboard.ind.formula')),
      ' ',
      known(`dashboard.ind.${i.id}.formula`, i.formula),
    ),
  );
}
