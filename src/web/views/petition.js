/**
 * One petition (`/don-thu/xem?ma=<code>`; codes contain dots, so the code travels in the query string): kind,
 * status, the dossier it is about, every deadline with its badge, the petitioner masked (the full data is an
 * explicit, audited read; a denouncer's only for the commune's leader), subject and content, the result, the
 * actions allowed now and usable by the role, and the timeline.
 */
import { actionsCard } from '../lib/action-card.js';
import { ApiError, api } from '../lib/api.js';
import { deadlineBadge } from '../lib/deadline.js';
import { h, replace } from '../lib/dom.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { fact, recordPage } from '../lib/record-page.js';
import { dossierHref, link } from '../lib/router.js';
import { stepDetails, timelineCard as timeline } from '../lib/timeline.js';
import { errorText } from '../lib/ui.js';
import { PETITION_DANGER, petitionActionForm } from './petition-actions.js';
import { kindText, petitionStatusBadge } from './petition-parts.js';

/** @typedef {import('../../server/petitions/petition.schemas.ts').TPetition} TPetition */

/** @type {import('../lib/router.js').View} */
export async function petitionView(main, ctx) {
  const code = ctx.query.get('ma') ?? '';
  await recordPage(main, ctx, {
    back: '/don-thu',
    backText: t('petitions.back'),
    title: t('petitions.detail.title', { code }),
    path: code ? `/api/petitions/${encodeURIComponent(code)}` : null,
    render,
  });
}

/**
 * @param {HTMLElement} box
 * @param {TPetition} p
 */
function render(box, p) {
  const content = contentCard(p);
  replace(
    box,
    summaryCard(p),
    deadlinesCard(p),
    // a denunciation's text is shown redacted ([đã ẩn]); the leader's reveal gives it as the officer typed it
    petitionerCard(p, (full) => showAsTyped(content, full)),
    content,
    petitionActions(p, box),
    timelineCard(p),
  );
}

/** @param {TPetition} p */
function summaryCard(p) {
  const complaint = p.kind === 'complaint';
  const flags = [
    p.complex ? t(p.kind === 'denunciation' ? 'petitions.form.veryComplex' : 'petitions.form.complex') : '',
    p.remote ? t('petitions.form.remote') : '',
  ].filter(Boolean);
  return h(
    'section',
    { class: 'card', 'aria-label': t('petitions.detail.summary') },
    p.lodgedLate
      ? h('p', { class: 'alert alert-warn', 'data-testid': 'lodged-late' }, t('petitions.lodgedLate'))
      : null,
    h(
      'dl',
      { class: 'facts' },
      fact(t('petitions.col.kind'), kindText(p.kind), 'petition-kind'),
      fact(t('petitions.col.status'), petitionStatusBadge(p.status), 'petition-status'),
      fact(t('petitions.form.channel'), t(`petitions.channel.${p.channel}`)),
      fact(t('petitions.detail.received'), formatDateTime(p.receivedAt)),
      p.dossierCode
        ? fact(
            t('petitions.detail.dossier'),
            link(
              dossierHref(p.dossierCode),
              { class: 'code', 'data-testid': 'petition-dossier' },
              p.dossierCode,
            ),
          )
        : null,
      complaint ? fact(t('petitions.form.instance'), t(`petitions.instance.${p.instance}`)) : null,
      complaint && p.knownAt ? fact(t('petitions.form.knownAt'), formatDate(p.knownAt)) : null,
      flags.length ? fact(t('petitions.detail.case'), flags.join(' · ')) : null,
      p.acceptedAt ? fact(t('petitions.detail.accepted'), formatDateTime(p.acceptedAt)) : null,
      p.endedAt ? fact(t('petitions.detail.ended'), formatDateTime(p.endedAt)) : null,
    ),
  );
}

/**
 * Every deadline of the petition; the one pending is the server's `nextDeadline` (with its overdue mark), and the
 * feedback's "ask for more" runs beside the answer until information has been asked.
 * @param {TPetition} p
 */
function deadlinesCard(p) {
  const now = Date.now();
  const next = p.nextDeadline;
  const feedback = p.kind === 'feedback';
  const asked = (p.actions ?? []).some((a) => a.type === 'request_info');
  /** @type {[string, string | null, boolean, string][]} kind, instant, pending, shown when not set */
  const rows = [
    ['respond', p.respondBy, next?.kind === 'respond', ''],
    ...(feedback
      ? /** @type {[string, string | null, boolean, string][]} */ ([
          ['request_info', p.infoBy, next?.kind === 'respond' && !asked, ''],
        ])
      : []),
    ['resolve', p.dueAt, next?.kind === 'resolve', t('petitions.deadline.fromAccept')],
    ...(feedback
      ? /** @type {[string, string | null, boolean, string][]} */ ([
          ['publish', p.publishBy, next?.kind === 'publish', t('petitions.deadline.fromResolve')],
        ])
      : []),
  ];
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-pdeadlines' },
    h('h2', { id: 'sec-pdeadlines' }, t('petitions.detail.deadlines')),
    h(
      'dl',
      { class: 'facts' },
      ...rows.map(([kind, at, pending, unset]) => [
        h('dt', null, t(`petitions.deadline.${kind}`)),
        h(
          'dd',
          { 'data-deadline': kind },
          at
            ? deadlineBadge(at, { pending, overdue: next?.kind === kind ? next.overdue : undefined, now })
            : h('span', { class: 'muted' }, unset || '—'),
          kind === 'resolve' && p.extensionCount
            ? h('span', { class: 'muted' }, ` · ${t('petitions.detail.extended', { n: p.extensionCount })}`)
            : null,
          kind === 'publish' && p.publishedAt
            ? h('span', null, ` · ${t('petitions.detail.published', { at: formatDateTime(p.publishedAt) })}`)
            : null,
        ),
      ]),
    ),
  );
}

/**
 * The petitioner's facts: a denouncer's shown as kept secret (the server sends no part of it) until the leader's
 * audited reveal.
 * @param {{confidential?: boolean, name: string, idNumber: string | null, phone: string | null, address: string | null}} who
 */
function petitionerFacts(who) {
  return [
    fact(
      t('petitions.form.name'),
      who.confidential ? h('span', { class: 'muted' }, t('petitions.denouncerHidden')) : who.name,
      'petitioner-name',
    ),
    fact(t('petitions.form.idNumber'), who.idNumber ?? '—'),
    fact(t('intake.phone'), who.phone ?? '—'),
    fact(t('intake.address'), who.address ?? '—'),
  ];
}

/**
 * @param {TPetition} p
 * @param {(full: Revealed) => void} revealed called with the audited read's answer
 */
function petitionerCard(p, revealed) {
  const denunciation = p.kind === 'denunciation';
  const facts = h('dl', { class: 'facts' }, ...petitionerFacts(p.petitioner));
  const notice = h(
    'p',
    { class: 'hint' },
    t(denunciation ? 'petitions.denouncerNotice' : 'petitions.personalNotice'),
  );
  const refusal = h('div', {
    class: 'alert alert-error',
    role: 'alert',
    hidden: true,
    'data-testid': 'reveal-error',
  });
  const button = h(
    'button',
    { type: 'button', class: 'btn', 'data-testid': 'reveal' },
    t('petitions.reveal'),
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    refusal.hidden = true;
    try {
      const full = await api(`/api/petitions/${encodeURIComponent(p.code)}/petitioner`);
      replace(facts, ...petitionerFacts(full));
      if (denunciation) revealed(full);
      button.remove();
      notice.textContent = t('petitions.revealLogged');
    } catch (e) {
      const forbidden = e instanceof ApiError && e.status === 403;
      replace(
        refusal,
        h('p', null, errorText(e)),
        forbidden && denunciation ? h('p', null, t('petitions.denouncerOnlyLeader')) : null,
      );
      refusal.hidden = false;
      // a refusal will not change by trying again; a failed network may
      button.disabled = forbidden;
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-petitioner' },
    h('h2', { id: 'sec-petitioner' }, t(denunciation ? 'petitions.denouncer' : 'petitions.petitioner')),
    facts,
    notice,
    // a denouncer is the commune leader's to see (the notice says so): the server says whether this officer may
    // (`abilities.readPetitioner`, the rule of the petitioner route), so no button that can only be refused
    p.abilities.readPetitioner ? button : null,
    refusal,
  );
}

/** @typedef {{subject: string, content: string, dossierCode: string | null}} Revealed */

/**
 * Puts the subject and content as typed in place of the redacted ones, and the dossier the denunciation is about
 * (hidden until then: its applicant may be the denouncer), after the leader's reveal.
 * @param {HTMLElement} card the content card
 * @param {Revealed} full
 */
function showAsTyped(card, { subject, content, dossierCode }) {
  const s = card.querySelector('[data-testid="petition-subject"]');
  const c = card.querySelector('[data-testid="petition-content"]');
  const note = card.querySelector('[data-testid="content-redacted"]');
  if (s) s.textContent = subject;
  if (c) c.textContent = content;
  if (note) note.textContent = t('petitions.contentAsTyped');
  if (dossierCode)
    card.append(
      h(
        'p',
        { 'data-testid': 'petition-dossier' },
        `${t('petitions.detail.dossier')}: `,
        link(dossierHref(dossierCode), { class: 'code' }, dossierCode),
      ),
    );
}

/** @param {TPetition} p */
function contentCard(p) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-pcontent' },
    h('h2', { id: 'sec-pcontent' }, t('petitions.detail.content')),
    h('p', { class: 'petition-subject' }, h('strong', { 'data-testid': 'petition-subject' }, p.subject)),
    h('p', { class: 'prewrap', 'data-testid': 'petition-content' }, p.content),
    p.kind === 'denunciation'
      ? h('p', { class: 'hint', 'data-testid': 'content-redacted' }, t('petitions.contentRedacted'))
      : null,
    p.conclusion
      ? h(
          'div',
          { class: 'petition-result' },
          h('h3', { class: 'h3' }, t('petitions.detail.result')),
          h(
            'p',
            { 'data-testid': 'petition-conclusion' },
            h('strong', null, t(`petitions.conclusion.${p.conclusion}`)),
          ),
          p.result ? h('p', { class: 'prewrap' }, p.result) : null,
        )
      : null,
  );
}

/**
 * The actions the server offers this officer now (`allowedActions`: by kind and status, less publishing twice,
 * extending too often and what their role or commune forbids), exactly.
 * @param {TPetition} p
 * @param {HTMLElement} box the page body, re-rendered after an action
 */
function petitionActions(p, box) {
  return actionsCard({
    id: 'sec-pactions',
    actions: p.allowedActions,
    emptyText: t(p.endedAt ? 'petitions.noActions' : 'petitions.noActionsForRole'),
    label: (type) => t(`petitions.action.${type}`),
    danger: PETITION_DANGER,
    form: (type, cb) => petitionActionForm(p, type, cb),
    render: (updated) => render(box, updated),
  });
}

/** @param {TPetition} p */
function timelineCard(p) {
  return timeline({
    id: 'sec-ptimeline',
    testId: 'petition-timeline',
    actions: p.actions ?? [],
    action: (type) => t(`petitions.action.${type}`),
    status: (status) => t(`petitions.status.${status}`),
    lateText: t('petitions.late'),
    details: payloadDetails,
  });
}

/** @param {Record<string, any>} x */
function payloadDetails(x) {
  return stepDetails([
    x.channel && [t('petitions.form.channel'), t(`petitions.channel.${x.channel}`)],
    x.lodgedLate && [t('petitions.detail.lodging'), t('petitions.lodgedLateShort')],
    x.missing && [t('petitions.act.missing'), String(x.missing)],
    x.reason && [t('act.reason'), String(x.reason)],
    x.conclusion && [t('petitions.act.conclusion'), t(`petitions.conclusion.${x.conclusion}`)],
    typeof x.previousDueAt === 'number' && [
      t('petitions.detail.previousDue'),
      formatDateTime(x.previousDueAt),
    ],
    typeof x.dueAt === 'number' && [t('petitions.deadline.resolve'), formatDateTime(x.dueAt)],
    x.note && [t('act.note'), String(x.note)],
  ]);
}
