/**
 * Leave dates (issue 12 item 3): the commune leader sets the leave of the commune's specialists and counter
 * officers, the province supervisor that of the province's communes; any other officer sees their own. Auto-assign
 * skips an officer on leave, and the leader's "reassign" moves the open dossiers of those on leave today. Dates are
 * typed dd/MM/yyyy; the server checks them again (400 naming the field: leave.order, leave.too_long, leave.too_far).
 */
import { api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { localIsoDate, showIsoDate } from '../lib/format.js';
import { hasAbility, session } from '../lib/session.js';
import {
  clearIssues,
  dateField,
  dateValue,
  errorText,
  formAlert,
  loading,
  setFieldError,
  showError,
  toast,
} from '../lib/ui.js';

/** The longest leave and how far from today it may start, as the server's account.leave.service.ts. */
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const dayNumber = (/** @type {string} */ iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * @typedef {{username: string, displayName: string, unitCode: string, roles: string[], leaveFrom: string | null,
 *   leaveUntil: string | null, onLeave: boolean, editable: boolean}} Entry
 */

/** @type {import('../lib/router.js').View} */
export async function leaveView(main, ctx) {
  const manager = hasAbility('staff.leave');
  main.append(
    h('h1', null, t('leave.title')),
    h('p', { class: 'hint' }, t(manager ? 'leave.intro' : 'leave.introOwn')),
  );
  const body = h('div', null, loading());
  main.append(body);
  try {
    /** @type {{items: Entry[], truncated: boolean}} */
    const res = await api('/api/staff-leave');
    /** @type {Map<string, string>} */
    const unitNames = new Map();
    if (hasAbility('province.wide') && session.unit) {
      /** @type {{items: {code: string, name: string}[]}} */
      const units = await api(`/api/units?province=${encodeURIComponent(session.unit.provinceCode)}`).catch(
        () => ({ items: [] }),
      );
      for (const u of units.items ?? []) unitNames.set(u.code, u.name);
    }
    if (!ctx.alive()) return;
    if (!manager) {
      const me = res.items[0];
      replace(body, h('p', { class: 'leave-own', role: 'status' }, me ? periodText(me) : t('leave.none')));
      return;
    }
    const cards = res.items.map((e) => entryCard(e, unitNames.get(e.unitCode) ?? e.unitCode));
    const filter = h('input', { type: 'search', id: 'leave-filter', maxlength: 100 });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLocaleLowerCase('vi');
      cards.forEach((card, i) => {
        const e = res.items[i];
        const hay = `${e?.displayName} ${e?.username} ${e?.unitCode} ${unitNames.get(e?.unitCode ?? '') ?? ''}`;
        card.hidden = !!q && !hay.toLocaleLowerCase('vi').includes(q);
      });
    });
    replace(
      body,
      h(
        'div',
        { class: 'actions-row' },
        h('label', { for: 'leave-filter' }, t('leave.filter')),
        filter,
        hasAbility('staff.reassign') ? reassignButton() : null,
      ),
      res.truncated ? h('p', { class: 'hint' }, t('leave.truncated')) : null,
      h('ul', { class: 'leave-list' }, ...cards),
    );
  } catch (e) {
    replace(body, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/** "On leave from … to …", or "no leave". @param {Entry} e */
function periodText(e) {
  if (!e.leaveFrom || !e.leaveUntil) return t('leave.none');
  const text = t('leave.period', { from: showIsoDate(e.leaveFrom), until: showIsoDate(e.leaveUntil) });
  return e.onLeave ? `${text} — ${t('leave.onLeaveToday')}` : text;
}

/** The leader's "reassign the dossiers of officers on leave today", with what it did. */
function reassignButton() {
  const result = h('p', { class: 'hint', role: 'status', id: 'leave-reassigned' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      onclick: async () => {
        button.setAttribute('disabled', '');
        try {
          /** @type {{items: {code: string, from: string, to: string | null}[]}} */
          const out = await api('/api/dossiers/reassign-absent', { method: 'POST', body: {} });
          const moved = out.items.filter((x) => x.to).length;
          const stuck = out.items.length - moved;
          result.textContent =
            t('leave.reassigned', { n: moved }) + (stuck ? ` ${t('leave.reassignStuck', { n: stuck })}` : '');
          toast(t('leave.reassigned', { n: moved }));
        } catch (e) {
          toast(errorText(e), 'error');
        } finally {
          button.removeAttribute('disabled');
        }
      },
    },
    t('leave.reassignAbsent'),
  );
  return h('span', { class: 'leave-reassign' }, button, result);
}

/**
 * One officer: their leave, and (editable) a small form to set or clear it.
 * @param {Entry} e
 * @param {string} unitName
 */
function entryCard(e, unitName) {
  const status = h('p', { class: e.onLeave ? 'leave-status on-leave' : 'leave-status' }, periodText(e));
  const head = h(
    'div',
    { class: 'leave-head' },
    h('strong', null, e.displayName),
    ' ',
    h('span', { class: 'muted' }, `${e.username} · ${unitName}`),
  );
  if (!e.editable) return h('li', { class: 'leave-card', 'data-username': e.username }, head, status);
  const from = dateField({
    path: 'from',
    label: t('leave.from'),
    value: e.leaveFrom ? showIsoDate(e.leaveFrom) : '',
  });
  const until = dateField({
    path: 'until',
    label: t('leave.until'),
    value: e.leaveUntil ? showIsoDate(e.leaveUntil) : '',
  });
  const form = h('form', { class: 'leave-form', novalidate: true, 'aria-label': e.displayName }, formAlert());
  /** @param {string | null} a @param {string | null} b */
  const save = async (a, b) => {
    try {
      /** @type {Entry} */
      const saved = await api(`/api/users/${encodeURIComponent(e.username)}/leave`, {
        method: 'PUT',
        body: { from: a, until: b },
      });
      const today = localIsoDate();
      Object.assign(e, {
        leaveFrom: saved.leaveFrom,
        leaveUntil: saved.leaveUntil,
        onLeave:
          !!saved.leaveFrom && !!saved.leaveUntil && saved.leaveFrom <= today && today <= saved.leaveUntil,
      });
      status.textContent = periodText(e);
      status.classList.toggle('on-leave', e.onLeave);
      toast(t('leave.saved'));
    } catch (err) {
      showError(form, err);
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearIssues(form);
    const a = dateValue(from);
    const b = dateValue(until);
    if (a === null || b === null) return focusInvalid(form);
    if (!a || !b) {
      setFieldError(a ? until : from, t('leave.both'));
      return focusInvalid(form);
    }
    if (b < a) {
      setFieldError(until, t('leave.order'));
      return focusInvalid(form);
    }
    if (dayNumber(b) - dayNumber(a) + 1 > MAX_DAYS) {
      setFieldError(until, t('leave.tooLong', { n: MAX_DAYS }));
      return focusInvalid(form);
    }
    void save(a, b);
  });
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small',
      onclick: () => {
        clearIssues(form);
        from.control.value = '';
        until.control.value = '';
        void save(null, null);
      },
    },
    t('leave.clear'),
  );
  form.append(
    h('div', { class: 'leave-fields' }, from, until),
    h(
      'div',
      { class: 'leave-buttons' },
      h('button', { type: 'submit', class: 'btn btn-primary btn-small' }, t('leave.save')),
      clear,
    ),
  );
  return h('li', { class: 'leave-card', 'data-username': e.username }, head, status, form);
}

/** @param {HTMLElement} form */
function focusInvalid(form) {
  /** @type {HTMLElement | null} */
  const bad = form.querySelector('[aria-invalid="true"]');
  bad?.focus();
}
