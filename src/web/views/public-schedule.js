/**
 * The public citizen reception schedule (`/lich-tiep-cong-dan?xa=<commune code>`, no sign-in): this week's and
 * next week's sessions of a commune, from GET /api/public/reception-schedule/:unitCode (Law on Citizen Reception
 * 2013 Art. 24.2: the place, the regular times and the chairman's days are published). Dates dd/MM/yyyy.
 */
import { ApiError, api } from '../lib/api.js';
import { h, icon, replace } from '../lib/dom.js';
import { showIsoDate } from '../lib/format.js';
import { t } from '../lib/i18n.js';
import { setUrl } from '../lib/router.js';
import { session } from '../lib/session.js';
import { errorText, loading } from '../lib/ui.js';

/**
 * @typedef {import('../../server/reception/reception.schemas.ts').TPublicSchedule} TPublicSchedule
 * @typedef {TPublicSchedule['weeks'][number]['days'][number]} Day
 */

/** @param {Day} d */
function dayRow(d) {
  const when = h('th', { scope: 'row' }, t(`reception.weekday.${d.weekday}`), h('br'), showIsoDate(d.date));
  const sessions = d.sessions.map((s) =>
    h(
      'div',
      { class: 'session', 'data-testid': 'session' },
      h('strong', null, `${s.fromTime}–${s.toTime}`),
      ' ',
      `${s.hostName} (${s.hostTitle})`,
      h('br'),
      h('span', { class: 'hint' }, s.place),
      s.extra ? [' ', h('span', { class: 'badge badge-green' }, t('reception.schedule.extra'))] : null,
    ),
  );
  const cancelled = d.cancelled.map((c) =>
    h(
      'div',
      { class: 'session cancelled' },
      h('span', { class: 'badge badge-muted' }, t('reception.schedule.cancelled')),
      ` ${c.fromTime}–${c.toTime}`,
      c.note ? ` — ${c.note}` : '',
    ),
  );
  const none = d.holiday ? t('reception.schedule.holiday') : '—';
  return h(
    'tr',
    { 'data-date': d.date },
    when,
    h('td', null, ...(sessions.length || cancelled.length ? [...sessions, ...cancelled] : [none])),
  );
}

/** Two weeks of sessions as tables. @param {TPublicSchedule} s */
export function scheduleWeeks(s) {
  return s.weeks.map((w, i) =>
    h(
      'section',
      { class: 'card', 'aria-labelledby': `rec-week-${i}` },
      h(
        'h2',
        { id: `rec-week-${i}` },
        t(i === 0 ? 'reception.schedule.thisWeek' : 'reception.schedule.nextWeek', {
          from: showIsoDate(w.days[0]?.date ?? w.monday),
          to: showIsoDate(w.days[6]?.date ?? w.monday),
        }),
      ),
      h(
        'table',
        { class: 'table schedule-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('reception.schedule.day')),
            h('th', { scope: 'col' }, t('reception.schedule.sessions')),
          ),
        ),
        h('tbody', null, ...w.days.map(dayRow)),
      ),
    ),
  );
}

/** @type {import('../lib/router.js').View} */
export async function publicScheduleView(main, ctx) {
  const preset =
    ctx.query.get('xa') ?? (session.unit?.code && session.unit.code.length === 5 ? session.unit.code : '');
  const input = h('input', {
    type: 'text',
    id: 'rec-unit',
    inputmode: 'numeric',
    maxlength: '5',
    pattern: '[0-9]{5}',
    value: preset,
    autocomplete: 'off',
    'aria-describedby': 'rec-unit-hint',
  });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'card', role: 'search', novalidate: true },
    h('label', { for: 'rec-unit' }, t('reception.public.unit')),
    h(
      'div',
      { class: 'search' },
      input,
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary' },
        icon('search'),
        ' ',
        t('reception.public.show'),
      ),
    ),
    h('p', { class: 'hint', id: 'rec-unit-hint' }, t('reception.public.unitHint')),
  );
  async function show() {
    const code = String(/** @type {HTMLInputElement} */ (input).value).trim();
    if (!/^\d{5}$/.test(code)) {
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, t('reception.public.unitInvalid')));
      return;
    }
    setUrl(`/lich-tiep-cong-dan?xa=${code}`);
    replace(out, loading());
    try {
      const s = /** @type {TPublicSchedule} */ (await api(`/api/public/reception-schedule/${code}`));
      if (!ctx.alive()) return;
      const empty = s.weeks.every((w) => w.days.every((d) => !d.sessions.length));
      replace(
        out,
        h('h2', { 'data-testid': 'schedule-unit' }, s.unit.name),
        empty ? h('p', { class: 'alert alert-info' }, t('reception.public.empty')) : null,
        ...scheduleWeeks(s),
      );
    } catch (e) {
      const msg =
        e instanceof ApiError && e.code === 'NOT_FOUND' ? t('reception.public.notFound') : errorText(e);
      replace(out, h('p', { class: 'alert alert-info', role: 'alert' }, msg));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void show();
  });
  main.append(
    h('h1', null, t('reception.public.title')),
    h('p', { class: 'lead' }, t('reception.public.lead')),
    form,
    out,
  );
  if (preset) await show();
  else input.focus();
}
