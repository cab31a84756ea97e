/**
 * The leaders' overview (`/tong-quan`), from `GET /api/reports/dashboard`: a period typed as dd/MM/yyyy (kept in
 * the URL), the Decision 766/QĐ-TTg indicators as cards with their formulas, received and resolved per day as a
 * small SVG chart (with a table of the figures), the officers' workload, late rates per procedure and, for a
 * province, its communes ranked. Every officer reads their commune; province users pick a commune or the province.
 */
import { ApiError, api, query } from '../lib/api.js';
import { bucketDays, pairedBars } from '../lib/chart.js';
import { h, replace } from '../lib/dom.js';
import { DAY_MS, formatDateTime, localIsoDate, showIsoDate } from '../lib/format.js';
import { has, num, t } from '../lib/i18n.js';
import { link, setUrl } from '../lib/router.js';
import { isProvinceWide, session } from '../lib/session.js';
import {
  clearIssues,
  dateField,
  dateValue,
  field,
  formAlert,
  loading,
  notAvailable,
  showError,
} from '../lib/ui.js';

/**
 * @typedef {{code: string, name: string}} UnitRef
 * @typedef {{id: string, name: string, value: number | null, unit: string, formula: string, target?: number,
 *   attainment?: number | null, numerator?: number, denominator?: number, note?: string}} Indicator
 * @typedef {{assigneeId: string | null, name: string | null, open: number, dueSoon: number, overdue: number,
 *   resolved: number, avgProcessingDays: number | null}} OfficerLoad
 * @typedef {{code: string, name: string, resolved: number, late: number, lateRate: number}} ProcedureLate
 * @typedef {{rank: number, unit: UnitRef, received: number, resolved: number, onTimeRate: number | null}} CommuneRank
 * @typedef {{unit: UnitRef, period: {from: string, to: string}, daily: {date: string, received: number,
 *   resolved: number}[], workloadAt: string, officers: OfficerLoad[], procedures: ProcedureLate[],
 *   communes?: CommuneRank[], indicators: {items: Indicator[], omitted: {id: string, name: string,
 *   reason: string}[]}}} Dashboard
 */

/** Quick periods (local dates): the last 7 and 30 days, this and last month, this quarter, this year. */
function presets() {
  const today = localIsoDate();
  const [y, m] = today.split('-').map(Number);
  const iso = (/** @type {number} */ yy, /** @type {number} */ mm, /** @type {number} */ dd) =>
    `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const last = (/** @type {number} */ yy, /** @type {number} */ mm) =>
    new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const pm = m === 1 ? 12 : m - 1;
  const py = m === 1 ? y - 1 : y;
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  return [
    ['last7', localIsoDate(Date.now() - 6 * DAY_MS), today],
    ['last30', localIsoDate(Date.now() - 29 * DAY_MS), today],
    ['thisMonth', iso(y, m, 1), iso(y, m, last(y, m))],
    ['lastMonth', iso(py, pm, 1), iso(py, pm, last(py, pm))],
    ['thisQuarter', iso(y, q0, 1), iso(y, q0 + 2, last(y, q0 + 2))],
    ['thisYear', iso(y, 1, 1), iso(y, 12, 31)],
  ];
}

/** A translated text when the dictionary has it, else the server's own. @param {string} key @param {string} fallback */
const known = (key, fallback) => (has(key) ? t(key) : fallback);
/** @param {number} n */
const pct = (n) => t('dashboard.percent', { n: num(n) });

/** @type {import('../lib/router.js').View} */
export async function dashboardView(main, ctx) {
  const me = session.me;
  if (!me) return;
  const [, defFrom, defTo] = presets().find(([key]) => key === 'thisMonth') ?? [];
  const from = dateField({
    label: t('dashboard.from'),
    path: 'from',
    required: true,
    value: showIsoDate(ctx.query.get('from') ?? defFrom ?? ''),
  });
  const to = dateField({
    label: t('dashboard.to'),
    path: 'to',
    required: true,
    value: showIsoDate(ctx.query.get('to') ?? defTo ?? ''),
  });
  const unit = isProvinceWide() ? unitPicker(me.provinceCode, ctx.query.get('unit')) : null;
  const out = h('div', { class: 'dash-out', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card report-form', novalidate: true },
    h('div', { class: 'grid-3' }, unit, from, to),
    h(
      'div',
      { class: 'presets', role: 'group', 'aria-label': t('dashboard.presets') },
      ...presets().map(([key, f, tt]) =>
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-small',
            onclick: () => {
              from.control.value = showIsoDate(f ?? '');
              to.control.value = showIsoDate(tt ?? '');
              void run();
            },
          },
          t(`dashboard.preset.${key}`),
        ),
      ),
    ),
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('dashboard.show')),
    ),
  );

  let generation = 0;
  async function run() {
    clearIssues(form);
    const f = dateValue(from);
    const tt = dateValue(to);
    if (!f || !tt) return;
    const unitCode = unit ? unit.control.value : (me?.unitCode ?? '');
    setUrl(`/tong-quan${query({ unit: unit ? unitCode : '', from: f, to: tt })}`);
    const mine = ++generation;
    replace(out, loading());
    try {
      const data = /** @type {Dashboard} */ (
        await api(`/api/reports/dashboard${query({ unit: unitCode, from: f, to: tt })}`)
      );
      if (mine === generation && ctx.alive()) replace(out, dashboardBody(data));
    } catch (e) {
      if (mine !== generation || !ctx.alive()) return;
      if (e instanceof ApiError && e.isMissingRoute) replace(out, notAvailable(t('dashboard.notAvailable')));
      else {
        replace(out);
        showError(form, e);
      }
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  main.append(h('h1', null, t('dashboard.title')), h('p', { class: 'hint' }, t('dashboard.lead')), form, out);
  await run();
}

/**
 * The unit select of province-wide users: the whole province, then its communes (loaded in the background). A
 * commune asked for in the address is selected at once (named by its code until the list arrives).
 * @param {string} provinceCode
 * @param {string | null} wanted
 */
function unitPicker(provinceCode, wanted) {
  const chosen = wanted && /^\d{5}$/.test(wanted) ? wanted : provinceCode;
  /** @type {[string, string][]} */
  const options = [[provinceCode, t('dashboard.wholeProvince')]];
  if (chosen !== provinceCode) options.push([chosen, chosen]);
  const unit = field({ label: t('dashboard.unit'), path: 'unit', type: 'select', options, value: chosen });
  void api(`/api/units${query({ province: provinceCode, limit: 5000 })}`)
    .then((r) => {
      const items = /** @type {UnitRef[]} */ (r.items).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      const select = /** @type {HTMLSelectElement} */ (unit.control);
      const current = select.value;
      while (select.options.length > 1) select.remove(1);
      for (const u of items)
        select.append(h('option', { value: u.code, selected: u.code === current }, u.name));
    })
    .catch(() => undefined);
  return unit;
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
      kpi('open', num(sum(d.officers.map((o) => o.open)))),
      kpi('dueSoon', num(sum(d.officers.map((o) => o.dueSoon)))),
      kpi('overdue', num(overdue), overdue > 0 ? 'kpi-bad' : ''),
    ),
    h('p', { class: 'hint' }, t('dashboard.workloadAt', { at })),
    section('dash-ind', t('dashboard.ind.heading'), indicatorCards(d.indicators)),
    section('dash-chart', t('dashboard.chart.heading'), dailyChart(d)),
    section('dash-officers', t('dashboard.officers.heading'), officersTable(d.officers, at)),
    section('dash-procedures', t('dashboard.procedures.heading'), proceduresTable(d.procedures)),
    d.communes
      ? section('dash-communes', t('dashboard.communes.heading'), communesTable(d.communes, d.period))
      : null,
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

/** @param {string} key @param {string} value @param {string} [cls] */
function kpi(key, value, cls = '') {
  return h(
    'li',
    { class: `kpi ${cls}`, 'data-kpi': key },
    h('span', { class: 'kpi-value' }, value),
    h('span', { class: 'kpi-label' }, t(`dashboard.kpi.${key}`)),
  );
}

/** @param {Dashboard['indicators']} ind */
function indicatorCards(ind) {
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
          h('p', { class: 'ind-reason' }, reasonText(o.reason)),
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
  return i.unit === '%' ? pct(i.value) : t('dashboard.workingDays', { n: num(i.value) });
}

/** @param {Indicator} i */
function indicatorCard(i) {
  const met = typeof i.attainment === 'number' ? i.attainment >= 1 : null;
  const ratio =
    typeof i.numerator === 'number' && typeof i.denominator === 'number'
      ? t('dashboard.ind.ratio', { a: num(i.numerator), b: num(i.denominator) })
      : typeof i.denominator === 'number'
        ? t('dashboard.ind.basis', { n: num(i.denominator) })
        : null;
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
          t('dashboard.ind.target', { target: pct(i.target) }),
          typeof i.attainment === 'number'
            ? [
                ' · ',
                t('dashboard.ind.attainment', { pct: pct(Math.round(i.attainment * 1000) / 10) }),
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
    i.note ? h('p', { class: 'ind-note' }, noteText(i)) : null,
    h(
      'p',
      { class: 'ind-formula' },
      h('span', { class: 'ind-formula-label' }, t('dashboard.ind.formula')),
      ' ',
      known(`dashboard.ind.${i.id}.formula`, i.formula),
    ),
  );
}

/** The server's notes are in English; the known ones are translated. @param {Indicator} i */
function noteText(i) {
  const note = i.note ?? '';
  const unrecorded = /^(\d+) deliver/.exec(note);
  if (i.id === '4.1' && unrecorded) return t('dashboard.ind.4.1.note', { n: num(Number(unrecorded[1])) });
  if (i.id === '5.4' && /^Complaints/.test(note)) return t('dashboard.ind.5.4.note');
  return note;
}

/** Why an indicator is omitted (the server's reasons are in English; the known ones are translated). @param {string} reason */
function reasonText(reason) {
  if (/^No result of the dossiers/.test(reason)) return t('dashboard.omitted.noDelivery');
  if (/^No delivery of the period records its channel/.test(reason)) return t('dashboard.omitted.noChannel');
  return reason;
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

/** Calendar days in words: about n hours under a day. @param {number | null} days */
function durationText(days) {
  if (days === null) return '—';
  if (days < 0.1) return t('dashboard.duration.under', { n: num(0.1) });
  if (days < 1) return t('dashboard.duration.hours', { n: num(Math.round(days * 24)) });
  return t('dashboard.duration.days', { n: num(days) });
}

/** @param {OfficerLoad[]} officers @param {string} at */
function officersTable(officers, at) {
  const bad = (/** @type {number} */ n) => (n > 0 ? h('span', { class: 'dash-bad' }, num(n)) : num(n));
  return [
    simpleTable(
      t('dashboard.officers.caption', { at }),
      ['name', 'open', 'dueSoon', 'overdue', 'resolved', 'avg'].map((k) => t(`dashboard.officers.col.${k}`)),
      officers.map((o) => [
        o.assigneeId === null
          ? h('em', null, t('dashboard.officers.unassigned'))
          : (o.name ?? t('dashboard.officers.unknown')),
        num(o.open),
        num(o.dueSoon),
        bad(o.overdue),
        num(o.resolved),
        durationText(o.avgProcessingDays),
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
    h('span', { class: 'rate-text' }, pct(rate)),
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
    communes.map((c) => [
      num(c.rank),
      link(`/tong-quan${query({ unit: c.unit.code, from: period.from, to: period.to })}`, null, c.unit.name),
      num(c.received),
      num(c.resolved),
      c.onTimeRate === null ? '—' : pct(c.onTimeRate),
    ]),
    'dash-communes',
    '',
    1,
  );
}
