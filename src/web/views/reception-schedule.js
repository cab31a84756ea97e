/**
 * The commune's reception schedule (`/tiep-cong-dan/lich`): the weekly slots and the dated exceptions (a cancelled
 * day, an extra session), edited by the commune leader (PUT /api/reception-schedule/:unitCode), read by the
 * commune's officers; the weeks as the public page shows them underneath. The chairman must host at least one
 * weekly slot (Law on Citizen Reception 2013 Art. 15.2.d): the server refuses otherwise and says so on `slots`.
 */
import { api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { formatDateTime, parseDateInput, showIsoDate } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { link } from '../lib/router.js';
import { session } from '../lib/session.js';
import { errorText, formAlert, loading, showError, toast } from '../lib/ui.js';
import { scheduleWeeks } from './public-schedule.js';

/** @typedef {import('../../server/reception/reception.schemas.ts').TSchedule} TSchedule */

const HOSTS = ['chairman', 'vice_chairman', 'officer'];

/** @param {string} name @param {string} value @param {[string, string][]} options @param {string} label */
const select = (name, value, options, label) =>
  h(
    'select',
    { name, 'aria-label': label },
    ...options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)),
  );

/** @param {string} name @param {string} value @param {string} label @param {Record<string, unknown>} [attrs] */
const input = (name, value, label, attrs = {}) =>
  h('input', { type: 'text', name, value, 'aria-label': label, ...attrs });

const weekdayOptions = () =>
  /** @type {[string, string][]} */ (
    [1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), t(`reception.weekday.${d}`)])
  );
const hostOptions = () => /** @type {[string, string][]} */ (HOSTS.map((r) => [r, t(`reception.host.${r}`)]));

/** @param {Partial<TSchedule['slots'][number]>} s @param {boolean} edit */
function slotRow(s, edit) {
  const tr = h(
    'tr',
    { class: 'slot-row' },
    h('td', null, select('weekday', String(s.weekday ?? 4), weekdayOptions(), t('reception.schedule.day'))),
    h(
      'td',
      null,
      input('fromTime', s.fromTime ?? '07:30', t('reception.schedule.from'), { maxlength: 5, size: 5 }),
      '–',
      input('toTime', s.toTime ?? '11:00', t('reception.schedule.to'), { maxlength: 5, size: 5 }),
    ),
    h('td', null, select('hostRole', s.hostRole ?? 'chairman', hostOptions(), t('reception.schedule.host'))),
    h(
      'td',
      null,
      input('hostName', s.hostName ?? '', t('reception.schedule.hostName'), { maxlength: 120 }),
      input('hostTitle', s.hostTitle ?? '', t('reception.schedule.hostTitle'), { maxlength: 120 }),
    ),
    h('td', null, input('place', s.place ?? '', t('reception.schedule.place'), { maxlength: 200 })),
    h('td', null, edit ? removeButton() : null),
  );
  if (!edit) for (const c of tr.querySelectorAll('input, select')) c.setAttribute('disabled', '');
  return tr;
}

/** @param {Partial<TSchedule['exceptions'][number]>} e @param {boolean} edit */
function exceptionRow(e, edit) {
  const tr = h(
    'tr',
    { class: 'exception-row' },
    h(
      'td',
      null,
      input('date', e.date ? showIsoDate(e.date) : '', t('reception.schedule.date'), {
        maxlength: 10,
        size: 10,
        placeholder: t('date.placeholder'),
      }),
    ),
    h(
      'td',
      null,
      select(
        'kind',
        e.kind ?? 'cancelled',
        [
          ['cancelled', t('reception.schedule.cancelled')],
          ['extra', t('reception.schedule.extra')],
        ],
        t('reception.schedule.kind'),
      ),
    ),
    h(
      'td',
      null,
      input('fromTime', e.fromTime ?? '', t('reception.schedule.from'), { maxlength: 5, size: 5 }),
      '–',
      input('toTime', e.toTime ?? '', t('reception.schedule.to'), { maxlength: 5, size: 5 }),
    ),
    h(
      'td',
      null,
      select('hostRole', e.hostRole ?? 'chairman', hostOptions(), t('reception.schedule.host')),
      input('hostName', e.hostName ?? '', t('reception.schedule.hostName'), { maxlength: 120 }),
      input('hostTitle', e.hostTitle ?? '', t('reception.schedule.hostTitle'), { maxlength: 120 }),
    ),
    h(
      'td',
      null,
      input('place', e.place ?? '', t('reception.schedule.place'), { maxlength: 200 }),
      input('note', e.note ?? '', t('reception.schedule.note'), { maxlength: 300 }),
    ),
    h('td', null, edit ? removeButton() : null),
  );
  if (!edit) for (const c of tr.querySelectorAll('input, select')) c.setAttribute('disabled', '');
  return tr;
}

function removeButton() {
  return h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-ghost',
      onclick: (/** @type {Event} */ e) =>
        /** @type {HTMLElement} */ (e.currentTarget).closest('tr')?.remove(),
    },
    t('reception.schedule.remove'),
  );
}

/** The values of a row's controls by name ('' left out). @param {Element} tr */
function valuesOf(tr) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const c of tr.querySelectorAll('input, select')) {
    const el = /** @type {HTMLInputElement} */ (c);
    if (el.value.trim()) out[el.name] = el.value.trim();
  }
  return out;
}

/** @type {import('../lib/router.js').View} */
export async function receptionScheduleView(main, ctx) {
  const unitCode = ctx.query.get('xa') ?? session.unit?.code ?? '';
  main.append(
    link('/tiep-cong-dan', { class: 'back' }, t('reception.back')),
    h('h1', null, t('reception.schedule.title')),
    h('p', { class: 'lead' }, t('reception.schedule.lead')),
  );
  const box = h('div', null, loading());
  main.append(box);
  if (!/^\d{5}$/.test(unitCode)) {
    replace(box, h('p', { class: 'alert alert-info' }, t('reception.schedule.pickCommune')));
    return;
  }
  try {
    const s = /** @type {TSchedule} */ (await api(`/api/reception-schedule/${unitCode}`));
    if (ctx.alive()) await draw(box, s);
  } catch (e) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

/** @param {HTMLElement} box @param {TSchedule} s */
async function draw(box, s) {
  const edit = s.abilities.edit;
  const slots = h('tbody', null, ...s.slots.map((x) => slotRow(x, edit)));
  const exceptions = h('tbody', null, ...s.exceptions.map((x) => exceptionRow(x, edit)));
  const head = (/** @type {string[]} */ ...cols) =>
    h('thead', null, h('tr', null, ...cols.map((c) => h('th', { scope: 'col' }, c))));
  const form = /** @type {HTMLFormElement} */ (
    h(
      'form',
      { class: 'card', novalidate: true, 'data-testid': 'schedule-form' },
      formAlert(),
      h('h2', null, t('reception.schedule.weekly')),
      h(
        'div',
        { class: 'field', 'data-path': 'slots' },
        h(
          'table',
          { class: 'table' },
          head(
            t('reception.schedule.day'),
            t('reception.schedule.time'),
            t('reception.schedule.host'),
            t('reception.schedule.hostName'),
            t('reception.schedule.place'),
            '',
          ),
          slots,
        ),
        h('p', { class: 'field-error', hidden: true }),
      ),
      edit
        ? h(
            'button',
            { type: 'button', class: 'btn btn-small', onclick: () => slots.append(slotRow({}, true)) },
            t('reception.schedule.addSlot'),
          )
        : null,
      h('h2', null, t('reception.schedule.exceptions')),
      h(
        'table',
        { class: 'table' },
        head(
          t('reception.schedule.date'),
          t('reception.schedule.kind'),
          t('reception.schedule.time'),
          t('reception.schedule.host'),
          t('reception.schedule.place'),
          '',
        ),
        exceptions,
      ),
      edit
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small',
              onclick: () => exceptions.append(exceptionRow({}, true)),
            },
            t('reception.schedule.addException'),
          )
        : null,
      h('p', { class: 'hint' }, t('reception.schedule.rule')),
      s.version
        ? h(
            'p',
            { class: 'hint', 'data-testid': 'schedule-version' },
            t('reception.schedule.version', { n: s.version, at: formatDateTime(s.updatedAt) }),
          )
        : null,
      edit
        ? h(
            'p',
            null,
            h('button', { type: 'submit', class: 'btn btn-primary' }, t('reception.schedule.save')),
          )
        : h('p', { class: 'hint' }, t('reception.schedule.readOnly')),
    )
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      slots: [...slots.children].map((tr) => {
        const v = valuesOf(tr);
        return { ...v, weekday: Number(v.weekday) };
      }),
      exceptions: [...exceptions.children].map((tr) => {
        const v = valuesOf(tr);
        return { ...v, date: parseDateInput(v.date ?? '') ?? v.date ?? '' };
      }),
    };
    try {
      const saved = /** @type {TSchedule} */ (
        await api(`/api/reception-schedule/${s.unitCode}`, { method: 'PUT', body })
      );
      toast(t('reception.schedule.saved'), 'success');
      await draw(box, saved);
    } catch (err) {
      showError(form, err);
    }
  });
  const published = h('div', null);
  replace(
    box,
    form,
    h('h2', null, t('reception.schedule.published')),
    published,
    h('p', null, link(`/lich-tiep-cong-dan?xa=${s.unitCode}`, null, t('reception.schedule.publicLink'))),
  );
  try {
    replace(published, ...scheduleWeeks(await api(`/api/public/reception-schedule/${s.unitCode}`)));
  } catch (e) {
    replace(published, h('p', { class: 'hint' }, errorText(e)));
  }
}
