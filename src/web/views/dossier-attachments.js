/* global URLSearchParams */
/**
 * The dossier's scanned components (GET/POST /api/dossiers/:code/attachments): the list with a download link
 * for each (every download is written to the audit log), and an upload form when the server says the officer may
 * upload to this dossier (`abilities.attach`). The browser checks the type and the size against the
 * server's limit (`maxBytes` of the list); the server checks the type by content and the size again.
 */
import { ApiError, api, upload } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { formatDateTime, percent } from '../lib/format.js';
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

const MEDIA_TYPES = /** @type {Record<string, string>} */ ({
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
});
const TYPE_LABELS = /** @type {Record<string, string>} */ ({
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
});
const OTHER = '__other';
const MB = 1_048_576;

/**
 * @typedef {{id: string, component: string, fileName: string, mediaType: string, size: number,
 *   sha256: string, uploadedAt: string, uploadedBy: string | null}} Attachment
 * @typedef {{items: Attachment[], maxBytes: number}} AttachmentList the list, and the largest file the server
 *   takes (MOTCUA_MAX_UPLOAD_MB)
 */

/** @type {Map<string, Promise<string[]>>} */
const componentCache = new Map();

/**
 * The component names of a procedure (empty when the catalog cannot be read: "other" still works).
 * @param {string} procedureCode
 */
function procedureComponents(procedureCode) {
  let names = componentCache.get(procedureCode);
  if (!names) {
    names = api(`/api/procedures/${encodeURIComponent(procedureCode)}`)
      .then((p) => [...new Set(/** @type {{name: string}[]} */ (p.components ?? []).map((c) => c.name))])
      .catch(() => {
        componentCache.delete(procedureCode);
        return [];
      });
    componentCache.set(procedureCode, names);
  }
  return names;
}

/**
 * The panel "Thành phần hồ sơ đã số hóa"; it removes itself when the server refuses the list to this role.
 * @param {import('../../server/dossiers/dossier.schemas.ts').TDossier} d the dossier
 */
export function attachmentsCard(d) {
  const base = `/api/dossiers/${encodeURIComponent(d.code)}/attachments`;
  const list = h('div', { class: 'attachments-list' }, loading());
  const card = h(
    'section',
    { class: 'card attachments', 'aria-labelledby': 'sec-attachments', 'data-testid': 'attachments' },
    h('h2', { id: 'sec-attachments' }, t('attachments.title')),
    list,
    h('p', { class: 'hint' }, t('attachments.auditNote')),
  );

  /** Draws the list; null when it could not be read. @returns {Promise<AttachmentList | null>} */
  async function load() {
    try {
      const res = /** @type {AttachmentList} */ (await api(base));
      replace(list, attachmentTable(base, res.items));
      return res;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.code === 'NOT_FOUND')) card.remove();
      else if (e instanceof ApiError && e.isMissingRoute) replace(list, notAvailable());
      else replace(list, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
      return null;
    }
  }

  void load().then((res) => {
    // the server says whether this officer may upload here (`abilities.attach`, the upload route's own rule)
    if (res && d.abilities.attach) card.append(uploadForm(d, base, res.maxBytes, load));
  });
  return card;
}

/**
 * @param {string} base
 * @param {Attachment[]} items
 */
function attachmentTable(base, items) {
  if (!items.length) return h('p', { class: 'muted' }, t('attachments.empty'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table attachments-table' },
      h('caption', { class: 'visually-hidden' }, t('attachments.title')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ...['component', 'file', 'size', 'type', 'uploadedAt', 'uploadedBy', 'sha256'].map((c) =>
            h('th', { scope: 'col' }, t(`attachments.col.${c}`)),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        ...items.map((a) =>
          h(
            'tr',
            { 'data-id': a.id },
            h('td', null, a.component),
            h('td', null, downloadLink(`${base}/${encodeURIComponent(a.id)}`, a.fileName)),
            h('td', { class: 'nowrap' }, fileSize(a.size)),
            h('td', null, TYPE_LABELS[a.mediaType] ?? a.mediaType),
            h('td', { class: 'nowrap' }, formatDateTime(a.uploadedAt)),
            h('td', null, a.uploadedBy ?? '—'),
            h(
              'td',
              null,
              h(
                'code',
                { class: 'code sha', title: a.sha256, 'aria-label': `SHA-256 ${a.sha256}` },
                `${a.sha256.slice(0, 12)}…`,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** @param {number} bytes */
export function fileSize(bytes) {
  const round = (/** @type {number} */ x) => (x < 10 ? Math.round(x * 10) / 10 : Math.round(x));
  if (bytes < MB) return t('attachments.kb', { n: num(Math.max(0.1, round(bytes / 1024))) });
  return t('attachments.mb', { n: num(round(bytes / MB)) });
}

/**
 * A link that fetches the file (so a failure gives a message, not a raw error page) and saves it under its
 * name. Middle click opens the URL itself, which the server also sends as a download.
 * @param {string} url
 * @param {string} fileName
 */
function downloadLink(url, fileName) {
  return docLink(url, fileName, fileName, {
    save: true,
    icon: icon('doc'),
    failure: (err) => t('attachments.downloadFailed', { name: fileName, reason: errorText(err) }),
  });
}

/**
 * The upload form: component (from the procedure, or "other" typed in), file, and a progress bar.
 * @param {any} d
 * @param {string} base
 * @param {number} maxBytes the server's limit
 * @param {() => Promise<unknown>} reload
 */
function uploadForm(d, base, maxBytes, reload) {
  const mb = num(maxBytes / MB);
  const component = field({
    label: t('attachments.component'),
    path: 'component',
    type: 'select',
    required: true,
    options: [
      ['', t('attachments.chooseComponent')],
      [OTHER, t('attachments.other')],
    ],
  });
  const other = field({
    label: t('attachments.otherName'),
    path: 'componentOther',
    required: true,
    maxlength: 300,
    autocomplete: 'off',
  });
  other.hidden = true;
  const select = /** @type {HTMLSelectElement} */ (component.control);
  select.addEventListener('change', () => {
    other.hidden = select.value !== OTHER;
  });
  void procedureComponents(d.procedure.code).then((names) => {
    const otherOption = select.querySelector(`option[value="${OTHER}"]`);
    for (const name of names) select.insertBefore(h('option', { value: name }, name), otherOption);
  });

  const file = field({
    label: t('attachments.file'),
    path: 'file',
    type: 'file',
    required: true,
    hint: t('attachments.fileHint', { mb }),
  });
  const input = /** @type {HTMLInputElement} */ (file.control);
  input.setAttribute('accept', '.pdf,.jpg,.jpeg,.png');

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('attachments.upload'));
  const bar = h('progress', { max: 100, value: 0, 'aria-labelledby': 'att-progress-label' });
  const progressText = h('span', { class: 'nowrap' });
  const progress = h(
    'div',
    { class: 'upload-progress', hidden: true },
    h('span', { id: 'att-progress-label' }, t('attachments.uploading')),
    bar,
    progressText,
  );
  const form = h(
    'form',
    { class: 'card-inset attachments-upload', novalidate: true, 'aria-labelledby': 'att-upload-h' },
    h('h3', { id: 'att-upload-h' }, t('attachments.uploadTitle')),
    h('div', { class: 'grid-2' }, component, other),
    file,
    h('div', { class: 'actions-row' }, submit, progress),
  );

  /**
   * Shows the message under its field (tied by aria-describedby) and focuses the field, which reads it out.
   * @param {HTMLElement & {control: HTMLElement}} wrap
   * @param {string} message
   */
  const fail = (wrap, message) => {
    setFieldError(wrap, message);
    wrap.control.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    clearIssues(form);
    const chosen = select.value === OTHER ? other.control.value.trim() : select.value;
    if (!select.value)
      return fail(component, t('attachments.err.component', { field: t('attachments.component') }));
    if (!chosen) return fail(other, t('attachments.err.otherName', { field: t('attachments.otherName') }));
    const f = input.files?.[0];
    const fieldName = t('attachments.file');
    if (!f) return fail(file, t('attachments.err.noFile', { field: fieldName }));
    const type = mediaTypeOf(f);
    if (!type) return fail(file, t('attachments.err.type', { field: fieldName, name: f.name }));
    if (f.size === 0) return fail(file, t('attachments.err.empty', { field: fieldName, name: f.name }));
    if (f.size > maxBytes)
      return fail(
        file,
        t('attachments.err.tooLarge', { field: fieldName, name: f.name, size: fileSize(f.size), mb }),
      );

    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    bar.value = 0;
    progressText.textContent = percent(0);
    progress.hidden = false;
    try {
      const url = `${base}?${new URLSearchParams({ component: chosen, name: shortName(f.name) })}`;
      await upload(url, f, {
        contentType: type,
        onProgress: (p) => {
          bar.value = p;
          progressText.textContent = percent(p);
        },
      });
      form.reset();
      other.hidden = true;
      toast(t('attachments.uploaded', { name: f.name }), 'success');
      await reload();
    } catch (err) {
      const reason =
        err instanceof ApiError && err.issues.length
          ? err.issues.map((i) => i.message).join('; ')
          : errorText(err);
      fail(file, t('attachments.err.failed', { name: f.name, reason }));
      // a lost answer may hide a stored file: show the list as the server has it
      if (err instanceof ApiError && err.isNetwork) await reload();
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      progress.hidden = true;
    }
  });
  return form;
}

/**
 * The media type to send, from the browser's type or else the extension; null when not PDF/JPEG/PNG.
 * @param {File} f
 */
function mediaTypeOf(f) {
  if (Object.values(MEDIA_TYPES).includes(f.type)) return f.type;
  const ext = /\.([a-z0-9]+)$/i.exec(f.name)?.[1]?.toLowerCase() ?? '';
  return !f.type || f.type === 'application/octet-stream' ? (MEDIA_TYPES[ext] ?? null) : null;
}

/** The file name within the server's 200 characters, keeping the extension. @param {string} name */
function shortName(name) {
  if (name.length <= 200) return name;
  const ext = /\.[a-z0-9]{1,5}$/i.exec(name)?.[0] ?? '';
  return name.slice(0, 200 - ext.length) + ext;
}
