/* global FileReader, HTMLInputElement */
/**
 * Signing certificates (docs/SIGNING.md, issue 13 item 2): the system administrator, or a province supervisor for
 * the province's communes, uploads a unit's or a leader's PKCS#12 (.p12/.pfx) and its password; the server seals
 * the key (the file and the password are not kept) and the new certificate replaces the active one. The list shows
 * every certificate with its validity, the active ones first. Tokens and remote services are configured in
 * MOTCUA_SIGNERS_FILE, not here.
 */
import { api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDate } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { session } from '../lib/session.js';
import {
  clearIssues,
  errorText,
  field,
  formAlert,
  loading,
  setFieldError,
  showError,
  toast,
} from '../lib/ui.js';

/**
 * @typedef {{id: string, kind: string, unitCode: string, username: string | null, subject: string, issuer: string,
 *   notBefore: string, notAfter: string, active: boolean, createdAt: string}} Certificate
 */

/** The file's bytes in base64 (the API's `p12`). @param {File} file @returns {Promise<string>} */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** @type {import('../lib/router.js').View} */
export async function signingView(main, ctx) {
  main.append(h('h1', null, t('signing.title')), h('p', { class: 'hint' }, t('signing.intro')));
  const list = h('div', null, loading());

  const file = field({ label: t('signing.file'), path: 'p12', type: 'file', required: true });
  file.control.setAttribute('accept', '.p12,.pfx,application/x-pkcs12');
  const password = field({
    label: t('signing.password'),
    path: 'password',
    type: 'password',
    maxlength: 200,
  });
  password.control.setAttribute('autocomplete', 'off');
  const unitCode = field({
    label: t('signing.unit'),
    path: 'unitCode',
    required: true,
    inputmode: 'numeric',
    maxlength: 5,
    hint: t('signing.unitHint'),
  });
  const username = field({
    label: t('signing.username'),
    path: 'username',
    maxlength: 64,
    hint: t('signing.usernameHint'),
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('signing.upload'));
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'signing-upload-h' },
    h('h2', { id: 'signing-upload-h' }, t('signing.uploadTitle')),
    formAlert(),
    h('div', { class: 'grid-2' }, file, password, unitCode, username),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    const chosen = file.control instanceof HTMLInputElement ? file.control.files?.[0] : undefined;
    if (!chosen) return setFieldError(file, t('signing.fileRequired'));
    if (!/^\d{5}$/.test(unitCode.control.value.trim())) return setFieldError(unitCode, t('signing.unitRule'));
    submit.setAttribute('disabled', '');
    try {
      const body = {
        p12: await base64Of(chosen),
        password: password.control.value,
        unitCode: unitCode.control.value.trim(),
        ...(username.control.value.trim() ? { username: username.control.value.trim() } : {}),
      };
      /** @type {Certificate} */
      const saved = await api('/api/signing/certificates', { method: 'POST', body });
      if (!ctx.alive()) return;
      toast(t('signing.saved', { subject: saved.subject }));
      form.reset();
      password.control.value = '';
      await load();
    } catch (err) {
      showError(form, err);
    } finally {
      submit.removeAttribute('disabled');
    }
  });
  main.append(form, h('h2', null, t('signing.listTitle')), list);

  async function load() {
    try {
      /** @type {{items: Certificate[]}} */
      const res = await api('/api/signing/certificates');
      if (!ctx.alive()) return;
      replace(list, res.items.length ? table(res.items) : h('p', { class: 'hint' }, t('signing.none')));
    } catch (err) {
      replace(list, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(err)));
    }
  }
  if (session.unit && /^\d{5}$/.test(session.unit.code)) unitCode.control.value = session.unit.code;
  await load();
}

/** @param {Certificate[]} items */
function table(items) {
  const sorted = [...items].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.unitCode.localeCompare(b.unitCode),
  );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ...[
            'signing.col.unit',
            'signing.col.owner',
            'signing.col.subject',
            'signing.col.issuer',
            'signing.col.valid',
            'signing.col.state',
          ].map((k) => h('th', { scope: 'col' }, t(k))),
        ),
      ),
      h(
        'tbody',
        null,
        ...sorted.map((c) =>
          h(
            'tr',
            { 'data-certificate': c.id },
            h('td', null, c.unitCode),
            h('td', null, c.username ?? t('signing.ownerUnit')),
            h('td', null, c.subject),
            h('td', null, c.issuer),
            h('td', null, `${formatDate(c.notBefore)} – ${formatDate(c.notAfter)}`),
            h(
              'td',
              null,
              h(
                'span',
                { class: `badge ${c.active ? 'badge-green' : 'badge-muted'}` },
                t(c.active ? 'signing.active' : 'signing.replaced'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
