/**
 * The register of complaints, denunciations and feedback (`/don-thu`): tabs by kind, a status filter and "overdue
 * only", newest first. Filters live in the URL (`?kind=&status=&overdue=true`) so Back and reload keep them.
 */
import { PETITION_KINDS, PETITION_STATUSES } from '../../shared/petition/petition.ts';
import { h, icon } from '../lib/dom.js';
import { formatDate } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { listPage } from '../lib/list-page.js';
import { link, petitionHref } from '../lib/router.js';
import { canPetition } from '../lib/session.js';
import { kindText, nextDeadlineCell, petitionStatusBadge } from './petition-parts.js';

/** @type {import('../lib/router.js').View} */
export async function petitionsView(main, ctx) {
  await listPage(main, ctx, {
    path: '/don-thu',
    api: '/api/petitions',
    title: t('petitions.title'),
    newLink: canPetition('receive')
      ? link('/don-thu/moi', { class: 'btn btn-primary' }, icon('plus'), ' ', t('petitions.new'))
      : null,
    lead: t('petitions.lead'),
    tabs: {
      param: 'kind',
      label: t('petitions.tabs'),
      options: [
        ['', t('petitions.tab.all')],
        ...PETITION_KINDS.map((k) => /** @type {[string, string]} */ ([k, kindText(k)])),
      ],
    },
    filtersLabel: t('petitions.filters'),
    filters: [
      {
        param: 'status',
        id: 'pet-status',
        label: t('petitions.filter.status'),
        options: [
          ['', t('petitions.filter.anyStatus')],
          ...PETITION_STATUSES.map((s) => /** @type {[string, string]} */ ([s, t(`petitions.status.${s}`)])),
        ],
      },
      { param: 'overdue', id: 'pet-overdue', label: t('petitions.filter.overdue'), on: 'true' },
    ],
    tableClass: 'petitions-table',
    columns: ['code', 'kind', 'subject', 'petitioner', 'received', 'deadline', 'status'].map((c) =>
      t(`petitions.col.${c}`),
    ),
    row,
    counts: {
      empty: t('petitions.empty'),
      count: (n) => t('petitions.count', { n }),
    },
    pageSize: 30,
  });
}

/**
 * @param {import('../../server/petitions/petition.schemas.ts').TPetition} p a petition of the register
 * @param {number} now
 */
function row(p, now) {
  return h(
    'tr',
    { 'data-code': p.code },
    h('td', { 'data-label': t('petitions.col.code') }, link(petitionHref(p.code), { class: 'code' }, p.code)),
    h('td', { 'data-label': t('petitions.col.kind') }, kindText(p.kind)),
    h('td', { 'data-label': t('petitions.col.subject') }, p.subject),
    h(
      'td',
      { 'data-label': t('petitions.col.petitioner') },
      p.petitioner.confidential
        ? h('span', { class: 'muted' }, t('petitions.denouncerHidden'))
        : p.petitioner.name,
    ),
    h(
      'td',
      { 'data-label': t('petitions.col.received') },
      h('span', { class: 'nowrap' }, formatDate(p.receivedAt)),
    ),
    h('td', { 'data-label': t('petitions.col.deadline') }, nextDeadlineCell(p, now)),
    h('td', { 'data-label': t('petitions.col.status') }, petitionStatusBadge(p.status)),
  );
}
