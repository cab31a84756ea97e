/* global document, setTimeout */
/**
 * "Tải kết quả điện tử" on the public lookup of a delivered dossier (docs/ELECTRONIC-RESULTS.md): the citizen asks
 * for a one-time code (sent to the applicant's phone and email), types it, and the signed result downloads. The
 * verification digits typed for the lookup go with each call; nothing is kept in the address bar.
 */
import { ApiError, api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { errorText } from '../lib/ui.js';

/**
 * @param {string} code the dossier code
 * @param {string} digits the verification digits
 */
export function electronicResultPanel(code, digits) {
  const base = `/api/public/dossiers/${encodeURIComponent(code)}`;
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'eresult-status' });
  const ask = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'eresult-ask' },
    t('eresult.ask'),
  );
  const otp = h('input', {
    type: 'text',
    id: 'eresult-code',
    name: 'code',
    inputmode: 'numeric',
    maxlength: '6',
    pattern: '[0-9]{6}',
    autocomplete: 'one-time-code',
    'aria-describedby': 'eresult-code-hint',
  });
  const get = h('button', { type: 'submit', class: 'btn btn-primary' }, t('eresult.download'));
  const form = h(
    'form',
    { class: 'eresult-form', novalidate: true, hidden: true },
    h('label', { for: 'eresult-code' }, t('eresult.code')),
    h('div', { class: 'search' }, otp, get),
    h('p', { class: 'hint', id: 'eresult-code-hint' }, t('eresult.codeHint')),
  );
  /** @param {string} text @param {string} [kind] */
  const say = (text, kind = 'info') =>
    replace(
      status,
      h('p', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text),
    );
  /** @param {unknown} e */
  const reasonOf = (e) =>
    e instanceof ApiError && e.issues.length ? e.issues.map((i) => i.message).join('; ') : errorText(e);

  ask.addEventListener('click', async () => {
    ask.disabled = true;
    try {
      const r = await api(`${base}/result-code`, { method: 'POST', body: { verify: digits } });
      say(t('eresult.sent', { to: r.sentTo.join(', '), until: formatDateTime(r.expiresAt) }), 'success');
      form.hidden = false;
      ask.textContent = t('eresult.askAgain');
      otp.focus();
    } catch (e) {
      say(reasonOf(e), 'error');
    } finally {
      ask.disabled = false;
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = String(/** @type {HTMLInputElement} */ (otp).value).trim();
    if (!/^[0-9]{6}$/.test(value)) {
      say(t('eresult.codeInvalid'), 'error');
      otp.focus();
      return;
    }
    get.disabled = true;
    try {
      const blob = await api(`${base}/result.pdf`, {
        method: 'POST',
        body: { verify: digits, code: value },
        blob: true,
      });
      save(blob, `ket-qua-${code}.pdf`);
      say(t('eresult.done'), 'success');
      form.hidden = true;
    } catch (err) {
      say(reasonOf(err), 'error');
      otp.focus();
    } finally {
      get.disabled = false;
    }
  });

  return h(
    'section',
    { class: 'card eresult', 'aria-labelledby': 'eresult-h', 'data-testid': 'eresult' },
    h('h2', { id: 'eresult-h' }, t('eresult.title')),
    h('p', null, t('eresult.lead')),
    ask,
    status,
    form,
  );
}

/**
 * Saves a downloaded file under a name.
 * @param {Blob} blob
 * @param {string} name
 */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A dossier as the public lookup shows it (the officers' app's /tra-cuu and the citizens' /cong-dan/tra-cuu): code,
 * masked name, procedure, status, received, due, ended, and a note when the result is ready.
 * @param {any} d the public lookup's answer
 */
export function publicDossierCard(d) {
  const ended = d.endedAt && !d.resultReady;
  return h(
    'section',
    { class: 'card lookup-result', 'aria-labelledby': 'lookup-res-h' },
    h('h2', { id: 'lookup-res-h' }, d.code),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('lookup.applicant')),
      h('dd', { 'data-testid': 'lookup-name' }, d.applicantName),
      h('dt', null, t('dossier.procedure')),
      h('dd', null, d.procedureName),
      h('dt', null, t('dossier.status')),
      h(
        'dd',
        { 'data-testid': 'lookup-status' },
        h('span', { class: `badge status status-${d.status}` }, t(`publicStatus.${d.status}`)),
      ),
      h('dt', null, t('dossier.received')),
      h('dd', null, formatDateTime(d.receivedAt) || '—'),
      d.dueAt ? [h('dt', null, t('lookup.due')), h('dd', null, formatDateTime(d.dueAt))] : null,
      ended ? [h('dt', null, t('dossier.ended')), h('dd', null, formatDateTime(d.endedAt))] : null,
    ),
    d.resultReady ? h('p', { class: 'alert alert-success' }, t('lookup.resultReady')) : null,
  );
}
