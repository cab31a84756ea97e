/**
 * One dossier: header (code, status, due, roughly how much working time is left), the applicant with personal
 * data masked (the full data is an explicit, audited read), the actions the user may take now, the documents
 * and the timeline of every action.
 */
import { actionsCard } from '../lib/action-card.js';
import { noticesCard } from './dossier-notices.js';
import { api, query } from '../lib/api.js';
import { dueBadge } from '../lib/deadline.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime, limitText } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { recordPage } from '../lib/record-page.js';
import { link } from '../lib/router.js';
import { canPetition, hasAbility } from '../lib/session.js';
import { stepDetails, timelineCard as timeline } from '../lib/timeline.js';
import { errorText, statusBadge, statusText, toast } from '../lib/ui.js';
import { loadCalendar, workingTimeLeftText } from '../lib/working-calendar.js';
import { DANGER, dossierActionForm } from './action-forms.js';
import { attachmentsCard } from './dossier-attachments.js';
import { resultCard } from './dossier-result.js';
import { documentLinks } from './dossier-documents.js';

/**
 * @typedef {import('../../server/dossiers/dossier.schemas.ts').TDossier} TDossier
 * @typedef {import('../lib/working-calendar.js').WorkingCalendar} WorkingCalendar
 */

/** @type {import('../lib/router.js').View} */
export async function dossierView(main, ctx) {
  const code = ctx.params[0] || ctx.query.get('ma') || '';
  await recordPage(main, ctx, {
    back: '/',
    backText: t('dossier.back'),
    title: t('dossier.title', { code }),
    path: `/api/dossiers/${encodeURIComponent(code)}`,
    render,
  });
}

/**
 * @param {HTMLElement} box
 * @param {TDossier} d
 */
async function render(box, d) {
  const now = Date.now();
  const calendar = d.dueAt ? await loadCalendar(d.provinceCode, now, Date.parse(d.dueAt)) : null;
  // what happens next and the allowed actions come first: above the fold on the commune's PC and on a phone
  replace(
    box,
    nextCard(d),
    dossierActions(d, box),
    header(d, calendar, now),
    applicantCard(d),
    documentsCard(d),
    attachmentsCard(d),
    resultCard(d),
    timelineCard(d),
    noticesCard(d),
  );
}

/**
 * @param {TDossier} d
 * @param {WorkingCalendar | null} calendar
 * @param {number} now
 */
function header(d, calendar, now) {
  return h(
    'section',
    { class: 'card dossier-head', 'aria-label': t('dossier.summary') },
    h(
      'p',
      { class: 'proc-title' },
      h('strong', null, d.procedure.name),
      h('span', { class: 'muted' }, ` · ${d.procedure.code} · ${d.procedure.field}`),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('dossier.status')),
      h('dd', { 'data-testid': 'dossier-status' }, statusBadge(d.status)),
      h('dt', null, t('dossier.received')),
      h('dd', null, formatDateTime(d.receivedAt) || '—'),
      h('dt', null, t('dossier.due')),
      h('dd', null, dueBadge(d, calendar, now)),
      remaining(d, calendar, now),
      h('dt', null, t('dossier.limit')),
      h(
        'dd',
        null,
        limitText(d.limit),
        d.limit.kind === 'area'
          ? h(
              'span',
              { class: 'tag', title: d.limit.basis ?? '' },
              t('limit.areaTag', { areas: d.limit.areaClasses.map((a) => t(`area.${a}`)).join(', ') }),
            )
          : null,
      ),
      h('dt', null, t('dossier.channel')),
      h('dd', null, t(`channel.${d.channel}`)),
      h('dt', null, t('dossier.assignee')),
      h(
        'dd',
        { 'data-testid': 'dossier-assignee', title: d.assignee ?? '' },
        d.assigneeName ?? d.assignee ?? '—',
      ),
      d.endedAt ? [h('dt', null, t('dossier.ended')), h('dd', null, formatDateTime(d.endedAt))] : null,
      d.outcome ? [h('dt', null, t('dossier.outcome')), h('dd', null, t(`outcome.${d.outcome}`))] : null,
      d.deliveredAt
        ? [h('dt', null, t('dossier.delivered')), h('dd', null, formatDateTime(d.deliveredAt))]
        : null,
      d.extensionCount
        ? [h('dt', null, t('dossier.extended')), h('dd', null, t('dossier.extendedOnce'))]
        : null,
    ),
    d.transfers?.length
      ? h(
          'div',
          { class: 'transfers' },
          h('h2', { class: 'h3' }, t('dossier.transfers')),
          h(
            'ul',
            null,
            ...d.transfers.map((/** @type {any} */ x) =>
              h(
                'li',
                null,
                h('strong', null, String(x.agency)),
                ` — ${t(`transferRole.${x.role}`)}`,
                x.sendBy ? ` · ${t('dossier.sendBy', { at: formatDateTime(x.sendBy) })}` : '',
                x.dueAt ? ` · ${t('dossier.agencyDue', { at: formatDateTime(x.dueAt) })}` : '',
              ),
            ),
          ),
        )
      : null,
    canPetition('receive')
      ? h(
          'p',
          { class: 'petition-link' },
          link(`/don-thu/moi${query({ dossier: d.code })}`, null, t('petitions.aboutDossier')),
        )
      : null,
    hasAbility('task.assign')
      ? h(
          'p',
          { class: 'petition-link' },
          link(`/cong-viec/moi${query({ dossier: d.code })}`, null, t('tasks.aboutDossier')),
        )
      : null,
  );
}

/**
 * What happens next (the server's `next`): status, due and working hours left, who acts now and what they must do,
 * and for the leader the specialist's proposal beside the approve button.
 * @param {TDossier} d
 */
function nextCard(d) {
  const n = d.next;
  const left =
    n.workingHoursLeft === undefined || n.workingHoursLeft === null
      ? null
      : n.workingHoursLeft < 0
        ? h('span', { class: 'badge badge-red' }, t('next.lateBy', { n: -n.workingHoursLeft }))
        : h('span', { class: 'badge' }, t('next.hoursLeft', { n: n.workingHoursLeft }));
  const due = d.status === 'submitted' ? d.acceptBy : d.dueAt;
  const who = n.mine ? t('next.you') : t(`next.who.${n.who}`, { name: d.assigneeName ?? n.assignee ?? '' });
  return h(
    'section',
    {
      class: `card next-step${n.mine ? ' next-mine' : ''}`,
      'aria-labelledby': 'sec-next',
      'data-testid': 'next-step',
    },
    h('h2', { id: 'sec-next', class: 'h3' }, t('next.title')),
    h(
      'p',
      { class: 'next-line' },
      statusBadge(d.status),
      due
        ? [' ', t(d.status === 'submitted' ? 'next.acceptBy' : 'next.dueAt', { at: formatDateTime(due) })]
        : null,
      left ? [' ', left] : null,
    ),
    n.step === 'none'
      ? null
      : h(
          'p',
          { class: 'next-who', 'data-testid': 'next-who' },
          h('strong', null, who),
          ': ',
          t(`next.step.${n.step}`),
          !n.mine && n.step === 'assign' ? [' ', t('next.leaderMustAssign')] : null,
        ),
    n.proposal
      ? h(
          'div',
          { class: 'proposal', 'data-testid': 'proposal' },
          h('h3', { class: 'h4' }, t('next.proposal', { by: n.proposal.by ?? '' })),
          h('p', null, n.proposal.note ?? t('next.noNote')),
          h('p', { class: 'muted' }, formatDateTime(n.proposal.at)),
        )
      : null,
  );
}

/**
 * "About N working days left", on the province's calendar (the server's engine; the due date is the authority).
 * @param {TDossier} d
 * @param {WorkingCalendar | null} calendar
 * @param {number} now
 */
function remaining(d, calendar, now) {
  if (!d.dueAt || d.endedAt || !calendar) return null;
  const text = d.clockStoppedAt
    ? t('remaining.paused')
    : workingTimeLeftText(calendar, now, Date.parse(d.dueAt));
  return [h('dt', null, t('dossier.remaining')), h('dd', { 'data-testid': 'dossier-remaining' }, text)];
}

/** @param {TDossier} d */
function applicantCard(d) {
  const a = d.applicant;
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', null, t('dossier.applicantName')),
    h('dd', null, a.name),
    h('dt', null, t(a.kind === 'organisation' ? 'intake.taxCode' : 'intake.idNumber')),
    h('dd', null, a.idNumber ?? '—'),
    h('dt', null, t('intake.phone')),
    h('dd', null, a.phone ?? '—'),
    h('dt', null, t('intake.address')),
    h('dd', null, a.address ?? '—'),
  );
  const button = h('button', { type: 'button', class: 'btn' }, t('dossier.showPersonal'));
  const notice = h('p', { class: 'hint' }, t('dossier.personalNotice'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const full = await api(`/api/dossiers/${encodeURIComponent(d.code)}/applicant`);
      replace(
        facts,
        h('dt', null, t('dossier.applicantName')),
        h('dd', null, full.name),
        h('dt', null, t(a.kind === 'organisation' ? 'intake.taxCode' : 'intake.idNumber')),
        h('dd', null, full.idNumber ?? '—'),
        h('dt', null, t('intake.phone')),
        h('dd', null, full.phone ?? '—'),
        h('dt', null, t('intake.email')),
        h('dd', null, full.email ?? '—'),
        h('dt', null, t('intake.address')),
        h('dd', null, full.address ?? '—'),
      );
      button.remove();
      notice.textContent = t('dossier.personalLogged');
    } catch (e) {
      button.disabled = false;
      toast(errorText(e), 'error');
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-applicant' },
    h('h2', { id: 'sec-applicant' }, t('dossier.applicant')),
    facts,
    notice,
    // the server says whether this officer may read it (`abilities.readApplicant`, the route's own rule)
    d.abilities.readApplicant ? button : null,
  );
}

/**
 * The actions the server offers this officer now (`allowedActions`: the lifecycle's, less what their role or
 * commune forbids), exactly.
 * @param {TDossier} d
 * @param {HTMLElement} box the page body, re-rendered after an action
 */
function dossierActions(d, box) {
  return actionsCard({
    id: 'sec-actions',
    actions: d.allowedActions,
    emptyText: t(
      d.endedAt
        ? 'dossier.noActions'
        : d.next.step === 'assign' && !d.next.mine
          ? 'next.leaderMustAssign'
          : 'dossier.noActionsForRole',
    ),
    label: (type) => t(`action.${type}`),
    danger: DANGER,
    form: (type, cb) => dossierActionForm(d, type, cb),
    render: (updated) => render(box, updated),
  });
}

/**
 * The forms the server says can be issued for the dossier now (`documents`), exactly.
 * @param {TDossier} d
 */
function documentsCard(d) {
  const docs = documentLinks(d);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-docs' },
    h('h2', { id: 'sec-docs' }, t('dossier.documents')),
    docs.length
      ? h('ul', { class: 'doc-list' }, ...docs.map((a) => h('li', null, icon('doc'), ' ', a)))
      : h('p', { class: 'muted' }, t('dossier.noDocuments')),
  );
}

/** @param {any} d */
function timelineCard(d) {
  return timeline({
    id: 'sec-timeline',
    actions: d.actions ?? [],
    action: (type) => t(`action.${type}`),
    status: statusText,
    details: payloadDetails,
  });
}

/** @param {Record<string, any>} p */
function payloadDetails(p) {
  return stepDetails([
    Array.isArray(p.missing) &&
      p.missing.length > 0 && [
        t('act.missing'),
        h('ul', null, ...p.missing.map((m) => h('li', null, String(m)))),
      ],
    p.assignee && [t('act.assignee'), String(p.assignee)],
    p.agency && [t('act.agency'), String(p.agency)],
    ...(Array.isArray(p.transfers)
      ? p.transfers.map((x) => /** @type {const} */ ([t('dossier.forwardTo'), String(x.agency)]))
      : []),
    p.stopKind && [t('act.stopKind'), t(`stopKind.${p.stopKind}`)],
    p.reason && [
      t('act.reason'),
      p.reason === 'supplement_not_received' ? t('act.reasonAutoReturn') : String(p.reason),
    ],
    p.newDueAt && [t('act.newDue'), formatDateTime(p.newDueAt)],
    p.dueAt && typeof p.dueAt !== 'object' && [t('dossier.due'), formatDateTime(p.dueAt)],
    p.method && [t('act.deliveryMethod'), t(`delivery.${p.method}`)],
    p.note && [t('act.note'), String(p.note)],
  ]);
}
