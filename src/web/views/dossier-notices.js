/**
 * The notices sent to the applicant about this dossier (`notices` of GET /api/dossiers/:code): when, what, on
 * which channel, to whom (masked by the server) and whether it went out.
 */
import { h } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';

/** @typedef {NonNullable<import('../../server/dossiers/dossier.schemas.ts').TDossier['notices']>[number]} DossierNotice */

/** @param {{ notices?: DossierNotice[] }} d */
export function noticesCard(d) {
  const notices = d.notices ?? [];
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-notices' },
    h('h2', { id: 'sec-notices' }, t('notify.notices')),
    notices.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'table notices-table' },
            h('caption', { class: 'visually-hidden' }, t('notify.notices')),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                ...['at', 'kind', 'channel', 'recipient', 'status'].map((c) =>
                  h('th', { scope: 'col' }, t(`notify.col.${c}`)),
                ),
              ),
            ),
            h(
              'tbody',
              null,
              ...notices.map((n) =>
                h(
                  'tr',
                  null,
                  h('td', { class: 'nowrap' }, formatDateTime(n.sentAt ?? n.createdAt)),
                  h('td', { title: n.body }, t(`notify.applicantKind.${n.kind}`)),
                  h('td', null, t(`notify.channel.${n.channel}`)),
                  h('td', null, n.recipient ?? '—'),
                  h(
                    'td',
                    { title: n.lastError ?? '' },
                    t(`notify.status.${n.status}`),
                    n.lastError ? ` (${n.lastError})` : '',
                  ),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('notify.noNotices')),
  );
}
