/**
 * Assigning a task (`/cong-viec/moi`, POST /api/tasks), laid out as the six clear elements ("sáu rõ", docs/TASKS.md),
 * each under its Vietnamese name: the person (a list of the commune's active officers when the leader may list
 * users, else a username), the work, the time (a date and hour, or a number of working days), the responsibility,
 * the product and the authority; then, optionally, collaborators and the dossier it is about (`?dossier=` fills it
 * in). The server names every missing element on its field; the submission carries an Idempotency-Key, reused when
 * retrying after a network failure. Saving opens the task's page.
 */
import { ApiError, api } from '../lib/api.js';
import { h, icon } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { link, navigate } from '../lib/router.js';
import { hasAbility, session } from '../lib/session.js';
import { field, formAlert, keyedSubmit, radios, radioValue, setFieldError, toast } from '../lib/ui.js';
import { dateTimeFields, taskHref } from './task-parts.js';

/** @typedef {{username: string, displayName: string}} Officer */

/**
 * The commune's active officers, when the leader may list users (a province-wide account has no commune: it types
 * a username). Null when the list is not available.
 * @returns {Promise<Officer[] | null>}
 */
async function loadOfficers() {
  const me = session.me;
  if (!me || hasAbility('province.wide') || !hasAbility('users.list')) return null;
  try {
    const res = await api('/api/users');
    return /** @type {any[]} */ (res.items)
      .filter((u) => !u.disabled && u.unitCode === me.unitCode && u.username !== me.username)
      .map((u) => ({ username: String(u.username), displayName: String(u.displayName) }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
  } catch {
    return null;
  }
}

/**
 * One of the six elements: its number and a field labelled with its name.
 * @param {number} n
 * @param {HTMLElement} content
 */
const element = (n, content) =>
  h('li', { class: 'six-item' }, h('span', { class: 'six-num', 'aria-hidden': 'true' }, String(n)), content);

/**
 * The collaborators: a checkbox per officer, or usernames separated by commas.
 * @param {Officer[] | null} officers
 */
function collaboratorsField(officers) {
  if (!officers) {
    const f = field({
      label: t('tasks.form.collaborators'),
      path: 'collaborators',
      hint: t('tasks.form.collaboratorsHint'),
      autocomplete: 'off',
    });
    return {
      el: f,
      read: () =>
        f.control.value
          .split(/[,;\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      exclude: () => undefined,
    };
  }
  const boxes = officers.map((o) =>
    h('input', { type: 'checkbox', name: 'collaborators', value: o.username }),
  );
  const el = h(
    'fieldset',
    { class: 'field checks', 'data-path': 'collaborators' },
    h('legend', null, t('tasks.form.collaborators')),
    ...officers.map((o, i) => h('label', { class: 'check' }, boxes[i], ' ', o.displayName)),
    h('p', { class: 'field-error', hidden: true }),
  );
  return {
    el,
    read: () => boxes.filter((b) => b.checked && !b.disabled).map((b) => b.value),
    /** The person cannot also collaborate. @param {string} username */
    exclude(username) {
      for (const b of boxes) {
        b.disabled = b.value === username;
        if (b.disabled) b.checked = false;
      }
    },
  };
}

/**
 * "Rõ người": a select of the commune's officers, or a username.
 * @param {Officer[] | null} officers
 * @param {(username: string) => void} onPick
 */
function personField(officers, onPick) {
  if (!officers)
    return field({
      label: t('tasks.six.person'),
      path: 'assignee',
      required: true,
      maxlength: 64,
      autocomplete: 'off',
      hint: t('tasks.sixHint.personUsername'),
    });
  return field({
    label: t('tasks.six.person'),
    path: 'assignee',
    type: 'select',
    required: true,
    hint: t('tasks.sixHint.person'),
    options: [
      ['', t('tasks.form.choosePerson')],
      ...officers.map((o) => /** @type {[string, string]} */ ([o.username, o.displayName])),
    ],
    onchange: (e) => onPick(/** @type {HTMLInputElement} */ (e.target).value),
  });
}

/**
 * "Rõ thời gian": a date and an hour, or a number of working days (counted by the server on the province's
 * calendar), whichever is chosen.
 */
function timeElement() {
  const due = dateTimeFields('dueAt', { date: t('tasks.form.dueDate'), time: t('tasks.form.dueTime') });
  const limit = field({
    label: t('tasks.form.limitDays'),
    path: 'limit',
    inputmode: 'numeric',
    maxlength: 3,
    hint: t('tasks.form.limitHint'),
  });
  /** @param {string} v */
  const applyMode = (v) => {
    due.el.hidden = v !== 'dueAt';
    limit.hidden = v !== 'limit';
  };
  const choice = radios(
    'timeMode',
    t('tasks.form.timeMode'),
    [
      ['dueAt', t('tasks.form.timeByDate')],
      ['limit', t('tasks.form.timeByLimit')],
    ],
    'dueAt',
    applyMode,
  );
  applyMode('dueAt');
  const mode = () => radioValue(choice, 'timeMode');
  return {
    el: h(
      'fieldset',
      { class: 'six-time' },
      h('legend', null, t('tasks.six.time'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      h('p', { class: 'hint' }, t('tasks.sixHint.time')),
      choice,
      due.el,
      limit,
    ),
    /** 'dueAt' or 'limit' */
    mode,
    /**
     * The time as the request states it; null when what was typed is invalid (the field is marked), undefined
     * when no time was given.
     * @returns {{dueAt: string} | {limit: {value: number, unit: string}} | null | undefined}
     */
    read() {
      if (mode() === 'limit') {
        const raw = limit.control.value.trim();
        if (!raw) return undefined;
        const n = Number(raw);
        if (!/^\d{1,3}$/.test(raw) || n < 1 || n > 365) {
          setFieldError(limit, t('tasks.form.limitInvalid'));
          return null;
        }
        return { limit: { value: n, unit: 'working_day' } };
      }
      const at = due.read();
      if (at === null) return null;
      return at ? { dueAt: at } : undefined;
    },
  };
}

/** @type {import('../lib/router.js').View} */
export async function taskFormView(main, ctx) {
  main.append(
    link('/cong-viec', { class: 'back' }, icon('back'), ' ', t('tasks.back')),
    h('h1', null, t('tasks.form.title')),
  );
  if (!hasAbility('task.assign')) {
    main.append(h('p', { class: 'alert alert-info' }, t('tasks.form.notAllowed')));
    return;
  }
  const officers = await loadOfficers();
  if (!ctx.alive()) return;

  const text = (/** @type {string} */ path, rows = 2) =>
    field({
      label: t(`tasks.six.${path}`),
      path,
      type: 'textarea',
      rows,
      required: true,
      maxlength: 4000,
      hint: t(`tasks.sixHint.${path}`),
    });
  const collaborators = collaboratorsField(officers);
  const person = personField(officers, collaborators.exclude);
  const work = text('work', 3);
  const responsibility = text('responsibility');
  const product = text('product');
  const authority = text('authority');

  const time = timeElement();

  const dossierCode = field({
    label: t('tasks.form.dossierCode'),
    path: 'dossierCode',
    value: ctx.query.get('dossier') ?? '',
    maxlength: 64,
    autocomplete: 'off',
    hint: t('tasks.form.dossierCodeHint'),
  });

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('tasks.form.submit'));
  const form = h(
    'form',
    { class: 'task-form', novalidate: true },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-six' },
      h('h2', { id: 'sec-six' }, t('tasks.form.sixHeading')),
      h('p', { class: 'hint' }, t('tasks.form.sixLead')),
      h(
        'ol',
        { class: 'six-clear' },
        ...[person, work, time.el, responsibility, product, authority].map((el, i) => element(i + 1, el)),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'sec-task-more' },
      h('h2', { id: 'sec-task-more' }, t('tasks.form.more')),
      collaborators.el,
      dossierCode,
    ),
    formAlert(),
    h(
      'div',
      { class: 'actions-row' },
      submit,
      link('/cong-viec', { class: 'btn btn-link' }, t('common.cancel')),
    ),
  );

  /** The request, or null when the time typed is invalid (the field is then marked). */
  function read() {
    const timePart = time.read();
    if (timePart === null) return null;
    const val = (/** @type {{control: {value: string}}} */ f) => f.control.value.trim();
    /** @type {Record<string, unknown>} */
    const request = {
      assignee: val(person),
      work: val(work),
      responsibility: val(responsibility),
      product: val(product),
      authority: val(authority),
      collaborators: collaborators.read().filter((u) => u !== val(person)),
      ...timePart,
    };
    if (val(dossierCode)) request.dossierCode = val(dossierCode);
    return request;
  }
  keyedSubmit(form, submit, {
    path: '/api/tasks',
    read,
    done: (task) => {
      toast(t('tasks.form.saved', { person: task.person.name }), 'success');
      navigate(taskHref(task.id), { replace: true });
    },
    retryHint: t('tasks.form.retryHint'),
    adapt: (err) => onTimeField(err, time.mode()),
  });

  main.append(form);
}

const FORM_ORDER = [
  'assignee',
  'work',
  'dueAt',
  'limit',
  'responsibility',
  'product',
  'authority',
  'collaborators',
  'dossierCode',
];

/**
 * The server names a missing or bad time at `dueAt` (or `limit.*`): put it on the time field in use, and order the
 * issues as the form is, so that focus goes to the first bad field.
 * @param {unknown} err
 * @param {string} mode 'dueAt' or 'limit'
 */
function onTimeField(err, mode) {
  if (!(err instanceof ApiError) || err.issues.length === 0) return err;
  const onField = (/** @type {string} */ path) =>
    mode === 'limit' && (path === 'dueAt' || path.startsWith('limit')) ? 'limit' : path;
  const issues = err.issues.map((i) => ({ ...i, path: onField(i.path) }));
  // in the order of the form, so that focus goes to the first bad field
  const rank = (/** @type {string} */ path) => {
    const i = FORM_ORDER.indexOf(path.split('.')[0] ?? path);
    return i < 0 ? FORM_ORDER.length : i;
  };
  issues.sort((a, b) => rank(a.path) - rank(b.path));
  return new ApiError(err.status, err.code, err.message, { ...err.details, issues });
}
