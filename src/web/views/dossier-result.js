/**
 * The dossier's result document (GET/POST /api/dossiers/:code/result, GET …/result.pdf): what state it is in
 * (none, a draft, signed, approved without a signature), its versions, the download (the signed file, or the draft
 * marked as such), and the upload of a draft when the server says this officer may (`abilities.upload`: the
 * assigned specialist or the leader, while the dossier is processed). docs/ELECTRONIC-RESULTS.md.
 */
import { ApiError, api, upload } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { num, t } from '../lib/i18n.js';
import {
  clearIssues,
  docLink,
  errorText,
  field,
  loading,
  notAvailable,
  setFieldError,
  toast,
} from '../lib/ui.js';
import { fileSize } from './dossier-attachments.js';

/**
 * @typedef {{id: string, version: number, signed: boolean, sha256: string, size: number,
 *   uploadedBy: string | null, uploadedAt: string, signer: string | null, signedAt: string | null,
 *   downloads: number, firstDownloadedAt: string | null}} ResultVersion
 * @typedef {{state: 'none' | 'draft' | 'signed' | 'unsigned', versions: ResultVersion[], maxBytes: number,
 *   abilities: {upload: boolean}}} DossierResult
 */

/** @param {{code: string}} d the dossier */
export function resultCard(d) {
  const base = `/api/dossiers/${encodeURIComponent(d.code)}/result`;
  const body = h('div', { class: 'result-body' }, loading());
  const card = h(
    'section',
    { class: 'card dossier-result', 'aria-labelledby': 'sec-result', 'data-testid': 'dossier-result' },
    h('h2', { id: 'sec-result' }, t('result.title')),
    body,
  );

  async function load() {
    try {
      const res = /** @type {DossierResult} */ (await api(base));
      replace(body, stateLine(res), versionsList(res), downloadLine(d, res));
      if (res.abilities.upload) body.append(uploadForm(base, res, load));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.code === 'NOT_FOUND')) card.remove();
      else if (e instanceof ApiError && e.isMissingRoute) replace(body, notAvailable());
      else replace(body, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
    }
  }
  void load();
  return card;
}

/** @param {DossierResult} res */
function stateLine(res) {
  const signed = [...res.versions].reverse().find((v) => v.signed);
  const kind = { none: 'info', draft: 'info', signed: 'success', unsigned: 'warning' }[res.state];
  const text = signed
    ? t('result.state.signed', { signer: signed.signer ?? '—', at: formatDateTime(signed.signedAt) })
    : t(`result.state.${res.state}`);
  return h(
    'p',
    { class: `alert alert-${kind}`, 'data-testid': 'result-state', 'data-state': res.state },
    text,
  );
}

/** @param {DossierResult} res */
function versionsList(res) {
  if (!res.versions.length) return null;
  return h(
    'ol',
    { class: 'result-versions' },
    ...res.versions.map((v) =>
      h(
        'li',
        null,
        v.signed
          ? t('result.version.signed', { n: num(v.version), at: formatDateTime(v.signedAt) })
          : t('result.version.draft', {
              n: num(v.version),
              by: v.uploadedBy ?? '—',
              at: formatDateTime(v.uploadedAt),
            }),
        ` (${fileSize(v.size)})`,
        v.signed && v.downloads
          ? h('span', { class: 'muted' }, ' — ', t('result.downloads', { n: num(v.downloads) }))
          : null,
      ),
    ),
  );
}

/**
 * @param {{code: string}} d
 * @param {DossierResult} res
 */
function downloadLine(d, res) {
  if (!res.versions.length) return null;
  const signed = res.versions.some((v) => v.signed);
  const name = `${signed ? 'ket-qua' : 'du-thao'}-${d.code}.pdf`;
  return h(
    'p',
    null,
    docLink(
      `/api/dossiers/${encodeURIComponent(d.code)}/result.pdf`,
      t(signed ? 'result.download.signed' : 'result.download.draft'),
      name,
      { save: true, icon: icon('doc') },
    ),
  );
}

/**
 * @param {string} base
 * @param {DossierResult} res
 * @param {() => Promise<void>} reload
 */
function uploadForm(base, res, reload) {
  const mb = num(res.maxBytes / 1_048_576);
  const file = field({
    label: res.versions.length ? t('result.replace') : t('result.file'),
    path: 'file',
    type: 'file',
    required: true,
    hint: t('result.fileHint', { mb }),
  });
  const input = /** @type {HTMLInputElement} */ (file.control);
  input.setAttribute('accept', '.pdf,application/pdf');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('result.upload'));
  const form = h(
    'form',
    { class: 'card-inset result-upload', novalidate: true, 'aria-label': t('result.uploadTitle') },
    file,
    h('div', { class: 'actions-row' }, submit),
  );
  /** @param {string} message */
  const fail = (message) => {
    setFieldError(file, message);
    input.focus();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    clearIssues(form);
    const f = input.files?.[0];
    const label = t('result.file');
    if (!f) return fail(t('attachments.err.noFile', { field: label }));
    if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf')
      return fail(t('result.err.type', { name: f.name }));
    if (f.size > res.maxBytes)
      return fail(t('attachments.err.tooLarge', { field: label, name: f.name, size: fileSize(f.size), mb }));
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      await upload(base, f, { contentType: 'application/pdf' });
      toast(t('result.uploaded', { name: f.name }), 'success');
      await reload();
    } catch (err) {
      const reason =
        err instanceof ApiError && err.issues.length
          ? err.issues.map((i) => i.message).join('; ')
          : errorText(err);
      fail(t('attachments.err.failed', { name: f.name, reason }));
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}
