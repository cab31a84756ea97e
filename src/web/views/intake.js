/* global HTMLInputElement, HTMLElement, window, setTimeout */
/**
 * Intake at the counter (Decree 118/2025 Art. 17.1): pick the procedure, enter the applicant, tick the
 * components received, and take exactly one decision — receive (code, due, receipt Form 01), request a
 * supplement (Form 02, every missing item at once) or refuse (Form 03, with the reason).
 * The submission carries an Idempotency-Key, reused when retrying after a network failure.
 */
import { api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link, navigate, setLeaveGuard } from '../lib/router.js';
import { can, session } from '../lib/session.js';
import { field, formAlert, keyedSubmit, radios, radioValue, setFieldError } from '../lib/ui.js';
import { applicantSection } from './intake-applicant.js';
import { intakeResult } from './intake-result.js';
import { intakeDraft } from './intake-draft.js';
import { limitToApply, procedurePicker, procedureSummary } from './procedure-picker.js';
import { MAX } from '../../shared/limits.ts';

/** @typedef {import('./procedure-picker.js').Procedure} Procedure */

/** @type {import('../lib/router.js').View} */
export async function intakeView(main, ctx) {
  main.append(h('h1', null, t('intake.title')));
  if (!can('intake')) {
    main.append(h('p', { class: 'alert alert-info' }, t('intake.notAllowed')));
    return;
  }
  /** @type {Procedure | null} */
  let procedure = null;

  const procSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-proc' },
    h('h2', { id: 'sec-proc' }, t('intake.step.procedure')),
  );
  const procBody = h('div');
  procSection.append(procBody);

  const applicant = applicantSection();

  // Components and decision
  const checklist = h('ul', { class: 'checklist' });
  const missingWarn = h('p', { class: 'alert alert-warn', hidden: true, role: 'status' });
  const componentsSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-comp' },
    h('h2', { id: 'sec-comp' }, t('intake.step.components')),
    h('p', { class: 'hint' }, t('intake.componentsHint')),
    checklist,
    missingWarn,
  );
  const missingList = h('ul', { class: 'checklist' });
  const missingOther = field({
    label: t('intake.missingOther'),
    path: 'missingOther',
    type: 'textarea',
    rows: 2,
    maxlength: MAX.listItems * (MAX.listItem + 1), // one item (≤ MAX.listItem) per line
    hint: t('intake.onePerLine'),
  });
  const missingBox = h(
    'fieldset',
    { class: 'sub', 'data-path': 'missing', hidden: true },
    h('legend', null, t('intake.missing')),
    missingList,
    missingOther,
    h('p', { class: 'field-error', hidden: true }),
  );
  const reason = field({
    label: t('intake.reason'),
    path: 'reason',
    type: 'textarea',
    rows: 3,
    maxlength: MAX.note,
    required: true,
  });
  reason.hidden = true;
  const note = field({
    label: t('intake.note'),
    path: 'note',
    type: 'textarea',
    rows: 2,
    maxlength: MAX.note,
  });
  const decisionBox = radios(
    'decision',
    t('intake.decision'),
    [
      ['receive', t('intake.decision.receive')],
      ['request_supplement', t('intake.decision.request_supplement')],
      ['refuse', t('intake.decision.refuse')],
    ],
    'receive',
    (v) => applyDecision(v),
  );
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('intake.submit.receive'));
  /** @param {string} v */
  function applyDecision(v) {
    missingBox.hidden = v !== 'request_supplement';
    reason.hidden = v !== 'refuse';
    submit.textContent = t(`intake.submit.${v}`);
    if (v === 'request_supplement') fillMissing();
    updateWarning();
  }
  const decisionSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sec-dec' },
    h('h2', { id: 'sec-dec' }, t('intake.step.decision')),
    decisionBox,
    missingBox,
    reason,
    note,
  );
  const form = h(
    'form',
    { class: 'intake-form', novalidate: true },
    procSection,
    applicant.element,
    componentsSection,
    decisionSection,
    formAlert(),
    h('div', { class: 'actions-row' }, submit, link('/', { class: 'btn btn-link' }, t('common.cancel'))),
  );

  // The draft survives navigation and session expiry; leaving with one asks first (intake-draft.js).
  const draft = intakeDraft(form, session.me?.username ?? '');
  const saveDraft = () => draft.save(procedure?.code ?? null);
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  const mayLeave = () => {
    if (!form.isConnected || !draft.dirty) return true;
    const leave = window.confirm(t('intake.leaveConfirm'));
    return leave;
  };
  setLeaveGuard(mayLeave);
  window.addEventListener('beforeunload', (e) => {
    if (form.isConnected && draft.dirty) e.preventDefault();
  });
  const cancel = form.querySelector('.actions-row a');
  cancel?.addEventListener(
    'click',
    (e) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (draft.dirty && !window.confirm(t('intake.cancelConfirm'))) return;
      draft.clear();
      setLeaveGuard(null);
      navigate('/');
    },
    { capture: true },
  );

  /** @returns {{name: string, provided: boolean}[]} */
  function componentChecks() {
    return (procedure?.components ?? []).map((c, i) => {
      const box = checklist.querySelector(`input[data-i="${i}"]`);
      return { name: c.name, provided: box instanceof HTMLInputElement && box.checked };
    });
  }
  function updateWarning() {
    const lacking = (procedure?.components ?? []).filter(
      (c, i) => c.required && !componentChecks()[i]?.provided,
    );
    const show = radioValue(form, 'decision') === 'receive' && lacking.length > 0 && procedure !== null;
    missingWarn.hidden = !show;
    if (show) missingWarn.textContent = t('intake.missingRequired', { n: lacking.length });
  }
  function checklistChanged() {
    updateWarning();
    if (radioValue(form, 'decision') === 'request_supplement') fillMissing();
  }
  function fillMissing() {
    const checks = componentChecks();
    replace(
      missingList,
      ...(procedure?.components ?? []).map((c, i) =>
        h(
          'li',
          null,
          h(
            'label',
            { class: 'check' },
            h('input', { type: 'checkbox', value: c.name, checked: !checks[i]?.provided }),
            ' ',
            c.name,
          ),
        ),
      ),
    );
  }

  /** @param {Procedure} p */
  async function pick(p) {
    procedure = p;
    replace(
      procBody,
      procedureSummary(p, null),
      h(
        'button',
        { type: 'button', class: 'btn btn-link', onclick: () => showPicker() },
        t('intake.changeProcedure'),
      ),
    );
    replace(
      checklist,
      ...p.components.map((c, i) =>
        h(
          'li',
          { 'data-path': `components.${i}.provided` },
          h(
            'label',
            { class: 'check' },
            h('input', { type: 'checkbox', 'data-i': String(i), onchange: () => checklistChanged() }),
            h(
              'span',
              null,
              c.name,
              ' ',
              c.required
                ? h('span', { class: 'tag tag-req' }, t('intake.required'))
                : h('span', { class: 'tag' }, t('intake.optional')),
            ),
          ),
          h(
            'span',
            { class: 'comp-meta' },
            t(`component.kind.${c.kind}`),
            ` · ${t('intake.copies', { n: c.copies })}`,
            c.form ? ` · ${c.form}` : '',
          ),
          h('p', { class: 'field-error', hidden: true }),
        ),
      ),
    );
    if (!p.components.length) checklist.append(h('li', { class: 'muted' }, t('intake.noComponents')));
    applyDecision(radioValue(form, 'decision'));
    applicant.focus();
    try {
      const [detail, due] = await Promise.all([
        api(`/api/procedures/${encodeURIComponent(p.code)}`).catch(() => p),
        api('/api/calendar/due', {
          method: 'POST',
          body: {
            received: new Date().toISOString(),
            limit: limitToApply(p).value,
            unit: limitToApply(p).unit,
            province: session.me?.provinceCode,
            cutoff: limitToApply(p).cutoff ?? undefined,
          },
        }).catch(() => null),
      ]);
      if (procedure !== p) return;
      const summary = procBody.querySelector('.proc-summary');
      summary?.replaceWith(procedureSummary({ ...p, ...detail }, due ? formatDateTime(due.due) : null));
    } catch {
      // the summary already shows the catalogue data
    }
  }
  function showPicker() {
    procedure = null;
    const picker = procedurePicker({ onPick: (p) => void pick(p) });
    replace(procBody, picker.element);
    replace(checklist, h('li', { class: 'muted' }, t('intake.pickFirst')));
    // After the router has focused the heading: the counter starts typing the procedure at once.
    setTimeout(() => picker.focus(), 0);
  }

  /** The request, or null when something is missing or invalid (the field is then marked). */
  function read() {
    if (!procedure) {
      const picker = form.querySelector('[data-path="procedureCode"]');
      if (picker instanceof HTMLElement) setFieldError(picker, t('intake.pickProcedure'));
      const input = form.querySelector('#proc-q');
      if (input instanceof HTMLElement) input.focus();
      return null;
    }
    const entered = applicant.value();
    if (!entered) return null;
    const decision = radioValue(form, 'decision');
    const missing = [
      ...[...missingList.querySelectorAll('input:checked')].map(
        (b) => /** @type {HTMLInputElement} */ (b).value,
      ),
      ...missingOther.control.value
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ];
    return {
      procedureCode: procedure.code,
      ...entered,
      components: componentChecks(),
      decision,
      ...(decision === 'request_supplement' ? { missing } : {}),
      ...(decision === 'refuse' && reason.control.value.trim()
        ? { reason: reason.control.value.trim() }
        : {}),
      ...(note.control.value.trim() ? { note: note.control.value.trim() } : {}),
    };
  }
  keyedSubmit(form, submit, {
    path: '/api/dossiers',
    read,
    done: (dossier) => {
      draft.clear();
      setLeaveGuard(null);
      const panel = intakeResult(dossier);
      replace(main, h('h1', null, t('intake.title')), panel);
      panel.querySelector('h2')?.focus();
    },
    retryHint: t('intake.retryHint'),
  });

  main.append(form);
  const saved = draft.load();
  if (saved) {
    try {
      if (saved.procedureCode)
        await pick(await api(`/api/procedures/${encodeURIComponent(saved.procedureCode)}`));
      else showPicker();
      draft.apply(saved);
      main.insertBefore(
        h('p', { class: 'alert alert-info', role: 'status' }, t('intake.draftRestored')),
        form,
      );
      return;
    } catch {
      draft.clear();
    }
  }
  const preset = ctx.query.get('procedure');
  if (preset) {
    try {
      await pick(await api(`/api/procedures/${encodeURIComponent(preset)}`));
      return;
    } catch {
      // fall back to searching
    }
  }
  showPicker();
}
