/* global document */
/**
 * A small inline SVG chart with no library: two series of daily counts drawn as paired bars. The SVG only holds
 * shapes (it stretches to the box); the scale, the first and last labels and the legend are HTML, so text keeps
 * its size on any screen. Each day has a tooltip (`<title>`); the caller gives the chart its spoken summary and a
 * table of the figures for screen readers.
 */
import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
/** Width of one day in SVG units; the plot is 100 units high. */
const SLOT = 10;
const HEIGHT = 100;

/**
 * An SVG element; a string child is its text (for `<title>`), a null child is skipped.
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {...(Element | string | null)} children
 */
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

/**
 * @typedef {object} PairedBarsOptions
 * @property {{label: string, tooltip: string, a: number, b: number}[]} points one per slot, in order
 * @property {[string, string]} names the two series' names, for the legend
 * @property {string} summary what the chart shows, in words (its accessible name)
 * @property {(n: number) => string} format number formatting for the scale
 */

/**
 * Paired bars: series A (left, class chart-a) and B (right, class chart-b) for every point.
 * @param {PairedBarsOptions} o
 * @returns {HTMLElement}
 */
export function pairedBars(o) {
  const n = Math.max(1, o.points.length);
  const max = Math.max(1, ...o.points.map((p) => Math.max(p.a, p.b)));
  const mid = Number.isInteger(max / 2) ? max / 2 : null;
  const y = (/** @type {number} */ v) => HEIGHT - (v / max) * (HEIGHT - 4);
  const bar = (/** @type {number} */ x, /** @type {number} */ v, /** @type {string} */ cls) =>
    svg('rect', { x, y: y(v), width: SLOT * 0.4, height: HEIGHT - y(v), class: cls });
  const slots = o.points.map((p, i) =>
    svg(
      'g',
      {},
      svg('title', {}, p.tooltip),
      svg('rect', { x: i * SLOT, y: 0, width: SLOT, height: HEIGHT, class: 'chart-hit' }),
      p.a > 0 ? bar(i * SLOT + SLOT * 0.1, p.a, 'chart-a') : null,
      p.b > 0 ? bar(i * SLOT + SLOT * 0.5, p.b, 'chart-b') : null,
    ),
  );
  const plot = svg(
    'svg',
    {
      viewBox: `0 0 ${n * SLOT} ${HEIGHT}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': o.summary,
      class: 'chart-svg',
      focusable: 'false',
    },
    svg('line', { x1: 0, y1: y(max), x2: n * SLOT, y2: y(max), class: 'chart-grid' }),
    mid === null ? null : svg('line', { x1: 0, y1: y(mid), x2: n * SLOT, y2: y(mid), class: 'chart-grid' }),
    ...slots,
    svg('line', { x1: 0, y1: HEIGHT, x2: n * SLOT, y2: HEIGHT, class: 'chart-axis' }),
  );
  const first = o.points[0]?.label ?? '';
  const last = o.points.length > 1 ? (o.points[o.points.length - 1]?.label ?? '') : '';
  return h(
    'div',
    { class: 'chart' },
    h(
      'div',
      { class: 'chart-body' },
      h(
        'div',
        { class: 'chart-scale', 'aria-hidden': 'true' },
        h('span', null, o.format(max)),
        h('span', null, mid === null ? '' : o.format(mid)),
        h('span', null, o.format(0)),
      ),
      h('div', { class: 'chart-plot' }, plot),
    ),
    h('div', { class: 'chart-x', 'aria-hidden': 'true' }, h('span', null, first), h('span', null, last)),
    h(
      'ul',
      { class: 'chart-legend', 'aria-hidden': 'true' },
      h('li', null, h('span', { class: 'swatch chart-a' }), o.names[0]),
      h('li', null, h('span', { class: 'swatch chart-b' }), o.names[1]),
    ),
  );
}

/**
 * @typedef {{first: string, last: string, received: number, resolved: number}} Bucket
 */

/**
 * Groups a daily series so a chart keeps a few dozen bars: days up to 62, weeks (7 days from the first date) up
 * to 366 days, months beyond.
 * @param {{date: string, received: number, resolved: number}[]} days 'yyyy-MM-dd', in order
 * @returns {{step: 'day' | 'week' | 'month', buckets: Bucket[]}}
 */
export function bucketDays(days) {
  const step = days.length <= 62 ? 'day' : days.length <= 366 ? 'week' : 'month';
  /** @type {Bucket[]} */
  const buckets = [];
  /** @type {string | number | null} */
  let lastKey = null;
  days.forEach((d, i) => {
    const key = step === 'day' ? i : step === 'week' ? Math.floor(i / 7) : d.date.slice(0, 7);
    const prev = buckets[buckets.length - 1];
    if (prev && key === lastKey) {
      prev.last = d.date;
      prev.received += d.received;
      prev.resolved += d.resolved;
    } else buckets.push({ first: d.date, last: d.date, received: d.received, resolved: d.resolved });
    lastKey = key;
  });
  return { step, buckets };
}
