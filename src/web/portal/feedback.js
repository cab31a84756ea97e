/**
 * Feedback on a procedure or the service (phản ánh, kiến nghị: `/cong-dan/phan-anh?xa=25000&ma=1.004873`), lodged
 * as a petition of kind feedback; the citizen gets a tracking code, followed at `/cong-dan/phan-anh/theo-doi`
 * with the last four digits of the phone given (the status only, nothing of the person).
 */
import { ApiError, api, newKey, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link, setUrl } from '../lib/router.js';
import { clearIssues, errorText, field, formAlert, loading, showError } from '../lib/ui.js';
import { MAX } from '../../shared/limits.ts';
import { chosenCommune } from './commune.js';

/** @type {import('../lib/router.js').View} */
export async function feedbackView(main, ctx) {
  const unit = ctx.query.get('xa') ?? chosenCommune()?.code ?? '';
  const procedureCode = ctx.query.get('ma') ?? '';
  main.append(
    h('h1', null, t('portal.feedback.title')),
    h('p', { class: 'lead' }, t('portal.feedback.lead')),
  );
  if (!/^\d{5}$/.test(unit)) {
    main.append(h('p', null, link('/cong-dan', null, t('portal.feedback.chooseCommune'))));
    return;
  }
  const procedure = procedureCode
    ? await api(`/api/public/units/${unit}/procedures/${encodeURIComponent(procedureCode)}`).catch(() => null)
    : null;
  if (!ctx.alive()) return;
  const subject = field({
    path: 'subject',
    label: t('portal.feedback.subject'),
    required: true,
    maxlength: 300,
  });
  const content = field({
    path: 'content',
    label: t('portal.feedback.content'),
    required: true,
    type: 'textarea',
    rows: 5,
    maxlength: MAX.longText,
  });
  const name = field({
    path: 'petitioner.name',
    label: t('portal.submit.name'),
    required: true,
    maxlength: MAX.name,
    autocomplete: 'name',
  });
  const phone = field({
    path: 'petitioner.phone',
    label: t('portal.submit.phone'),
    required: true,
    maxlength: 12,
    inputmode: 'tel',
    autocomplete: 'tel',
    hint: t('portal.feedback.phoneHint'),
  });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formAlert(),
    procedure
      ? h('p', { 'data-testid': 'feedback-procedure' }, t('portal.feedback.about', { name: procedure.name }))
      : null,
    subject,
    content,
    name,
    phone,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('portal.feedback.send')),
  );
  main.append(
    form,
    out,
    h('p', null, link('/cong-dan/phan-anh/theo-doi', null, t('portal.feedback.trackTitle'))),
  );
  const key = newKey();
  const value = (/** @type {{control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement}} */ f) =>
    String(f.control.value).trim();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    try {
      const res = await api('/api/public/feedback', {
        method: 'POST',
        idempotencyKey: key,
        body: {
          unitCode: unit,
          ...(procedure ? { procedureCode: procedure.code } : {}),
          subject: value(subject),
          content: value(content),
          petitioner: { name: value(name), phone: value(phone) },
        },
      });
      form.remove();
      replace(
        out,
        h(
          'section',
          { class: 'card', 'data-testid': 'feedback-done' },
          h('h2', null, t('portal.feedback.done')),
          h('p', null, t('portal.feedback.code')),
          h('p', { class: 'code-box', 'data-testid': 'feedback-code' }, res.code),
          h(
            'p',
            null,
            link(
              `/cong-dan/phan-anh/theo-doi${query({ ma: res.code })}`,
              { class: 'btn' },
              t('portal.feedback.trackTitle'),
            ),
          ),
        ),
      );
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) showError(form, err);
      else replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(err)));
    }
  });
}

/** @type {import('../lib/router.js').View} */
export async function feedbackTrackView(main, ctx) {
  const code = h('input', {
    type: 'text',
    id: 'fb-code',
    value: ctx.query.get('ma') ?? '',
    maxlength: '80',
    autocomplete: 'off',
  });
  const verify = h('input', {
    type: 'text',
    id: 'fb-verify',
    inputmode: 'numeric',
    maxlength: '4',
    autocomplete: 'off',
    placeholder: '0000',
  });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', role: 'search', novalidate: true },
    h('label', { for: 'fb-code' }, t('portal.feedback.codeLabel')),
    code,
    h('label', { for: 'fb-verify' }, t('lookup.verify')),
    h(
      'div',
      { class: 'search' },
      verify,
      h('button', { type: 'submit', class: 'btn btn-primary' }, t('lookup.submit')),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = String(/** @type {HTMLInputElement} */ (code).value).trim();
    const digits = String(/** @type {HTMLInputElement} */ (verify).value).trim();
    if (!c || !/^\d{4}$/.test(digits)) {
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, t('lookup.verifyInvalid')));
      return;
    }
    setUrl(`/cong-dan/phan-anh/theo-doi${query({ ma: c })}`);
    replace(out, loading());
    try {
      const f = await api(`/api/public/feedback/${encodeURIComponent(c)}${query({ verify: digits })}`);
      replace(
        out,
        h(
          'section',
          { class: 'card' },
          h('h2', null, f.code),
          h(
            'dl',
            { class: 'facts' },
            h('dt', null, t('dossier.status')),
            h('dd', { 'data-testid': 'feedback-status' }, t(`portal.feedback.status.${f.status}`)),
            h('dt', null, t('portal.feedback.receivedAt')),
            h('dd', null, formatDateTime(f.receivedAt)),
            h('dt', null, t('portal.feedback.respondBy')),
            h('dd', null, formatDateTime(f.respondBy)),
            f.endedAt
              ? [h('dt', null, t('portal.feedback.endedAt')), h('dd', null, formatDateTime(f.endedAt))]
              : null,
          ),
        ),
      );
    } catch (err) {
      replace(
        out,
        h(
          'p',
          { class: 'alert alert-info', role: 'alert' },
          err instanceof ApiError && err.code === 'NOT_FOUND' ? t('lookup.notFound') : errorText(err),
        ),
      );
    }
  });
  main.append(h('h1', null, t('portal.feedback.trackTitle')), form, out);
  (ctx.query.get('ma') ? verify : code).focus();
}
