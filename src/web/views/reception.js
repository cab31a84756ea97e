/**
 * The citizen reception register (`/tiep-cong-dan`, sổ tiếp công dân; docs/RECEPTION.md): tabs by kind, filters by
 * handling and "reply overdue", newest first; and one reception (`/tiep-cong-dan/xem?ma=<code>`) with its reply
 * deadline (Law on Citizen Reception 2013 Art. 28), the reply form, and the citizen masked: the full data is an
 * explicit, audited read, and for a denunciation no part of the identity is shown but to the commune leader.
 */
import { api, newKey } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { listPage } from '../lib/list-page.js';
import { fact, recordPage } from '../lib/record-page.js';
import { link, petitionHref } from '../lib/router.js';
import { hasAbility } from '../lib/session.js';
import { errorText, field, formAlert, showError, toast } from '../lib/ui.js';

/** @typedef {import('../../server/reception/reception.schemas.ts').TReception} TReception */

export const RECEPTION_KINDS = ['complaint', 'denunciation', 'feedback', 'other'];
export const RECEPTION_HANDLINGS = ['guided', 'petition', 'forwarded'];

/** The address of a reception's page (codes contain dots). @param {string} code */
export const receptionHref = (code) => `/tiep-cong-dan/xem?ma=${encodeURIComponent(code)}`;

/** @param {TReception} r */
const citizenName = (r) => (r.citizen.confidential ? t('reception.confidential') : (r.citizen.name ?? ''));

/** The reply cell: none due, replied on, due on, or overdue. @param {TReception} r */
function replyCell(r) {
  if (r.repliedAt)
    return h(
      'span',
      { class: 'badge badge-green' },
      t('reception.replied', { date: formatDate(r.repliedAt) }),
    );
  if (!r.replyBy) return h('span', { class: 'hint' }, t('reception.noReply'));
  return h(
    'span',
    { class: `badge ${r.overdue ? 'badge-red' : 'badge-muted'}`, 'data-testid': 'reply-by' },
    t(r.overdue ? 'reception.replyOverdue' : 'reception.replyBy', { date: formatDate(r.replyBy) }),
  );
}

/** @type {import('../lib/router.js').View} */
export async function receptionsView(main, ctx) {
  await listPage(main, ctx, {
    path: '/tiep-cong-dan',
    api: '/api/reception',
    title: t('reception.title'),
    newLink: h(
      'span',
      { class: 'actions-inline' },
      hasAbility('reception.record')
        ? link('/tiep-cong-dan/moi', { class: 'btn btn-primary' }, icon('plus'), ' ', t('reception.new'))
        : null,
      ' ',
      link('/tiep-cong-dan/lich', { class: 'btn' }, t('reception.schedule.link')),
    ),
    lead: t('reception.lead'),
    tabs: {
      param: 'kind',
      label: t('reception.tabs'),
      options: [
        ['', t('reception.tab.all')],
        ...RECEPTION_KINDS.map((k) => /** @type {[string, string]} */ ([k, t(`reception.kind.${k}`)])),
      ],
    },
    filtersLabel: t('reception.filters'),
    filters: [
      {
        param: 'handling',
        id: 'rec-handling',
        label: t('reception.col.handling'),
        options: [
          ['', t('reception.filter.anyHandling')],
          ...RECEPTION_HANDLINGS.map(
            (x) => /** @type {[string, string]} */ ([x, t(`reception.handling.${x}`)]),
          ),
        ],
      },
      { param: 'overdue', id: 'rec-overdue', label: t('reception.filter.overdue'), on: 'true' },
    ],
    tableClass: 'reception-table',
    columns: ['code', 'received', 'citizen', 'people', 'kind', 'handling', 'reply'].map((c) =>
      t(`reception.col.${c}`),
    ),
    row,
    counts: { empty: t('reception.empty'), count: (n) => t('reception.count', { n }) },
    pageSize: 30,
  });
}

/** @param {TReception} r */
function row(r) {
  const cell = (/** @type {string} */ col, /** @type {import('../lib/dom.js').Child[]} */ ...c) =>
    h('td', { 'data-label': t(`reception.col.${col}`) }, ...c);
  return h(
    'tr',
    { 'data-code': r.code },
    cell('code', link(receptionHref(r.code), { class: 'code' }, r.code)),
    cell('received', h('span', { class: 'nowrap' }, formatDateTime(r.receivedAt))),
    cell('citizen', citizenName(r)),
    cell(
      'people',
      String(r.peopleCount),
      r.delegation ? [' ', h('span', { class: 'badge' }, t('reception.delegation'))] : null,
    ),
    cell('kind', t(`reception.kind.${r.kind}`)),
    cell('handling', t(`reception.handling.${r.handling}`)),
    cell('reply', replyCell(r)),
  );
}

/** @type {import('../lib/router.js').View} */
export async function receptionView(main, ctx) {
  const code = ctx.query.get('ma') ?? '';
  await recordPage(main, ctx, {
    back: '/tiep-cong-dan',
    backText: t('reception.back'),
    title: t('reception.detail.title', { code }),
    path: code ? `/api/reception/${encodeURIComponent(code)}` : null,
    render,
  });
}

/** @param {HTMLElement} box @param {TReception} r */
function render(box, r) {
  replace(box, summaryCard(r), citizenCard(r), replyCard(r, box));
}

/** @param {TReception} r */
function summaryCard(r) {
  return h(
    'section',
    { class: 'card', 'aria-label': t('reception.detail.summary') },
    h(
      'dl',
      { class: 'facts' },
      fact(t('reception.col.received'), formatDateTime(r.receivedAt)),
      fact(t('reception.officer'), r.officerName),
      fact(t('reception.col.kind'), t(`reception.kind.${r.kind}`), 'reception-kind'),
      fact(
        t('reception.col.people'),
        r.delegation ? t('reception.delegationOf', { n: r.peopleCount }) : String(r.peopleCount),
      ),
      fact(t('reception.col.handling'), t(`reception.handling.${r.handling}`), 'reception-handling'),
      r.forwardedTo ? fact(t('reception.forwardedTo'), r.forwardedTo) : null,
      r.petitionCode
        ? fact(
            t('reception.petition'),
            link(
              petitionHref(r.petitionCode),
              { class: 'code', 'data-testid': 'reception-petition' },
              r.petitionCode,
            ),
          )
        : null,
      fact(t('reception.content'), h('span', { class: 'prewrap' }, r.content)),
    ),
  );
}

/** @param {TReception} r */
function citizenCard(r) {
  const facts = h(
    'dl',
    { class: 'facts', 'data-testid': 'reception-citizen' },
    fact(t('reception.citizen.name'), citizenName(r)),
    r.citizen.confidential ? null : fact(t('reception.citizen.idNumber'), r.citizen.idNumber ?? '—'),
    r.citizen.confidential ? null : fact(t('reception.citizen.address'), r.citizen.address ?? '—'),
  );
  const show = r.abilities.readCitizen
    ? h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'data-testid': 'read-citizen',
          onclick: async () => {
            try {
              const c = await api(`/api/reception/${encodeURIComponent(r.code)}/citizen`);
              replace(
                facts,
                fact(t('reception.citizen.name'), c.name),
                fact(t('reception.citizen.idNumber'), c.idNumber ?? '—'),
                fact(t('reception.citizen.address'), c.address ?? '—'),
              );
              show?.remove();
            } catch (e) {
              toast(errorText(e), 'error');
            }
          },
        },
        t('reception.citizen.show'),
      )
    : null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'rec-citizen-h' },
    h('h2', { id: 'rec-citizen-h' }, t('reception.citizen.heading')),
    r.citizen.confidential ? h('p', { class: 'hint' }, t('reception.citizen.confidentialHint')) : null,
    facts,
    show,
    h('p', { class: 'hint' }, t('reception.citizen.audited')),
  );
}

/** @param {TReception} r @param {HTMLElement} box */
function replyCard(r, box) {
  const heading = h('h2', { id: 'rec-reply-h' }, t('reception.reply.heading'));
  const card = h(
    'section',
    { class: 'card', 'aria-labelledby': 'rec-reply-h' },
    heading,
    h('p', null, replyCell(r)),
  );
  if (r.repliedAt) card.append(h('p', { class: 'prewrap', 'data-testid': 'reply-note' }, r.replyNote ?? ''));
  if (!r.abilities.reply) return card;
  const note = field({
    label: t('reception.reply.note'),
    path: 'note',
    type: 'textarea',
    required: true,
    maxlength: 2000,
  });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t('reception.reply.submit'));
  const form = /** @type {HTMLFormElement} */ (h('form', { novalidate: true }, formAlert(), note, button));
  const key = newKey();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const body = { note: note.control.value.trim() };
      const updated = await api(`/api/reception/${encodeURIComponent(r.code)}/reply`, {
        method: 'POST',
        body,
        idempotencyKey: key,
      });
      toast(t('reception.reply.done'), 'success');
      render(box, updated);
    } catch (err) {
      showError(form, err);
    }
  });
  card.append(h('p', { class: 'hint' }, t('reception.reply.hint')), form);
  return card;
}
