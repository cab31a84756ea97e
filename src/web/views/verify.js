/**
 * The public verification page (/xac-thuc, no sign-in; docs/ELECTRONIC-RESULTS.md). A citizen uploads a PDF and
 * learns whether its signature is valid, who signed it and when, whether the certificate is trusted, whether the
 * file was changed after signing, and whether it is the result this centre issued. Arriving from the QR of a signed
 * result (`?ma=<dossier code>&kq=<result id>`), the page first says whether that result exists and who signed it,
 * then invites the upload to compare the paper's file with it.
 */
import { ApiError, api, upload } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { errorText, loading } from '../lib/ui.js';

const MAX_BYTES = 10 * 1_048_576;

/** @type {import('../lib/router.js').View} */
export async function verifyView(main, ctx) {
  const code = ctx.query.get('ma') ?? '';
  const resultId = ctx.query.get('kq') ?? '';
  const known = h('div', { 'aria-live': 'polite', 'data-testid': 'verify-known' });
  const out = h('div', { class: 'verify-out', 'aria-live': 'polite', 'data-testid': 'verify-out' });
  const input = h('input', { type: 'file', id: 'verify-file', name: 'file', accept: '.pdf,application/pdf' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('verify.submit'));
  const form = h(
    'form',
    { class: 'card verify-form', novalidate: true, 'aria-labelledby': 'verify-form-h' },
    h('h2', { id: 'verify-form-h' }, t('verify.uploadTitle')),
    h('label', { for: 'verify-file' }, t('verify.file')),
    input,
    h('p', { class: 'hint' }, t('verify.fileHint')),
    h('div', { class: 'actions-row' }, submit),
  );
  main.append(
    h('h1', null, t('verify.title')),
    h('p', { class: 'lead' }, t('verify.lead')),
    known,
    form,
    out,
  );

  if (code && resultId) {
    replace(known, loading());
    try {
      const r = await api(`/api/public/results/${encodeURIComponent(code)}/${encodeURIComponent(resultId)}`);
      replace(
        known,
        r.found
          ? h(
              'section',
              { class: 'card alert alert-success', 'data-found': 'true' },
              h('p', null, t('verify.qr.found', { code: r.dossierCode })),
              h(
                'p',
                null,
                t('verify.qr.signer', { signer: r.signer ?? '—', at: formatDateTime(r.signedAt) }),
              ),
              h('p', null, t('verify.qr.compare')),
            )
          : h(
              'p',
              { class: 'alert alert-error', role: 'alert', 'data-found': 'false' },
              t('verify.qr.notFound', { code }),
            ),
      );
    } catch (e) {
      replace(known, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = /** @type {HTMLInputElement} */ (input).files?.[0];
    if (!f) {
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, t('verify.noFile')));
      input.focus();
      return;
    }
    if (f.size > MAX_BYTES) {
      replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, t('verify.tooLarge')));
      return;
    }
    submit.disabled = true;
    replace(out, loading());
    try {
      const v = await upload('/api/public/verify', f, { contentType: 'application/pdf' });
      replace(out, answer(v, resultId));
    } catch (err) {
      const msg =
        err instanceof ApiError && err.issues.length
          ? err.issues.map((i) => i.message).join('; ')
          : errorText(err);
      replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, msg));
    } finally {
      submit.disabled = false;
    }
  });
}

/**
 * @param {any} v the server's verification
 * @param {string} expectedResult the result id of the QR, when the page was opened from one
 */
function answer(v, expectedResult) {
  const good = v.valid && !v.modified;
  const verdict = good
    ? v.issuedByCentre
      ? t('verify.verdict.issued')
      : t('verify.verdict.valid')
    : v.modified
      ? t('verify.verdict.modified')
      : t('verify.verdict.invalid');
  const otherResult = expectedResult && v.resultId && v.resultId !== expectedResult;
  /** @param {boolean} ok */
  const yesNo = (ok) =>
    h('span', { class: `badge ${ok ? 'badge-ok' : 'badge-bad'}` }, t(ok ? 'verify.yes' : 'verify.no'));
  return h(
    'section',
    { class: 'card verify-answer', 'aria-labelledby': 'verify-ans-h', 'data-valid': String(good) },
    h('h2', { id: 'verify-ans-h' }, t('verify.answerTitle')),
    h(
      'p',
      {
        class: `alert ${good ? 'alert-success' : 'alert-error'}`,
        role: 'status',
        'data-testid': 'verify-verdict',
      },
      verdict,
    ),
    otherResult ? h('p', { class: 'alert alert-warning' }, t('verify.otherResult')) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('verify.valid')),
      h('dd', null, yesNo(v.valid)),
      h('dt', null, t('verify.unchanged')),
      h('dd', null, yesNo(!v.modified)),
      h('dt', null, t('verify.trusted')),
      h('dd', null, yesNo(v.trusted)),
      h('dt', null, t('verify.issued')),
      h('dd', null, yesNo(v.issuedByCentre)),
      h('dt', null, t('verify.signer')),
      h('dd', { 'data-testid': 'verify-signer' }, v.signer ?? '—'),
      h('dt', null, t('verify.unit')),
      h('dd', null, v.unit ?? '—'),
      h('dt', null, t('verify.signedAt')),
      h('dd', null, v.signedAt ? formatDateTime(v.signedAt) : '—'),
      h('dt', null, t('verify.dossier')),
      h('dd', null, v.dossierCode ?? '—'),
    ),
    v.reason && !good ? h('p', { class: 'hint' }, t('verify.reason', { reason: v.reason })) : null,
  );
}
