/* global HTMLInputElement */
/**
 * The lookup on the citizens' pages (`/cong-dan/tra-cuu?code=…`): the same contract as the officers' app's public
 * lookup (code + the last four digits of the phone, the name masked), and, once the result was delivered, the
 * signed electronic result's download (docs/ELECTRONIC-RESULTS.md) and the satisfaction rating (1-5 and a comment,
 * once per dossier; Decision 766 indicator 5.4). The digits never go into the address bar.
 */
import { ApiError, api, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { setUrl } from '../lib/router.js';
import { errorText, loading } from '../lib/ui.js';
import { RATING } from '../../shared/limits.ts';
import { electronicResultPanel, publicDossierCard as result } from '../views/lookup-result.js';

/** @type {import('../lib/router.js').View} */
export async function portalLookupView(main, ctx) {
  const code = h('input', {
    type: 'text',
    id: 'lookup-code',
    value: ctx.query.get('code') ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '64',
    placeholder: '000.00.68.25000-261129-0001',
  });
  const verify = h('input', {
    type: 'text',
    id: 'lookup-verify',
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
    code,
    h('label', { for: 'lookup-verify' }, t('lookup.verify')),
    h(
      'div',
      { class: 'search' },
      verify,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('lookup.submit')),
    ),
    h('p', { class: 'hint', id: 'lookup-verify-hint' }, t('lookup.verifyHint')),
  );
  /** @param {string} text */
  const notice = (text) => replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, text));

  async function run() {
    const c = String(/** @type {HTMLInputElement} */ (code).value).trim();
    const digits = String(/** @type {HTMLInputElement} */ (verify).value).trim();
    if (!c) return code.focus();
    if (!/^[0-9]{4}$/.test(digits)) {
      notice(t('lookup.verifyInvalid'));
      return verify.focus();
    }
    setUrl(`/cong-dan/tra-cuu${query({ code: c })}`);
    replace(out, loading());
    try {
      const d = await api(`/api/public/dossiers/${encodeURIComponent(c)}${query({ verify: digits })}`);
      replace(
        out,
        result(d),
        // a delivered dossier: its signed electronic result (with a one-time code), and the rating once
        d.electronicResult ? electronicResultPanel(d.code, digits) : null,
        d.canRate ? ratingForm(d.code, digits) : null,
      );
    } catch (e) {
      notice(
        e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')
          ? t('lookup.notFound')
          : errorText(e),
      );
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  main.append(h('h1', null, t('lookup.title')), h('p', { class: 'lead' }, t('lookup.lead')), form, out);
  (ctx.query.get('code') ? verify : code).focus();
}

/**
 * 1 to 5 as radio buttons (keyboard: arrows), an optional comment, sent once.
 * @param {string} code
 * @param {string} digits
 */
function ratingForm(code, digits) {
  const levels = [1, 2, 3, 4, 5];
  const comment = h('textarea', { id: 'rating-comment', rows: 3, maxlength: String(RATING.comment) });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', 'data-testid': 'rating-form', novalidate: true },
    h('h2', null, t('portal.rating.title')),
    h(
      'fieldset',
      { class: 'stars' },
      h('legend', null, t('portal.rating.legend')),
      ...levels.map((n) =>
        h(
          'label',
          null,
          h('input', { type: 'radio', name: 'rating', value: String(n) }),
          h('span', null, ` ${n} `),
          h('span', { class: 'visually-hidden' }, t(`portal.rating.level${n}`)),
        ),
      ),
    ),
    h('label', { for: 'rating-comment' }, t('portal.rating.comment')),
    comment,
    h('p', null, h('button', { type: 'submit', class: 'btn btn-primary' }, t('portal.rating.send'))),
    out,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const picked = form.querySelector('input[name=rating]:checked');
    if (!(picked instanceof HTMLInputElement)) {
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, t('portal.rating.pick')));
      return;
    }
    const text = String(/** @type {HTMLTextAreaElement} */ (comment).value).trim();
    try {
      await api(`/api/public/dossiers/${encodeURIComponent(code)}/rating`, {
        method: 'POST',
        body: { verify: digits, rating: Number(picked.value), ...(text ? { comment: text } : {}) },
      });
      replace(
        form,
        h(
          'p',
          { class: 'alert alert-success', role: 'status', 'data-testid': 'rating-done' },
          t('portal.rating.thanks'),
        ),
      );
    } catch (err) {
      replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(err)));
    }
  });
  return form;
}
