/**
 * The audit log (`/nhat-ky`, docs/SECURITY.md "Reading the audit log"), for those the server lets read it: a
 * system admin every province's, a province inspector its own ('audit.read'). Filters kept in the URL: from/to
 * (dd/MM/yyyy), the officer's username, the action or its beginning ('petition.'), the target's code, the unit.
 * Newest first; every read is itself written to the log by the server.
 */
import { h } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { listPage } from '../lib/list-page.js';

/**
 * @typedef {import('zod').infer<typeof import('../../server/audit-review/audit-review.schemas.ts').ZAuditEntry>} TAuditEntry
 */

/** @type {import('../lib/router.js').View} */
export async function auditView(main, ctx) {
  await listPage(main, ctx, {
    path: '/nhat-ky',
    api: '/api/audit',
    title: t('audit.title'),
    newLink: null,
    lead: t('audit.lead'),
    filtersLabel: t('audit.filters'),
    filters: [
      { param: 'from', id: 'audit-from', label: t('audit.filter.from'), input: 'date' },
      { param: 'to', id: 'audit-to', label: t('audit.filter.to'), input: 'date' },
      { param: 'actor', id: 'audit-actor', label: t('audit.filter.actor'), input: 'text', maxlength: 64 },
      { param: 'action', id: 'audit-action', label: t('audit.filter.action'), input: 'text', maxlength: 80 },
      { param: 'target', id: 'audit-target', label: t('audit.filter.target'), input: 'text', maxlength: 120 },
      { param: 'unit', id: 'audit-unit', label: t('audit.filter.unit'), input: 'text', maxlength: 5 },
    ],
    tableClass: 'audit-table',
    columns: ['at', 'actor', 'action', 'target', 'unit', 'ip', 'details'].map((c) => t(`audit.col.${c}`)),
    row,
    counts: { empty: t('audit.empty'), count: (n) => t('audit.count', { n }) },
    pageSize: 50,
  });
}

/** @param {TAuditEntry} e */
function row(e) {
  const details = JSON.stringify(e.details);
  return h(
    'tr',
    { 'data-action': e.action },
    h('td', { 'data-label': t('audit.col.at') }, h('span', { class: 'nowrap' }, formatDateTime(e.at))),
    h(
      'td',
      { 'data-label': t('audit.col.actor') },
      e.actor ?? h('span', { class: 'muted' }, t('audit.system')),
    ),
    h('td', { 'data-label': t('audit.col.action') }, h('code', null, e.action)),
    h('td', { 'data-label': t('audit.col.target') }, h('span', { class: 'code' }, e.targetId)),
    h('td', { 'data-label': t('audit.col.unit') }, e.unitCode ?? e.provinceCode ?? '—'),
    h('td', { 'data-label': t('audit.col.ip') }, e.ip ?? '—'),
    h('td', { 'data-label': t('audit.col.details') }, details === '{}' ? '—' : h('code', null, details)),
  );
}
