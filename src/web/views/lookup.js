/**
 * Public lookup for citizens (no sign-in): the dossier code printed on the receipt gives the progress only —
 * never any personal data.
 */
import { ApiError, api, query } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { setUrl } from '../lib/router.js';
import { errorText, loading } from '../lib/ui.js';

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
  const out = h('div', { class: 'lookup-out', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card lookup-form', role: 'search' },
    h('label', { for: 'lookup-code' }, t('lookup.code')),
    h(
      'div',
      { class: 'search' },
      input,
      h('button', { type: 'submit', class: 'btn btn-primary' }, icon('search'), ' ', t('lookup.submit')),
    ),
    h('p', { class: 'hint', id: 'lookup-hint' }, t('lookup.hint')),
  );

  async function run() {
    const code = String(/** @type {HTMLInputElement} */ (input).value).trim();
    if (!code) {
      // nothing typed: no earlier answer stays on screen as if it were this one's
      replace(out);
      input.focus();
      return;
    }
    setUrl(`/tra-cuu${query({ code })}`);
    replace(out, loading());
    try {
      const d = await api(`/api/public/dossiers/${encodeURIComponent(code)}`);
      replace(out, result(d));
    } catch (e) {
      const msg =
        e instanceof ApiError && e.isMissingRoute
          ? t('lookup.notAvailable')
          : e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')
            ? t('lookup.notFound')
            : errorText(e);
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, msg));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  main.append(h('h1', null, t('lookup.title')), h('p', { class: 'lead' }, t('lookup.lead')), form, out);
  if (ctx.query.get('code')) await run();
  else input.focus();
}

/** @param {any} d */
function result(d) {
  const ended = d.endedAt && !d.resultReady;
  return h(
    'section',
    { class: 'card lookup-result', 'aria-labelledby': 'lookup-res-h' },
    h('h2', { id: 'lookup-res-h' }, d.code),
    h(
      'dl',
      { class: 'facts' },
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
