/**
 * The period report (Biểu 06 of Circular 01/2020/TT-VPCP, with MộtCửa's extra columns): a period typed as
 * dd/MM/yyyy, the table by field with totals, downloads in Excel and PDF; province users pick a commune or the
 * whole province (then a table by commune too), with the overview's form (`lib/period-picker.js`). A server
 * without the report route gets a friendly notice.
 */
import { api, query } from '../lib/api.js';
import { fetchWithReplicaNote } from '../lib/replica-note.js';
import { h } from '../lib/dom.js';
import { percent, showIsoDate } from '../lib/format.js';
import { num, t } from '../lib/i18n.js';
import { periodPage } from '../lib/period-picker.js';
import { session } from '../lib/session.js';
import { docLink } from '../lib/ui.js';

/**
 * @typedef {{received: {total: number, online: number, directOrPostal: number, carriedOver: number},
 *   resolved: {total: number, early: number, onTime: number, late: number},
 *   inProgress: {total: number, withinDeadline: number, overdue: number, awaitingSupplement: number},
 *   closedWithoutResult: {total: number, returned: number, withdrawn: number}}} Counts
 */

/** The columns of the table: [group, key] pairs, in the template's order. */
const COLUMNS = /** @type {const} */ ([
  ['received', ['total', 'online', 'directOrPostal', 'carriedOver']],
  ['resolved', ['total', 'early', 'onTime', 'late']],
  ['inProgress', ['total', 'withinDeadline', 'overdue', 'awaitingSupplement']],
  ['closedWithoutResult', ['returned', 'withdrawn']],
]);

/** @type {Counts} */
const ZERO = {
  received: { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  inProgress: { total: 0, withinDeadline: 0, overdue: 0, awaitingSupplement: 0 },
  closedWithoutResult: { total: 0, returned: 0, withdrawn: 0 },
};

/** A commune's code has five digits (a province's two). @param {string} unit */
const isCommune = (unit) => /^\d{5}$/.test(unit);

/**
 * The file name of Biểu 06 with its unit and period, as the server names it (report.routes.ts); used only when the
 * answer carries no name.
 * @param {import('../lib/period-picker.js').PeriodQuery} params
 * @param {'xlsx' | 'pdf'} ext
 */
const reportFileName = (params, ext) => `bieu-06_${params.unit}_${params.from}_${params.to}.${ext}`;

/** @type {import('../lib/router.js').View} */
export async function reportsView(main, ctx) {
  if (!session.me) return;
  await periodPage(main, ctx, {
    title: t('reports.title'),
    lead: t('reports.lead'),
    presets: ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'],
    presetsLabel: t('reports.presets'),
    showLabel: t('reports.show'),
    notAvailable: t('reports.notAvailable'),
    outClass: 'report-out',
    load: async (q) => {
      const { body, note } = await fetchWithReplicaNote(api, `/api/reports/period${query(q)}`);
      return h('div', null, note, reportTables(body, q));
    },
  });
}

/**
 * @param {any} report
 * @param {import('../lib/period-picker.js').PeriodQuery} params
 */
function reportTables(report, params) {
  const totals = /** @type {Counts} */ (report.totals ?? ZERO);
  const decided = totals.resolved.total;
  const timely = decided ? ((totals.resolved.early + totals.resolved.onTime) / decided) * 100 : null;
  return h(
    'div',
    null,
    h(
      'h2',
      null,
      t('reports.heading', {
        unit: report.unit?.name ?? params.unit,
        from: showIsoDate(report.period?.from ?? params.from),
        to: showIsoDate(report.period?.to ?? params.to),
      }),
    ),
    h(
      'ul',
      { class: 'kpis' },
      kpi(t('reports.kpi.received'), num(totals.received.total)),
      kpi(t('reports.kpi.resolved'), num(decided)),
      kpi(t('reports.kpi.timely'), timely === null ? '—' : percent(Math.round(timely * 10) / 10)),
      kpi(
        t('reports.kpi.overdue'),
        num(totals.inProgress.overdue),
        totals.inProgress.overdue > 0 ? 'kpi-bad' : '',
      ),
    ),
    h(
      'div',
      { class: 'doc-links' },
      docLink(
        `/api/reports/period${query({ ...params, format: 'xlsx' })}`,
        t('reports.downloadXlsx'),
        reportFileName(params, 'xlsx'),
      ),
      docLink(
        `/api/reports/period${query({ ...params, format: 'pdf' })}`,
        t('reports.downloadPdf'),
        reportFileName(params, 'pdf'),
      ),
      // the dossier register (Form 07) is kept per commune: none for a whole province
      isCommune(params.unit)
        ? [
            docLink(
              `/api/registers/dossiers.xlsx${query(params)}`,
              t('reports.registerXlsx'),
              `mau-07-so-theo-doi-${params.unit}-${params.from}-${params.to}.xlsx`,
            ),
            docLink(
              `/api/registers/dossiers.pdf${query(params)}`,
              t('reports.registerPdf'),
              `mau-07-so-theo-doi-${params.unit}-${params.from}-${params.to}.pdf`,
            ),
          ]
        : null,
    ),
    countsTable(
      t('reports.byField'),
      t('reports.col.field'),
      /** @type {any[]} */ (report.byField ?? []).map((r) => [r.field, r]),
      totals,
    ),
    report.byUnit?.length
      ? countsTable(
          t('reports.byUnit'),
          t('reports.col.unit'),
          /** @type {any[]} */ (report.byUnit).map((r) => [r.unit?.name ?? r.unit?.code, r]),
          totals,
        )
      : null,
  );
}

/**
 * @param {string} label
 * @param {string} value
 * @param {string} [cls]
 */
function kpi(label, value, cls = '') {
  return h(
    'li',
    { class: `kpi ${cls}` },
    h('span', { class: 'kpi-value' }, value),
    h('span', { class: 'kpi-label' }, label),
  );
}

/**
 * The Biểu 06 table: a two-row header (groups, then columns), one row per line, then the totals.
 * @param {string} caption
 * @param {string} firstHeader
 * @param {[string, Counts][]} rows
 * @param {Counts} totals
 */
function countsTable(caption, firstHeader, rows, totals) {
  const cells = (/** @type {Counts} */ c) =>
    COLUMNS.flatMap(([group, keys]) =>
      keys.map((k) => h('td', { class: 'num' }, num(/** @type {any} */ (c)[group]?.[k] ?? 0))),
    );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table report-table' },
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', rowspan: '2' }, '#'),
          h('th', { scope: 'col', rowspan: '2' }, firstHeader),
          ...COLUMNS.map(([group, keys]) =>
            h('th', { scope: 'colgroup', colspan: String(keys.length) }, t(`reports.group.${group}`)),
          ),
        ),
        h(
          'tr',
          null,
          ...COLUMNS.flatMap(([group, keys]) =>
            keys.map((k) => h('th', { scope: 'col' }, t(`reports.col.${group}.${k}`))),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        ...rows.map(([name, c], i) =>
          h(
            'tr',
            null,
            h('td', { class: 'num' }, String(i + 1)),
            h('th', { scope: 'row' }, name),
            ...cells(c),
          ),
        ),
        rows.length ? null : h('tr', null, h('td', { colspan: '16', class: 'muted' }, t('reports.noRows'))),
      ),
      h(
        'tfoot',
        null,
        h('tr', null, h('td'), h('th', { scope: 'row' }, t('reports.total')), ...cells(totals)),
      ),
    ),
  );
}
