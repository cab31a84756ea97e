/**
 * A procedure of the catalog as the officer's province applies it: the national entry (limit, competence: set by
 * law) with the province's fee, notes and extra components. A province supervisor (or the system administrator)
 * edits the province's adjustments here ("Điều chỉnh của tỉnh"); every save is a new version, listed below.
 */
import { ApiError, api, putBytes, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { feeText, formatDateTime, limitText } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { navigate, refresh } from '../lib/router.js';
import { hasAbility, session } from '../lib/session.js';
import { clearIssues, errorText, field, formAlert, loading, showError, toast } from '../lib/ui.js';
import { procedurePicker } from './procedure-picker.js';

const MAX_EXTRA = 30;

/**
 * @typedef {{name: string, note?: string, required: boolean}} Extra
 * @typedef {{version: number, feeAmount: number | null, feeNote: string | null, notes: string | null,
 *   extraComponents: Extra[], effectiveFrom: string, createdBy: string, createdAt: string}} OverrideVersion
 * @typedef {{procedureCode: string, provinceCode: string, version: number, current: OverrideVersion | null,
 *   history: OverrideVersion[], canEdit: boolean}} OverrideView
 */

/** @type {import('../lib/router.js').View} */
export async function catalogView(main, ctx) {
  const code = ctx.query.get('code');
  main.append(h('h1', null, t('catalog.title')));
  if (!code) {
    const picker = procedurePicker({ onPick: (p) => navigate(`/thu-tuc${query({ code: p.code })}`) });
    main.append(h('p', { class: 'hint' }, t('catalog.intro')), picker.element);
    picker.focus();
    return;
  }
  const province = ctx.query.get('province') ?? session.me?.provinceCode ?? '';
  const body = h('div', null, loading());
  main.append(body);
  try {
    const [p, overrides] = await Promise.all([
      api(`/api/procedures/${encodeURIComponent(code)}`),
      api(`/api/procedures/${encodeURIComponent(code)}/overrides${query({ province })}`).catch(() => null),
    ]);
    if (!ctx.alive()) return;
    replace(body, procedureDetails(p), overrides ? overrideSection(overrides) : null);
  } catch (e) {
    replace(body, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/** @param {any} p the effective procedure */
function procedureDetails(p) {
  const fromProvince = (/** @type {string} */ f) => p.override?.fields.includes(f);
  const provinceTag = () => h('span', { class: 'tag' }, t('catalog.fromProvince'));
  return h(
    'section',
    { class: 'proc-summary' },
    h('p', { class: 'proc-title' }, h('strong', null, p.name)),
    p.override
      ? h('p', { class: 'hint' }, t('catalog.appliedVersion', { version: p.override.version }))
      : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, t('intake.procCode')),
      h('dd', null, p.code),
      h('dt', null, t('intake.field')),
      h('dd', null, p.field),
      h('dt', null, t('intake.limit')),
      h(
        'dd',
        null,
        limitText(p.limit),
        ' ',
        h('span', { class: 'tag' }, t('catalog.byLaw')),
        // the longer limit of mountainous, border, island or hardship communes (issue 11), with its basis
        p.areaLimit
          ? h(
              'p',
              { class: 'small', title: p.areaLimit.basis },
              t('catalog.areaLimit', {
                areas: p.areaLimit.areas.map((/** @type {string} */ a) => t(`area.${a}`)).join(', '),
                limit: limitText(p.areaLimit),
              }),
            )
          : null,
      ),
      h('dt', null, t('intake.competence')),
      h('dd', null, p.competentAgency, ' ', h('span', { class: 'tag' }, t('catalog.byLaw'))),
      h('dt', null, t('intake.fee')),
      h('dd', null, p.feeText || feeText(p.fee), ' ', fromProvince('fee') ? provinceTag() : null),
      p.notes ? h('dt', null, t('catalog.notes')) : null,
      p.notes ? h('dd', { class: 'pre-line' }, p.notes, ' ', provinceTag()) : null,
    ),
    h('h2', null, t('catalog.components')),
    h(
      'ul',
      { class: 'checklist' },
      ...p.components.map((/** @type {any} */ c) =>
        h(
          'li',
          null,
          c.name,
          ' ',
          h(
            'span',
            { class: c.required ? 'tag tag-req' : 'tag' },
            t(c.required ? 'intake.required' : 'intake.optional'),
          ),
          c.addedBy === 'province' ? [' ', provinceTag()] : null,
          c.note ? h('span', { class: 'comp-meta' }, ` · ${c.note}`) : null,
          c.addedBy === 'national' && hasAbility('catalog.edit') ? templateInput(p.code, c.name) : null,
        ),
      ),
    ),
  );
}

let templateInputs = 0;
/**
 * The system administrator attaches a component's blank form (Mẫu đơn) that the citizens' pages offer for download
 * (docs/PORTAL.md); the form the law publishes, as PDF, JPEG or PNG.
 * @param {string} code
 * @param {string} component
 */
function templateInput(code, component) {
  const id = `template-${++templateInputs}`;
  const input = h('input', {
    type: 'file',
    id,
    accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  });
  input.addEventListener('change', async () => {
    const file = /** @type {HTMLInputElement} */ (input).files?.[0];
    if (!file) return;
    const url = `/api/procedures/${encodeURIComponent(code)}/templates${query({ component, name: file.name.slice(0, 200) })}`;
    try {
      await putBytes(url, file, {});
      toast(t('catalog.template.done', { file: file.name }));
    } catch (e) {
      toast(errorText(e), 'error');
    }
  });
  return h('div', { class: 'comp-meta' }, h('label', { for: id }, t('catalog.template.attach')), ' ', input);
}

/**
 * The province's adjustments: the form (for who may edit) and the version history.
 * @param {OverrideView} view
 */
function overrideSection(view) {
  return h(
    'section',
    { 'aria-labelledby': 'override-h' },
    h('h2', { id: 'override-h' }, t('catalog.override.title')),
    h('p', { class: 'hint' }, t('catalog.override.lawNotice')),
    view.canEdit ? overrideForm(view) : null,
    history(view),
  );
}

/** @param {OverrideView} view */
function overrideForm(view) {
  const c = view.current;
  const amount = field({
    label: t('catalog.override.feeAmount'),
    path: 'feeAmount',
    type: 'number',
    inputmode: 'numeric',
    value: c?.feeAmount == null ? '' : String(c.feeAmount),
    hint: t('catalog.override.feeAmountHint'),
  });
  const feeNote = field({
    label: t('catalog.override.feeNote'),
    path: 'feeNote',
    type: 'textarea',
    maxlength: 500,
    rows: 2,
    value: c?.feeNote ?? '',
  });
  const notes = field({
    label: t('catalog.override.notes'),
    path: 'notes',
    type: 'textarea',
    maxlength: 2000,
    rows: 4,
    value: c?.notes ?? '',
    hint: t('catalog.override.notesHint'),
  });
  const extras = h('ol', { class: 'extra-components', 'data-path': 'extraComponents' });
  const addButton = h(
    'button',
    { type: 'button', class: 'btn btn-small' },
    t('catalog.override.addComponent'),
  );
  const addRow = (/** @type {Extra | null} */ x) => {
    const i = extras.children.length;
    const name = field({
      label: t('catalog.override.componentName'),
      path: `extraComponents.${i}.name`,
      maxlength: 300,
      value: x?.name ?? '',
    });
    const note = field({
      label: t('catalog.override.componentNote'),
      path: `extraComponents.${i}.note`,
      maxlength: 500,
      value: x?.note ?? '',
    });
    const required = h('input', { type: 'checkbox', checked: x?.required ?? false });
    const remove = h(
      'button',
      { type: 'button', class: 'btn btn-small btn-danger-outline' },
      t('catalog.override.removeComponent'),
    );
    const row = h(
      'li',
      { class: 'extra-row' },
      name,
      note,
      h('label', null, required, ' ', t('intake.required')),
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
    });
    extras.append(row);
    addButton.disabled = extras.children.length >= MAX_EXTRA;
  };
  const renumber = () => {
    [...extras.children].forEach((row, i) => {
      const [name, note] = row.querySelectorAll('.field');
      name?.setAttribute('data-path', `extraComponents.${i}.name`);
      note?.setAttribute('data-path', `extraComponents.${i}.note`);
    });
    addButton.disabled = extras.children.length >= MAX_EXTRA;
  };
  for (const x of c?.extraComponents ?? []) addRow(x);
  addButton.addEventListener('click', () => addRow(null));

  const read = () => ({
    expectedVersion: view.version,
    feeAmount: amount.control.value.trim() === '' ? null : Number(amount.control.value),
    feeNote: feeNote.control.value.trim() || null,
    notes: notes.control.value.trim() || null,
    extraComponents: [...extras.children].map((row) => {
      const [name, note] = /** @type {HTMLInputElement[]} */ ([
        ...row.querySelectorAll('input:not([type=checkbox])'),
      ]);
      const required = /** @type {HTMLInputElement} */ (row.querySelector('input[type=checkbox]')).checked;
      const n = note?.value.trim();
      // an empty name is sent as it is: the server names the row to fill in or remove
      return { name: name?.value.trim() ?? '', ...(n ? { note: n } : {}), required };
    }),
  });

  const save = h('button', { type: 'submit', class: 'btn btn-primary' }, t('catalog.override.save'));
  const revert = h(
    'button',
    { type: 'button', class: 'btn btn-danger-outline' },
    t('catalog.override.revert'),
  );
  revert.hidden = !c || isEmpty(c);
  const form = h(
    'form',
    { class: 'form override-form', novalidate: true },
    formAlert(),
    amount,
    feeNote,
    notes,
    h('fieldset', null, h('legend', null, t('catalog.override.extraComponents')), extras, addButton),
    h('div', { class: 'actions' }, save, revert),
  );
  const path = `/api/procedures/${encodeURIComponent(view.procedureCode)}/overrides`;
  const province = query({ province: view.provinceCode });
  const send = async (/** @type {() => Promise<OverrideView>} */ call) => {
    clearIssues(form);
    save.disabled = true;
    revert.disabled = true;
    try {
      const saved = await call();
      toast(t('catalog.override.saved', { version: saved.version }));
      refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) toast(t('catalog.override.conflict'), 'error');
      showError(form, e);
    } finally {
      save.disabled = false;
      revert.disabled = false;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(() => api(`${path}${province}`, { method: 'PUT', body: read() }));
  });
  revert.addEventListener('click', () => {
    void send(() =>
      api(`${path}${query({ province: view.provinceCode, expectedVersion: view.version })}`, {
        method: 'DELETE',
      }),
    );
  });
  return form;
}

/** @param {OverrideVersion} v */
const isEmpty = (v) => v.feeAmount === null && !v.feeNote && !v.notes && !v.extraComponents.length;

/** @param {OverrideView} view */
function history(view) {
  if (!view.history.length) return h('p', { class: 'muted' }, t('catalog.override.none'));
  return h(
    'table',
    { class: 'table' },
    h('caption', null, t('catalog.override.history')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['version', 'date', 'by', 'fee', 'notes', 'extra'].map((k) =>
          h('th', { scope: 'col' }, t(`catalog.override.col.${k}`)),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      ...view.history.map((v) =>
        h(
          'tr',
          null,
          h('td', null, String(v.version)),
          h('td', null, formatDateTime(v.effectiveFrom)),
          h('td', null, v.createdBy),
          h(
            'td',
            null,
            isEmpty(v)
              ? t('catalog.override.reverted')
              : [v.feeAmount === null ? '' : feeText(v.feeAmount), v.feeNote ? ` — ${v.feeNote}` : ''].join(
                  '',
                ),
          ),
          h('td', { class: 'pre-line' }, v.notes ?? ''),
          h('td', null, v.extraComponents.map((x) => x.name).join('; ')),
        ),
      ),
    ),
  );
}
