/**
 * Online submission (`/cong-dan/nop?xa=25000&ma=1.004873`): the applicant's details and a file for each component,
 * each uploaded as soon as it is chosen (resumable, PDF/JPEG/PNG checked by the server from its content), then one
 * submit with an Idempotency-Key kept for the form, so a retry over a dropped link never makes a second dossier.
 * The answer: the dossier code and the hint for the lookup's verification digits.
 */
import { ApiError, api, newKey, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link } from '../lib/router.js';
import { clearIssues, errorText, field, formAlert, showError } from '../lib/ui.js';
import { MAX, UPLOAD } from '../../shared/limits.ts';
import { uploadFile } from './uploader.js';

const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** @type {import('../lib/router.js').View} */
export async function submitView(main, ctx) {
  const unit = ctx.query.get('xa') ?? '';
  const code = ctx.query.get('ma') ?? '';
  const p = await api(`/api/public/units/${unit}/procedures/${encodeURIComponent(code)}`);
  if (!ctx.alive()) return;
  main.append(
    h('p', null, link(`/cong-dan/thu-tuc${query({ xa: unit, ma: code })}`, null, `← ${p.name}`)),
    h('h1', null, t('portal.submit.title')),
    h('p', { class: 'lead' }, t('portal.submit.lead', { unit: p.unit.name })),
  );
  const name = field({
    path: 'applicant.name',
    label: t('portal.submit.name'),
    required: true,
    maxlength: MAX.name,
    autocomplete: 'name',
  });
  const idNumber = field({
    path: 'applicant.idNumber',
    label: t('portal.submit.idNumber'),
    required: true,
    maxlength: 13,
    inputmode: 'numeric',
  });
  const phone = field({
    path: 'applicant.phone',
    label: t('portal.submit.phone'),
    required: true,
    maxlength: 12,
    inputmode: 'tel',
    autocomplete: 'tel',
    hint: t('portal.submit.phoneHint'),
  });
  const address = field({
    path: 'applicant.address',
    label: t('portal.submit.address'),
    maxlength: MAX.address,
    autocomplete: 'street-address',
  });

  /** @type {Map<string, {file: File, done: Promise<string>}>} component → its upload */
  const uploads = new Map();
  let total = 0;
  const documents = p.components.filter((/** @type {any} */ c) => c.kind !== 'presented');
  const fileRows = documents.map((/** @type {any} */ c, /** @type {number} */ i) => {
    const id = `file-${i}`;
    const input = h('input', {
      type: 'file',
      id,
      accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
    });
    const progress = h('progress', {
      max: '100',
      value: '0',
      'aria-label': t('portal.submit.uploading'),
      hidden: true,
    });
    const status = h('span', { class: 'hint', 'aria-live': 'polite' });
    input.addEventListener('change', () => {
      const file = /** @type {HTMLInputElement} */ (input).files?.[0];
      uploads.delete(c.name);
      if (!file) return replace(status);
      if (!TYPES.includes(file.type) && file.type)
        return replace(status, t('portal.submit.fileType', { file: file.name }));
      if (file.size > UPLOAD.fileBytes)
        return replace(
          status,
          t('portal.submit.fileSize', { file: file.name, mb: UPLOAD.fileBytes / 1_048_576 }),
        );
      progress.hidden = false;
      replace(status, t('portal.submit.uploading'));
      const done = uploadFile(file, (f) => {
        /** @type {HTMLProgressElement} */ (progress).value = Math.round(f * 100);
      });
      done.then(
        () => replace(status, t('portal.submit.uploaded', { file: file.name })),
        (e) => replace(status, h('span', { class: 'field-error', role: 'alert' }, errorText(e))),
      );
      uploads.set(c.name, { file, done });
    });
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, c.name, c.required ? ' *' : ''),
      h('div', { class: 'file-row' }, input, progress, status),
    );
  });
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, t('portal.submit.send'));
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    formAlert(),
    h('fieldset', null, h('legend', null, t('portal.submit.applicant')), name, idNumber, phone, address),
    h(
      'fieldset',
      { 'data-path': 'files' },
      h('legend', null, t('portal.submit.files')),
      h(
        'p',
        { class: 'hint' },
        t('portal.submit.filesHint', {
          mb: UPLOAD.fileBytes / 1_048_576,
          total: UPLOAD.dossierBytes / 1_048_576,
        }),
      ),
      ...fileRows,
    ),
    button,
  );
  main.append(form, out);
  const key = newKey(); // one per form: a retried submit is the same submission

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    replace(out);
    total = [...uploads.values()].reduce((sum, u) => sum + u.file.size, 0);
    if (total > UPLOAD.dossierBytes) {
      replace(
        out,
        h(
          'p',
          { class: 'alert alert-error', role: 'alert' },
          t('portal.submit.totalSize', { mb: UPLOAD.dossierBytes / 1_048_576 }),
        ),
      );
      return;
    }
    /** @type {HTMLButtonElement} */ (button).disabled = true;
    try {
      replace(out, h('p', { class: 'hint' }, t('portal.submit.waitFiles')));
      const files = await Promise.all(
        [...uploads.entries()].map(async ([component, u]) => ({ uploadId: await u.done, component })),
      );
      const value = (
        /** @type {{control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement}} */ f,
      ) => String(f.control.value).trim();
      const applicant = {
        kind: 'person',
        name: value(name),
        idNumber: value(idNumber),
        phone: value(phone),
        ...(value(address) ? { address: value(address) } : {}),
      };
      const d = await api('/api/public/dossiers', {
        method: 'POST',
        idempotencyKey: key,
        body: { unitCode: unit, procedureCode: p.code, applicant, files },
      });
      form.remove();
      replace(
        out,
        h(
          'section',
          { class: 'card', 'data-testid': 'submitted' },
          h('h2', null, t('portal.submit.done')),
          h('p', null, t('portal.submit.code')),
          h('p', { class: 'code-box', 'data-testid': 'dossier-code' }, d.code),
          h('p', null, t('portal.submit.verifyHint')),
          h(
            'p',
            null,
            link(`/cong-dan/tra-cuu${query({ code: d.code })}`, { class: 'btn' }, t('lookup.title')),
          ),
        ),
      );
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        replace(out);
        showError(form, err);
      } else replace(out, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(err)));
    } finally {
      /** @type {HTMLButtonElement} */ (button).disabled = false;
    }
  });
}
