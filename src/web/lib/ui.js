/* global document, window, setTimeout, HTMLElement, HTMLInputElement */
/**
 * Shared pieces of the interface: labelled form fields that show the server's per-field errors, status badges,
 * document links, the live message region (due badges: `deadline.js`).
 */
import { ApiError, api, newKey } from './api.js';
import { h, replace, uid } from './dom.js';
import { parseDateInput } from './format.js';
import { has, t } from './i18n.js';

/**
 * @typedef {object} FieldOptions
 * @property {string} label
 * @property {string} path the API path of the value (e.g. 'applicant.idNumber'); errors are matched on it
 * @property {string} [type] input type, or 'select' / 'textarea'
 * @property {string} [value]
 * @property {boolean} [required]
 * @property {string} [hint]
 * @property {string} [autocomplete]
 * @property {string} [inputmode]
 * @property {string} [placeholder]
 * @property {number} [maxlength]
 * @property {number} [rows]
 * @property {[string, string][]} [options] for selects: [value, label]
 * @property {(e: Event) => void} [oninput]
 * @property {(e: Event) => void} [onchange]
 */

/**
 * A labelled field: label, control, hint and an error slot tied by aria-describedby.
 * @param {FieldOptions} o
 * @returns {HTMLElement & {control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement}}
 */
export function field(o) {
  const id = uid('f');
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [o.hint ? hintId : null, errId].filter(Boolean).join(' ');
  const common = {
    id,
    name: o.path,
    required: o.required,
    'aria-describedby': describedBy,
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    placeholder: o.placeholder,
    maxlength: o.maxlength,
    oninput: o.oninput,
    onchange: o.onchange,
  };
  /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
  let control;
  if (o.type === 'select')
    control = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        common,
        ...(o.options ?? []).map(([v, l]) => h('option', { value: v, selected: v === o.value }, l)),
      )
    );
  else if (o.type === 'textarea')
    control = /** @type {HTMLTextAreaElement} */ (
      h('textarea', { ...common, rows: o.rows ?? 3, value: o.value })
    );
  else
    control = /** @type {HTMLInputElement} */ (
      h('input', { ...common, type: o.type ?? 'text', value: o.value })
    );
  const wrap = Object.assign(
    h(
      'div',
      { class: 'field', 'data-path': o.path },
      h(
        'label',
        { for: id },
        o.label,
        o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
      ),
      control,
      o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
      h('p', { class: 'field-error', id: errId, hidden: true }),
    ),
    { control },
  );
  return wrap;
}

/**
 * A date field typed as dd/MM/yyyy (the same on every browser and language).
 * @param {Omit<FieldOptions, 'type'>} o
 */
export function dateField(o) {
  return field({
    ...o,
    type: 'text',
    inputmode: 'numeric',
    placeholder: t('date.placeholder'),
    maxlength: 10,
    hint: o.hint,
  });
}

/**
 * The value of a dd/MM/yyyy field as yyyy-MM-dd; '' when empty; null (and the field marked) when invalid.
 * @param {HTMLElement & {control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement}} f
 */
export function dateValue(f) {
  const text = f.control.value.trim();
  if (!text) return '';
  const iso = parseDateInput(text);
  if (!iso) setFieldError(f, t('date.invalid'));
  return iso;
}

/**
 * @param {HTMLElement} wrap a .field (or any element with data-path and a .field-error)
 * @param {string} message
 */
export function setFieldError(wrap, message) {
  const err = wrap.querySelector('.field-error');
  if (err instanceof HTMLElement) {
    err.textContent = message;
    err.hidden = false;
  }
  wrap.classList.add('invalid');
  for (const c of wrap.querySelectorAll('input, select, textarea')) c.setAttribute('aria-invalid', 'true');
}

/** @param {ParentNode} root */
export function clearIssues(root) {
  for (const w of root.querySelectorAll('.invalid')) w.classList.remove('invalid');
  for (const e of root.querySelectorAll('.field-error')) {
    if (!(e instanceof HTMLElement)) continue;
    e.hidden = true;
    e.textContent = '';
  }
  for (const c of root.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  for (const a of root.querySelectorAll('.form-alert')) {
    replace(a);
    a.setAttribute('hidden', '');
  }
}

/**
 * Shows a failed request on a form: each issue next to its field (matched by `path`, or the closest parent
 * path), the message in the form's alert, focus on the first bad field.
 * @param {HTMLElement} form
 * @param {unknown} error
 */
export function showError(form, error) {
  clearIssues(form);
  const alert = form.querySelector('.form-alert');
  const unmatched = [];
  /** @type {HTMLElement | null} */
  let first = null;
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const wrap = findPath(form, issue.path);
      if (wrap) {
        setFieldError(wrap, issue.message);
        first ??= wrap;
      } else unmatched.push(issue);
    }
  }
  if (alert instanceof HTMLElement) {
    const shown =
      error instanceof ApiError && error.issues.length > 0 && unmatched.length === 0
        ? t('form.fixFields')
        : errorText(error);
    replace(
      alert,
      h('p', null, shown),
      unmatched.length
        ? h('ul', null, ...unmatched.map((i) => h('li', null, `${i.path}: ${i.message}`)))
        : null,
    );
    alert.hidden = false;
  }
  const control = first?.querySelector('input, select, textarea');
  if (control instanceof HTMLElement) control.focus();
  else if (alert instanceof HTMLElement) alert.focus();
}

/**
 * @param {ParentNode} root
 * @param {string} path
 * @returns {HTMLElement | null}
 */
function findPath(root, path) {
  let p = path;
  for (;;) {
    const el = root.querySelector(`[data-path="${cssEscape(p)}"]`);
    if (el instanceof HTMLElement) return el;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return null;
    p = p.slice(0, dot);
  }
}

/** @param {string} s */
const cssEscape = (s) => s.replace(/["\\]/g, '\\$&');

/** An alert box for a form (focusable so errors can be announced and reached). */
export function formAlert() {
  return h('div', { class: 'form-alert alert alert-error', role: 'alert', tabindex: '-1', hidden: true });
}

/**
 * @typedef {object} KeyedSubmitOptions
 * @property {string} path where the form is posted
 * @property {() => unknown} read the request's body; null when something typed is invalid (its field is then
 *   marked) and nothing is sent
 * @property {(answer: any) => void} done with the server's answer
 * @property {string} [retryHint] added to the error after a network failure (the same key will be sent again)
 * @property {(error: unknown) => unknown} [adapt] a failure as it is to be shown (e.g. its issues moved to the
 *   fields in use)
 */

/**
 * Posts a form when it is submitted, with an Idempotency-Key: one key per submission, reused when the officer
 * submits again after a network failure (the server may have done it), a new one once the server has answered.
 * Meanwhile the submit button is disabled and marked busy; the server's errors land on their fields.
 * @param {HTMLFormElement} form
 * @param {HTMLButtonElement} button
 * @param {KeyedSubmitOptions} o
 */
export function keyedSubmit(form, button, o) {
  /** @type {string | null} */
  let key = null;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    const body = o.read();
    if (body === null) return;
    key ??= newKey();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const answer = await api(o.path, { method: 'POST', body, idempotencyKey: key });
      key = null;
      o.done(answer);
    } catch (err) {
      if (!(err instanceof ApiError && err.isNetwork)) key = null;
      showError(form, o.adapt ? o.adapt(err) : err);
      if (key && o.retryHint) form.querySelector('.form-alert')?.append(h('p', null, o.retryHint));
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
}

/** The message to show for any failure. @param {unknown} error */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.isNetwork) return t('error.network');
    if (error.isMissingRoute) return t('error.notAvailable');
    return error.message;
  }
  return t('error.unexpected');
}

/** @param {string} status */
export function statusText(status) {
  return has(`status.${status}`) ? t(`status.${status}`) : status;
}

/** @param {string} status */
export function statusBadge(status) {
  return h('span', { class: `badge status status-${status}` }, statusText(status));
}

/** A polite live region for short messages ("Saved", "Document not available yet"). */
export function toast(/** @type {string} */ message, kind = 'info') {
  let region = document.getElementById('toasts');
  if (!region) {
    region = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(region);
  }
  const item = h('div', { class: `toast toast-${kind}` }, message);
  region.appendChild(item);
  setTimeout(() => item.remove(), 6000);
}

/**
 * @typedef {object} DocLinkOptions
 * @property {boolean} [save] always save the file under `filename` (a stored file, e.g. a scan), never open it
 *   in the browser's PDF viewer
 * @property {Element} [icon] shown before the label
 * @property {(error: unknown) => string} [failure] the message shown when the fetch fails
 */

/**
 * Prints a PDF in place: a hidden frame loads it and opens the browser's print dialog, no new tab. A browser that
 * will not print a PDF frame opens it in a new tab instead, where its viewer prints.
 * @param {string} href a blob: URL of the PDF
 */
export function printInPlace(href) {
  document.querySelectorAll('iframe.print-frame').forEach((f) => f.remove());
  const frame = /** @type {HTMLIFrameElement} */ (
    h('iframe', { class: 'print-frame', src: href, title: 'print', 'aria-hidden': 'true', tabindex: '-1' })
  );
  frame.addEventListener(
    'load',
    () => {
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } catch {
        const opened = window.open(href, '_blank');
        if (opened) opened.opener = null;
      }
    },
    { once: true },
  );
  document.body.appendChild(frame);
}

/**
 * A link to a document (a generated PDF or Excel file, or a stored scan). A plain click fetches it first so that
 * a document the server cannot produce (yet) gives a clear message instead of a raw error page; a PDF then opens
 * the print dialog in place (printInPlace), any other file is saved under the server's name; middle or Ctrl+click
 * still opens the URL in a new tab.
 * @param {string} url
 * @param {string} label
 * @param {string} [filename]
 * @param {DocLinkOptions} [options]
 */
export function docLink(url, label, filename, options = {}) {
  const { save = false, failure = docFailure } = options;
  const attrs = save
    ? { href: url, class: 'doc-link', download: filename }
    : { href: url, class: 'doc-link', target: '_blank', rel: 'noopener', title: t('doc.printHint') };
  const a = h('a', attrs, options.icon ? [options.icon, ' '] : null, label);
  a.addEventListener('click', async (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    if (a.getAttribute('aria-busy') === 'true') return;
    a.setAttribute('aria-busy', 'true');
    try {
      const blob = /** @type {Blob} */ (await api(url, { blob: true }));
      const href = URL.createObjectURL(blob);
      if (!save && blob.type.includes('pdf')) printInPlace(href);
      else {
        const served = blob instanceof globalThis.File && blob.name ? blob.name : undefined;
        const dl = h('a', {
          href,
          download: served ?? filename ?? url.split('/').pop()?.split('?')[0] ?? 'document',
          hidden: true,
        });
        document.body.appendChild(dl);
        dl.click();
        dl.remove();
      }
      setTimeout(() => URL.revokeObjectURL(href), 10 * 60_000); // the print dialog may stay open a while
    } catch (err) {
      toast(failure(err), 'error');
    } finally {
      a.removeAttribute('aria-busy');
    }
  });
  return a;
}

/** A document the server does not have (yet), or any other failure. @param {unknown} err */
function docFailure(err) {
  return err instanceof ApiError && (err.isMissingRoute || err.status === 404)
    ? t('doc.notAvailable')
    : errorText(err);
}

/** @param {string} [text] */
export function loading(text) {
  return h('p', { class: 'loading', role: 'status' }, text ?? t('common.loading'));
}

/**
 * A friendly state for a feature the server does not offer yet.
 * @param {string} [what]
 */
export function notAvailable(what) {
  return h(
    'div',
    { class: 'alert alert-info', role: 'status' },
    h('p', null, what ?? t('error.notAvailable')),
  );
}

/**
 * A group of radio buttons in a fieldset.
 * @param {string} name
 * @param {string} legend
 * @param {[string, string][]} options
 * @param {string} value
 * @param {(v: string) => void} [onchange]
 */
export function radios(name, legend, options, value, onchange) {
  return h(
    'fieldset',
    { class: 'radios', 'data-path': name },
    h('legend', null, legend),
    ...options.map(([v, label]) =>
      h(
        'label',
        { class: 'radio' },
        h('input', { type: 'radio', name, value: v, checked: v === value, onchange: () => onchange?.(v) }),
        ' ',
        label,
      ),
    ),
    h('p', { class: 'field-error', hidden: true }),
  );
}

/**
 * The value of the checked radio button named `name` inside `root` ('' when none).
 * @param {ParentNode} root
 * @param {string} name
 */
export const radioValue = (root, name) => {
  const el = root.querySelector(`input[name="${name}"]:checked`);
  return el instanceof HTMLInputElement ? el.value : '';
};
