/* global HTMLElement */
/**
 * One petition (`/don-thu/xem?ma=<code>`; codes contain dots, so the code travels in the query string): kind,
 * status, the dossier it is about, every deadline with its badge, the petitioner masked (the full data is an
 * explicit, audited read; a denouncer's only for the commune's leader), subject and content, the result, the
 * actions allowed now and usable by the role, and the timeline.
 */
import { ApiError, api } from '../lib/api.js';
import { deadlineBadge } from '../lib/deadline.js';
import { timelineCard as timeline } from '../lib/timeline.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dossierHref, link } from '../lib/router.js';
import { canPetitionAct } from '../lib/session.js';
import { errorText, loading, toast } from '../lib/ui.js';
import { PETITION_DANGER, petitionActionForm } from './petition-actions.js';
import { kindText, petitionStatusBadge } from './petition-parts.js';

/** @type {import('../lib/router.js').View} */
export async function petitionView(main, ctx) {
  const code = ctx.query.get('ma') ?? '';
  const box = h('div', null, loading());
  main.append(
    link('/don-thu', { class: 'back' }, icon('back'), ' ', t('petitions.back')),
    h('h1', null, t('petitions.detail.title', { code })),
    box,
  );
  if (!code) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, t('app.notFound')));
    return;
  }
  try {
    const p = await api(`/api/petitions/${encodeURIComponent(code)}`);
    if (!ctx.alive()) return;
    render(box, p);
  } catch (e) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/**
 * @param {HTMLElement} box
 * @param {any} p
 */
function render(box, p) {
  replace(
    box,
    summaryCard(p),
    deadlinesCard(p),
    petitionerCard(p),
    contentCard(p),
    actionsCard(p, box),
    timelineCard(p),
  );
}

/** @param {string} key @param {import('../lib/dom.js').Child} value @param {string} [testid] */
const fact = (key, value, testid) => [
  h('dt', null, t(key)),
  h('dd', testid ? { 'data-testid': testid } : null, value),
];

/** @param {any} p */
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
      fact('petitions.col.kind', kindText(p.kind), 'petition-kind'),
      fact('petitions.col.status', petitionStatusBadge(p.status), 'petition-status'),
      fact('petitions.form.channel', t(`petitions.channel.${p.channel}`)),
      fact('petitions.detail.received', formatDateTime(p.receivedAt)),
      p.dossierCode
        ? fact(
            'petitions.detail.dossier',
            link(
              dossierHref(p.dossierCode),
              { class: 'code', 'data-testid': 'petition-dossier' },
              p.dossierCode,
            ),
          )
        : null,
      complaint ? fact('petitions.form.instance', t(`petitions.instance.${p.instance}`)) : null,
      complaint && p.knownAt ? fact('petitions.form.knownAt', formatDate(p.knownAt)) : null,
      flags.length ? fact('petitions.detail.case', flags.join(' · ')) : null,
      p.acceptedAt ? fact('petitions.detail.accepted', formatDateTime(p.acceptedAt)) : null,
      p.endedAt ? fact('petitions.detail.ended', formatDateTime(p.endedAt)) : null,
    ),
  );
}

/** @param {any} p */
function deadlinesCard(p) {
  const now = Date.now();
  const s = p.status;
  const feedback = p.kind === 'feedback';
  const asked = (p.actions ?? []).some((/** @type {any} */ a) => a.type === 'request_info');
  /** @type {[string, string | null, boolean, string][]} kind, instant, pending, shown when not set */
  const rows = [
    ['respond', p.respondBy, s === 'received' || s === 'more_info_requested', ''],
    ...(feedback
      ? /** @type {[string, string | null, boolean, string][]} */ ([
          ['request_info', p.infoBy, s === 'received' && !asked, ''],
        ])
      : []),
    ['resolve', p.dueAt, s === 'accepted', t('petitions.deadline.fromAccept')],
    ...(feedback
      ? /** @type {[string, string | null, boolean, string][]} */ ([
          ['publish', p.publishBy, s === 'resolved' && !p.publishedAt, t('petitions.deadline.fromResolve')],
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
          at ? deadlineBadge(at, { pending, now }) : h('span', { class: 'muted' }, unset || '—'),
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
 * @param {any} who name, idNumber, phone, address
 */
function petitionerFacts(who) {
  return [
    fact('petitions.form.name', who.name, 'petitioner-name'),
    fact('petitions.form.idNumber', who.idNumber ?? '—'),
    fact('intake.phone', who.phone ?? '—'),
    fact('intake.address', who.address ?? '—'),
  ];
}

/** @param {any} p */
function petitionerCard(p) {
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
    button,
    refusal,
  );
}

/** @param {any} p */
function contentCard(p) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-pcontent' },
    h('h2', { id: 'sec-pcontent' }, t('petitions.detail.content')),
    h('p', { class: 'petition-subject' }, h('strong', null, p.subject)),
    h('p', { class: 'prewrap' }, p.content),
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
 * @param {any} p
 * @param {HTMLElement} box the page body, re-rendered after an action
 */
function actionsCard(p, box) {
  // the API lists `publish` for resolved feedback even once published (a second one is refused): hide it then
  const allowed = /** @type {string[]} */ (p.allowedActions).filter(
    (a) => !(a === 'publish' && p.publishedAt),
  );
  const mine = allowed.filter(canPetitionAct);
  const slot = h('div', { class: 'action-slot' });
  const card = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-pactions' },
    h('h2', { id: 'sec-pactions' }, t('dossier.actions')),
  );
  if (!mine.length) {
    card.append(
      h('p', { class: 'muted' }, t(allowed.length ? 'petitions.noActionsForRole' : 'petitions.noActions')),
    );
    return card;
  }
  /** @type {HTMLElement | null} */
  let pressed = null;
  function close() {
    pressed?.setAttribute('aria-expanded', 'false');
    pressed = null;
    replace(slot);
  }
  const buttons = mine.map((type) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: `btn ${PETITION_DANGER.has(type) ? 'btn-danger-outline' : ''}`,
        'data-action': type,
        'aria-expanded': 'false',
      },
      t(`petitions.action.${type}`),
    );
    b.addEventListener('click', () => {
      if (pressed === b) return close();
      close();
      pressed = b;
      b.setAttribute('aria-expanded', 'true');
      const form = petitionActionForm(p, type, {
        onCancel: () => {
          close();
          b.focus();
        },
        onDone: (updated) => {
          toast(t('dossier.actionDone', { action: t(`petitions.action.${type}`) }), 'success');
          render(box, updated);
          const h1 = box.ownerDocument.querySelector('main h1');
          if (h1 instanceof HTMLElement) h1.focus();
        },
      });
      replace(slot, form);
      const first = form.querySelector('input, select, textarea, button[type=submit]');
      if (first instanceof HTMLElement) first.focus();
    });
    return b;
  });
  card.append(h('div', { class: 'action-buttons' }, ...buttons), slot);
  return card;
}

/** @param {any} p */
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
  /** @type {HTMLElement[]} */
  const rows = [];
  const add = (/** @type {string} */ label, /** @type {string} */ value) =>
    rows.push(h('li', null, h('span', { class: 'muted' }, `${label}: `), value));
  if (x.channel) add(t('petitions.form.channel'), t(`petitions.channel.${x.channel}`));
  if (x.lodgedLate) add(t('petitions.detail.lodging'), t('petitions.lodgedLateShort'));
  if (x.missing) add(t('petitions.act.missing'), String(x.missing));
  if (x.reason) add(t('act.reason'), String(x.reason));
  if (x.conclusion) add(t('petitions.act.conclusion'), t(`petitions.conclusion.${x.conclusion}`));
  if (typeof x.previousDueAt === 'number')
    add(t('petitions.detail.previousDue'), formatDateTime(x.previousDueAt));
  if (typeof x.dueAt === 'number') add(t('petitions.deadline.resolve'), formatDateTime(x.dueAt));
  if (x.note) add(t('act.note'), String(x.note));
  return rows.length ? h('ul', { class: 'tl-details' }, ...rows) : null;
}
