/**
 * Public lookup for citizens (no sign-in): the dossier code printed on the receipt and the last four digits of the
 * applicant's phone number (of the ID number when there is none) give the progress and the name masked as
 * "Nguyễn T*** H***" — never any other personal data. The digits never go into the address bar.
 */
import { ApiError, api, query } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { setUrl } from '../lib/router.js';
import { errorText, loading } from '../lib/ui.js';
import { electronicResultPanel, publicDossierCard as result } from './lookup-result.js';

/** @type {import('../lib/router.js').View} */
export async function lookupView(main, ctx) {
  const input = h('input', {
    type: 'text',
    id: 'lookup-code',
    name: 'code',
    value: ctx.query.get('code') ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: '000.00.68.25000-261129-0001',
    'aria-describedby': 'lookup-hint',
  });
  const verify = h('input', {
    type: 'text',
    id: 'lookup-verify',
    name: 'verify',
    inputmode: 'numeric',
    maxlength: '4',
    pattern: '[0-9]{4}',
    autocomplete: 'off',
    placeholder: '0000',
    'aria-describedby': 'lookup-verify-hint',
  });
  const out = h('div', { class: 'lookup-out', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card lookup-form', role: 'search', novalidate: true },
    h('label', { for: 'lookup-code' }, t('lookup.code')),
    input,
    h('p', { class: 'hint', id: 'lookup-hint' }, t('lookup.hint')),
    h('label', { for: 'lookup-verify' }, t('lookup.verify')),
    h(
      'div',
      { class: 'search' },
      verify,
      h('button', { type: 'submit', class: 'btn btn-primary' }, icon('search'), ' ', t('lookup.submit')),
    ),
    h('p', { class: 'hint', id: 'lookup-verify-hint' }, t('lookup.verifyHint')),
  );

  /** @param {string} text */
  const notice = (text) => replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, text));

  async function run() {
    const code = String(/** @type {HTMLInputElement} */ (input).value).trim();
    const digits = String(/** @type {HTMLInputElement} */ (verify).value).trim();
    if (!code) {
      // nothing typed: no earlier answer stays on screen as if it were this one's
      replace(out);
      input.focus();
      return;
    }
    if (!/^[0-9]{4}$/.test(digits)) {
      notice(t('lookup.verifyInvalid'));
      verify.focus();
      return;
    }
    setUrl(`/tra-cuu${query({ code })}`);
    replace(out, loading());
    try {
      const d = await api(`/api/public/dossiers/${encodeURIComponent(code)}${query({ verify: digits })}`);
      // a delivered dossier with a signed electronic result offers its download (with a one-time code)
      replace(out, result(d), d.electronicResult ? electronicResultPanel(d.code, digits) : null);
    } catch (e) {
      const msg =
        e instanceof ApiError && e.isMissingRoute
          ? t('lookup.notAvailable')
          : e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')
            ? t('lookup.notFound')
            : errorText(e);
      notice(msg);
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  main.append(h('h1', null, t('lookup.title')), h('p', { class: 'lead' }, t('lookup.lead')), form, out);
  // A link with the code fills it in; the digits are always typed.
  (ctx.query.get('code') ? verify : input).focus();
}
