/**
 * The leaders' overview (`/tong-quan`), from `GET /api/reports/dashboard`: a period typed as dd/MM/yyyy (kept in
 * the URL), the Decision 766/QĐ-TTg indicators as cards with their formulas (`dashboard-indicators.js`), received
 * and resolved per day as a small SVG chart (with a table of the figures), the officers' workload (dossiers, and
 * the leaders' tasks open and overdue), late rates per procedure and, for a province, its communes ranked. Every
 * officer reads their commune; province users pick a commune or the province (`lib/period-picker.js`, as in the
 * reports).
 */
import { api, query } from '../lib/api.js';
import { fetchWithReplicaNote } from '../lib/replica-note.js';
import { bucketDays, pairedBars } from '../lib/chart.js';
import { h } from '../lib/dom.js';
import { formatDateTime, percent, showIsoDate } from '../lib/format.js';
import { num, t } from '../lib/i18n.js';
import { periodPage } from '../lib/period-picker.js';
import { link } from '../lib/router.js';
import { session } from '../lib/session.js';
import { indicatorCards } from './dashboard-indicators.js';

/**
 * @typedef {{code: string, name: string}} UnitRef
 * @typedef {{assigneeId: string | null, name: string | null, open: number, dueSoon: number, overdue: number,
 *   resolved: number, avgProcessingDays: number | null, tasksOpen: number, tasksOverdue: number}} OfficerLoad
 * @typedef {{code: string, name: string, resolved: number, late: number, lateRate: number}} ProcedureLate
 * @typedef {{rank: number, unit: UnitRef, received: number, resolved: number, onTimeRate: number | null}} CommuneRank
 * @typedef {{unit: UnitRef, period: {from: string, to: string}, daily: {date: string, received: number,
 *   resolved: number}[], workloadAt: string, officers: OfficerLoad[], procedures: ProcedureLate[],
 *   communes?: CommuneRank[], indicators: import('./dashboard-indicators.js').Indicators,
 *   reception?: {total: number, people: number, delegations: number, byKind: Record<string, number>,
 *   byHandling: Record<string, number>, repliesOverdue: number}}} Dashboard
 */

/** @type {import('../lib/router.js').View} */
export async function dashboardView(main, ctx) {
  if (!session.me) return;
  await periodPage(main, ctx, {
    title: t('dashboard.title'),
    lead: t('dashboard.lead'),
    presets: ['last7', 'last30', 'thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'],
    presetsLabel: t('dashboard.presets'),
    showLabel: t('dashboard.show'),
    notAvailable: t('dashboard.notAvailable'),
    outClass: 'dash-out',
    load: async (q) => {
      const { body, note } = await fetchWithReplicaNote(api, `/api/reports/dashboard${query(q)}`);
      return h('div', null, note, dashboardBody(/** @type {Dashboard} */ (body)));
    },
  });
}

/** @param {Dashboard} d */
function dashboardBody(d) {
  const sum = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0);
  const received = sum(d.daily.map((x) => x.received));
  const resolved = sum(d.daily.map((x) => x.resolved));
  const overdue = sum(d.officers.map((o) => o.overdue));
  const at = formatDateTime(d.workloadAt);
  return h(
    'div',
    null,
    h(
      'h2',
      null,
      t('dashboard.heading', {
        unit: d.unit.name,
        from: showIsoDate(d.period.from),
        to: showIsoDate(d.period.to),
      }),
    ),
    h(
      'ul',
      { class: 'kpis', 'data-testid': 'dash-kpis' },
      kpi('received', num(received)),
      kpi('resolved', num(resolved)),
      // the workload figures (now) open the queue tab behind them
      kpi('open', num(sum(d.officers.map((o) => o.open))), '', '/?tab=open'),
      kpi('dueSoon', num(sum(d.officers.map((o) => o.dueSoon))), '', '/?tab=due_soon'),
      kpi('overdue', num(overdue), overdue > 0 ? 'kpi-bad' : '', '/?tab=overdue'),
    ),
    h('p', { class: 'hint' }, t('dashboard.workloadAt', { at })),
    section('dash-ind', t('dashboard.ind.heading'), indicatorCards(d.indicators)),
    d.reception
      ? section('dash-reception', t('dashboard.reception.heading'), receptionCard(d.reception))
      : null,
    section('dash-chart', t('dashboard.chart.heading'), dailyChart(d)),
    section('dash-officers', t('dashboard.officers.heading'), officersTable(d.officers, at)),
    section('dash-procedures', t('dashboard.procedures.heading'), proceduresTable(d.procedures)),
    d.communes
      ? section('dash-communes', t('dashboard.communes.heading'), communesTable(d.communes, d.period))
      : null,
  );
}

/**
 * Citizen reception in the period (docs/RECEPTION.md): receptions, delegations, by kind and handling, and replies
 * overdue (Law on Citizen Reception 2013 Art. 28).
 * @param {NonNullable<Dashboard['reception']>} r
 */
function receptionCard(r) {
  const line = (/** @type {string} */ key, /** @type {number} */ n) =>
    h('li', null, h('span', null, t(key)), ': ', h('strong', null, num(n)));
  return h(
    'div',
    { class: 'card', 'data-testid': 'dash-reception' },
    h(
      'ul',
      { class: 'kpis' },
      h(
        'li',
        { class: 'kpi', 'data-kpi': 'receptions' },
        h('span', { class: 'kpi-value' }, num(r.total)),
        h('span', { class: 'kpi-label' }, t('dashboard.reception.total')),
      ),
      h(
        'li',
        { class: 'kpi', 'data-kpi': 'delegations' },
        h('span', { class: 'kpi-value' }, num(r.delegations)),
        h('span', { class: 'kpi-label' }, t('dashboard.reception.delegations')),
      ),
      h(
        'li',
        { class: `kpi ${r.repliesOverdue > 0 ? 'kpi-bad' : ''}`, 'data-kpi': 'repliesOverdue' },
        h('span', { class: 'kpi-value' }, num(r.repliesOverdue)),
        h('span', { class: 'kpi-label' }, t('dashboard.reception.overdue')),
      ),
    ),
    h(
      'ul',
      { class: 'plain' },
      ...['complaint', 'denunciation', 'feedback', 'other'].map((k) =>
        line(`reception.kind.${k}`, r.byKind[k] ?? 0),
      ),
    ),
    h(
      'ul',
      { class: 'plain' },
      ...['guided', 'petition', 'forwarded'].map((k) =>
        line(`reception.handling.${k}`, r.byHandling[k] ?? 0),
      ),
    ),
    h('p', null, link('/tiep-cong-dan', null, t('dashboard.reception.open'))),
  );
}

/**
 * @param {string} id
 * @param {string} title
 * @param {...import('../lib/dom.js').Child} children
 */
function section(id, title, ...children) {
  return h('section', { class: 'dash-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** @param {string} key @param {string} value @param {string} [cls] @param {string} [href] the filtered queue */
function kpi(key, value, cls = '', href) {
  const body = [
    h('span', { class: 'kpi-value' }, value),
    h('span', { class: 'kpi-label' }, t(`dashboard.kpi.${key}`)),
  ];
  return h(
    'li',
    { class: `kpi ${cls}`, 'data-kpi': key },
    href ? link(href, { class: 'kpi-link' }, ...body) : body,
  );
}

/** The daily series: days, or weeks / months for long periods (an old PC draws a few dozen bars). @param {Dashboard} d */
function dailyChart(d) {
  const { step, buckets } = bucketDays(d.daily);
  const label = (/** @type {{first: string, last: string}} */ b) =>
    step === 'day'
      ? showIsoDate(b.first)
      : step === 'week'
        ? `${showIsoDate(b.first)} – ${showIsoDate(b.last)}`
        : showIsoDate(b.first).slice(3);
  const received = buckets.reduce((s, b) => s + b.received, 0);
  const resolved = buckets.reduce((s, b) => s + b.resolved, 0);
  const peak = buckets.reduce((best, b) => (b.received > best.received ? b : best), buckets[0]);
  const summary = [
    t('dashboard.chart.summary', {
      from: showIsoDate(d.period.from),
      to: showIsoDate(d.period.to),
      received: num(received),
      resolved: num(resolved),
    }),
    peak && peak.received > 0
      ? t('dashboard.chart.peak', { max: num(peak.received), when: label(peak) })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const chart = pairedBars({
    points: buckets.map((b) => ({
      label: label(b),
      a: b.received,
      b: b.resolved,
      tooltip: t('dashboard.chart.tooltip', {
        when: label(b),
        received: num(b.received),
        resolved: num(b.resolved),
      }),
    })),
    names: [t('dashboard.chart.received'), t('dashboard.chart.resolved')],
    summary,
    format: num,
  });
  const details = h('details', { class: 'chart-table' }, h('summary', null, t('dashboard.chart.table')));
  // the table is built when first opened: a year of days is a few hundred rows nobody may need
  details.addEventListener('toggle', () => {
    if (!details.open || details.querySelector('table')) return;
    details.append(
      simpleTable(
        summary,
        [t(`dashboard.chart.col.${step}`), t('dashboard.chart.received'), t('dashboard.chart.resolved')],
        buckets.map((b) => [label(b), num(b.received), num(b.resolved)]),
        'dash-daily',
      ),
    );
  });
  return [h('p', { class: 'hint' }, t(`dashboard.chart.by.${step}`)), chart, details];
}

/**
 * A table with a caption, column headers, and rows whose first cell is the row header; numbers right-aligned.
 * @param {string} caption
 * @param {string[]} headers
 * @param {import('../lib/dom.js').Child[][]} rows
 * @param {string} cls
 * @param {string} [empty] shown when there is no row
 * @param {number} [rowHeader] the index of the cell that names the row
 */
function simpleTable(caption, headers, rows, cls, empty = '', rowHeader = 0) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `table dash-table ${cls}` },
      h('caption', null, caption),
      h('thead', null, h('tr', null, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        null,
        ...rows.map((cells) =>
          h(
            'tr',
            null,
            ...cells.map((c, i) =>
              i === rowHeader ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c),
            ),
          ),
        ),
        rows.length
          ? null
          : h('tr', null, h('td', { colspan: String(headers.length), class: 'muted' }, empty)),
      ),
    ),
  );
}

/** A working day of the province's calendar (as indicator 2.2 counts it). */
const WORKING_HOURS_PER_DAY = 8;

/**
 * Working days in words, as indicator 2.2 counts them; under a day, about n working hours.
 * @param {number | null} days
 */
function durationText(days) {
  if (days === null) return '—';
  const hours = Math.round(days * WORKING_HOURS_PER_DAY);
  if (hours < 1) return t('dashboard.duration.under', { n: num(1) });
  if (days < 1) return t('dashboard.duration.hours', { n: num(hours) });
  return t('dashboard.duration.days', { n: num(days) });
}

/** @param {OfficerLoad[]} officers @param {string} at */
function officersTable(officers, at) {
  const bad = (/** @type {number} */ n) => (n > 0 ? h('span', { class: 'dash-bad' }, num(n)) : num(n));
  return [
    simpleTable(
      t('dashboard.officers.caption', { at }),
      ['name', 'open', 'dueSoon', 'overdue', 'resolved', 'avg', 'tasksOpen', 'tasksOverdue'].map((k) =>
        t(`dashboard.officers.col.${k}`),
      ),
      officers.map((o) => [
        o.assigneeId === null
          ? h('em', null, t('dashboard.officers.unassigned'))
          : (o.name ?? t('dashboard.officers.unknown')),
        num(o.open),
        num(o.dueSoon),
        bad(o.overdue),
        num(o.resolved),
        durationText(o.avgProcessingDays),
        num(o.tasksOpen),
        bad(o.tasksOverdue),
      ]),
      'dash-officers',
      t('dashboard.officers.none'),
    ),
    h('p', { class: 'hint' }, t('dashboard.officers.avgHint')),
  ];
}

/** @param {ProcedureLate[]} procedures */
function proceduresTable(procedures) {
  // the server sends them worst first (late rate, then resolved count)
  return simpleTable(
    t('dashboard.procedures.caption'),
    ['name', 'resolved', 'late', 'lateRate'].map((k) => t(`dashboard.procedures.col.${k}`)),
    procedures.map((p) => [
      [h('span', { class: 'code' }, p.code), ' ', p.name],
      num(p.resolved),
      num(p.late),
      rateCell(p.lateRate),
    ]),
    'dash-procedures',
    t('dashboard.procedures.none'),
  );
}

/** A percentage with a small bar behind it (the bar is decoration: the figure is the text). @param {number} rate */
function rateCell(rate) {
  const fill = h('span');
  fill.style.width = `${Math.max(0, Math.min(100, rate))}%`;
  return h(
    'span',
    { class: 'rate' },
    h('span', { class: 'rate-bar', 'aria-hidden': 'true' }, fill),
    h('span', { class: 'rate-text' }, percent(rate)),
  );
}

/**
 * @param {CommuneRank[]} communes
 * @param {{from: string, to: string}} period
 */
function communesTable(communes, period) {
  return simpleTable(
    t('dashboard.communes.caption'),
    ['rank', 'unit', 'received', 'resolved', 'onTime'].map((k) => t(`dashboard.communes.col.${k}`)),
    // a commune with nothing resolved has no rate: it is listed last, unranked
    communes.map((c) => [
      c.onTimeRate === null ? '—' : num(c.rank),
      link(`/tong-quan${query({ unit: c.unit.code, from: period.from, to: period.to })}`, null, c.unit.name),
      num(c.received),
      num(c.resolved),
      c.onTimeRate === null ? '—' : percent(c.onTimeRate),
    ]),
    'dash-communes',
    '',
    1,
  );
}
