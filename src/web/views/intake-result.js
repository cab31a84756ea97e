/**
 * What the counter sees after the decision: the dossier code, its due date, where it is forwarded, and the form
 * to print (Form 01 receipt and Form 06 control sheet, Form 02 supplement request or Form 03 refusal), as the
 * server lists them (`documents` of the dossier).
 */
import { h } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { dossierHref, link, navigate } from '../lib/router.js';
import { statusBadge } from '../lib/ui.js';
import { documentLinks } from './dossier-documents.js';

/** @param {any} d the dossier returned by POST /api/dossiers */
export function intakeResult(d) {
  const received = d.status === 'received';
  const docs = documentLinks(d); // the forms the server lists for it: 01 and 06, 02, or 03
  const transfer = d.transfers?.[0];
  return h(
    'section',
    { class: 'card result-panel', 'aria-labelledby': 'result-h' },
    h('h2', { id: 'result-h', tabindex: '-1' }, t(`intake.done.${d.status}`)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('dossier.code')),
      h('dd', null, h('strong', { class: 'code big', 'data-testid': 'dossier-code' }, d.code)),
      h('dt', null, t('dossier.status')),
      h('dd', null, statusBadge(d.status)),
      h('dt', null, t('dossier.procedure')),
      h('dd', null, d.procedure.name),
      h('dt', null, t('dossier.applicant')),
      h('dd', null, d.applicant.name),
      received ? [h('dt', null, t('dossier.received')), h('dd', null, formatDateTime(d.receivedAt))] : null,
      received
        ? [
            h('dt', null, t('dossier.due')),
            h('dd', { 'data-testid': 'dossier-due' }, h('strong', null, formatDateTime(d.dueAt))),
          ]
        : null,
      transfer
        ? [
            h('dt', null, t('dossier.forwardTo')),
            h(
              'dd',
              null,
              t('dossier.forwardBy', {
                agency: String(transfer.agency),
                by: formatDateTime(transfer.sendBy),
              }),
            ),
          ]
        : null,
    ),
    h('div', { class: 'doc-links' }, ...docs),
    h(
      'div',
      { class: 'actions-row' },
      link(dossierHref(d.code), { class: 'btn' }, t('intake.openDossier')),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          onclick: () => navigate('/tiep-nhan', { replace: true }),
        },
        t('intake.another'),
      ),
    ),
  );
}
