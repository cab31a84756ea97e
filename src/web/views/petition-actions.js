/**
 * The small form of each petition action (POST /api/petitions/:code/actions): only the fields the action needs —
 * reject and extend a reason, request_info what is missing, resolve the conclusion (from the kind's list) and the
 * result, accept whether the case is complex (and, for a complaint, from a remote area). The server checks them
 * again; its per-field errors are shown in place, in the chosen language.
 */
import { api, newKey } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { clearIssues, field, formAlert, showError } from '../lib/ui.js';
import { CONCLUSIONS } from './petition-parts.js';

/** Actions that end a petition without a resolution: shown as "danger" buttons. */
export const PETITION_DANGER = new Set(['reject', 'withdraw']);

/**
 * @param {string} path
 * @param {string} label
 * @param {boolean} checked
 */
function checkField(path, label, checked) {
  const input = h('input', { type: 'checkbox', name: path, checked });
  const wrap = h(
    'div',
    { class: 'field field-check', 'data-path': path },
    h('label', { class: 'check' }, input, ' ', label),
    h('p', { class: 'field-error', hidden: true }),
  );
  return Object.assign(wrap, { input });
}

/**
 * The fields of one action, and how to read them into the request.
 * @param {any} p the petition
 * @param {string} type
 * @returns {{fields: HTMLElement[], read: (req: Record<string, unknown>) => void}}
 */
function partsOf(p, type) {
  const text = (/** @type {string} */ path, /** @type {string} */ label, rows = 3) =>
    field({ label, path, type: 'textarea', rows, required: true });
  const value = (/** @type {{control: {value: string}}} */ f) => f.control.value.trim();
  const set = (
    /** @type {Record<string, unknown>} */ req,
    /** @type {string} */ key,
    /** @type {string} */ v,
  ) => {
    if (v) req[key] = v;
  };
  if (type === 'reject' || type === 'extend') {
    const reason = text('reason', t('act.reason'));
    return { fields: [reason], read: (req) => set(req, 'reason', value(reason)) };
  }
  if (type === 'request_info') {
    const missing = text('missing', t('petitions.act.missing'), 4);
    return { fields: [missing], read: (req) => set(req, 'missing', value(missing)) };
  }
  if (type === 'resolve') {
    const conclusion = field({
      label: t('petitions.act.conclusion'),
      path: 'conclusion',
      type: 'select',
      required: true,
      options: [
        ['', t('petitions.act.chooseConclusion')],
        ...(CONCLUSIONS[p.kind] ?? []).map(
          (c) => /** @type {[string, string]} */ ([c, t(`petitions.conclusion.${c}`)]),
        ),
      ],
    });
    const result = text(
      'result',
      t(p.kind === 'feedback' ? 'petitions.act.answer' : 'petitions.act.result'),
      5,
    );
    return {
      fields: [conclusion, result],
      read: (req) => {
        set(req, 'conclusion', conclusion.control.value);
        set(req, 'result', value(result));
      },
    };
  }
  if (type === 'accept' && p.kind !== 'feedback') {
    const complex = checkField(
      'complex',
      t(p.kind === 'denunciation' ? 'petitions.form.veryComplex' : 'petitions.form.complex'),
      p.complex,
    );
    const remote = p.kind === 'complaint' ? checkField('remote', t('petitions.form.remote'), p.remote) : null;
    return {
      fields: remote ? [complex, remote] : [complex],
      read: (req) => {
        req.complex = complex.input.checked;
        if (remote) req.remote = remote.input.checked;
      },
    };
  }
  return { fields: [], read: () => undefined };
}

/**
 * Builds the form of one action.
 * @param {any} p the petition
 * @param {string} type
 * @param {{onDone: (petition: any) => void, onCancel: () => void}} cb
 */
export function petitionActionForm(p, type, cb) {
  const parts = partsOf(p, type);
  const note = field({ label: t('act.note'), path: 'note', type: 'textarea', rows: 2 });
  /** Reused for retries after a network failure. */
  /** @type {string | null} */
  let key = null;
  const help =
    type === 'extend'
      ? t('petitions.actionHelp.extend', { n: p.extensionCount })
      : t(`petitions.actionHelp.${type}`);
  const submit = h(
    'button',
    { type: 'submit', class: `btn ${PETITION_DANGER.has(type) ? 'btn-danger' : 'btn-primary'}` },
    t('act.confirm'),
  );
  const form = h(
    'form',
    {
      class: 'action-form card-inset',
      novalidate: true,
      'data-action': type,
      'aria-labelledby': `pact-h-${type}`,
    },
    h('h3', { id: `pact-h-${type}` }, t(`petitions.action.${type}`)),
    h('p', { class: 'hint' }, help),
    ...parts.fields,
    note,
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      submit,
      h('button', { type: 'button', class: 'btn btn-link', onclick: cb.onCancel }, t('common.cancel')),
    ),
  );
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') cb.onCancel();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearIssues(form);
    /** @type {Record<string, unknown>} */
    const req = { type };
    parts.read(req);
    const n = note.control.value.trim();
    if (n) req.note = n;
    key ??= newKey();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const updated = await api(`/api/petitions/${encodeURIComponent(p.code)}/actions`, {
        method: 'POST',
        body: req,
        idempotencyKey: key,
      });
      key = null;
      cb.onDone(updated);
    } catch (err) {
      if (!(err instanceof Error && 'isNetwork' in err && err.isNetwork)) key = null;
      showError(form, err);
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}
