/**
 * The province's working calendar for a year: twelve small months with days off (holidays, make-up days) and
 * swapped working Saturdays marked, and the list of special days with their reasons (the accessible view).
 */
import { api, query } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { localIsoDate, showIsoDate } from '../lib/format.js';
import { num, t } from '../lib/i18n.js';
import { link } from '../lib/router.js';
import { session } from '../lib/session.js';
import { errorText, loading } from '../lib/ui.js';

/** @type {import('../lib/router.js').View} */
export async function calendarView(main, ctx) {
  const today = localIsoDate();
  const year = Number(ctx.query.get('year')) || Number(today.slice(0, 4));
  const province = ctx.query.get('province') ?? session.me?.provinceCode ?? '68';
  const nav = h(
    'nav',
    { class: 'year-nav', 'aria-label': t('calendar.years') },
    link(
      `/lich-lam-viec${query({ year: year - 1, province: ctx.query.get('province') })}`,
      { class: 'btn btn-small' },
      `← ${year - 1}`,
    ),
    h('strong', { class: 'year' }, String(year)),
    link(
      `/lich-lam-viec${query({ year: year + 1, province: ctx.query.get('province') })}`,
      { class: 'btn btn-small' },
      `${year + 1} →`,
    ),
  );
  const body = h('div', null, loading());
  main.append(h('h1', null, t('calendar.title', { year })), nav, body);
  try {
    const cal = await api(`/api/calendar/${province}/${year}`);
    if (!ctx.alive()) return;
    /** @type {Map<string, {working: boolean, reason: string}>} */
    const special = new Map(cal.days.map((/** @type {any} */ d) => [d.date, d]));
    const weekdays = new Set(/** @type {number[]} */ (cal.workingWeekdays));
    replace(
      body,
      h(
        'p',
        { class: 'hint' },
        t('calendar.summary', {
          days: num(cal.workingDays),
          periods: cal.periods.map((/** @type {any} */ p) => `${p.start}–${p.end}`).join(', '),
        }),
      ),
      legend(),
      h(
        'div',
        { class: 'months' },
        ...Array.from({ length: 12 }, (_, m) => month(year, m + 1, special, weekdays, today)),
      ),
      h('h2', null, t('calendar.specialDays')),
      h(
        'table',
        { class: 'table special-days' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('calendar.date')),
            h('th', { scope: 'col' }, t('calendar.kind')),
            h('th', { scope: 'col' }, t('calendar.reason')),
          ),
        ),
        h(
          'tbody',
          null,
          ...cal.days.map((/** @type {any} */ d) =>
            h(
              'tr',
              null,
              h('td', null, `${t(`weekday.${d.weekday}`)} ${showIsoDate(d.date)}`),
              h(
                'td',
                null,
                h(
                  'span',
                  { class: `badge ${d.working ? 'badge-green' : 'badge-red'}` },
                  t(d.working ? 'calendar.workingDay' : 'calendar.dayOff'),
                ),
              ),
              h('td', null, d.reason),
            ),
          ),
        ),
      ),
    );
  } catch (e) {
    replace(body, h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
  }
}

function legend() {
  return h(
    'ul',
    { class: 'legend' },
    h('li', null, h('span', { class: 'day sample off' }, '1'), ' ', t('calendar.legend.off')),
    h('li', null, h('span', { class: 'day sample holiday' }, '1'), ' ', t('calendar.legend.holiday')),
    h('li', null, h('span', { class: 'day sample swap' }, '1'), ' ', t('calendar.legend.swap')),
    h('li', null, h('span', { class: 'day sample today' }, '1'), ' ', t('calendar.legend.today')),
  );
}

/**
 * @param {number} year
 * @param {number} m 1-12
 * @param {Map<string, {working: boolean, reason: string}>} special
 * @param {Set<number>} weekdays
 * @param {string} today
 */
function month(year, m, special, weekdays, today) {
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const first = new Date(Date.UTC(year, m - 1, 1)).getUTCDay() || 7; // ISO weekday of the 1st
  /** @type {HTMLElement[]} */
  const cells = [];
  for (let i = 1; i < first; i += 1) cells.push(h('td'));
  /** @type {HTMLElement[]} */
  const rows = [];
  for (let d = 1; d <= days; d += 1) {
    const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const wd = ((first - 1 + d - 1) % 7) + 1;
    const s = special.get(iso);
    const working = s ? s.working : weekdays.has(wd);
    const cls = [
      'day',
      working ? '' : 'off',
      s && !s.working ? 'holiday' : '',
      s?.working ? 'swap' : '',
      iso === today ? 'today' : '',
    ]
      .filter(Boolean)
      .join(' ');
    cells.push(
      h('td', { class: cls, title: s?.reason, 'aria-label': s ? `${d}: ${s.reason}` : undefined }, String(d)),
    );
    if (cells.length === 7) rows.push(h('tr', null, ...cells.splice(0)));
  }
  if (cells.length) rows.push(h('tr', null, ...cells.splice(0)));
  return h(
    'table',
    { class: 'month' },
    h('caption', null, t(`month.${m}`)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...[1, 2, 3, 4, 5, 6, 7].map((w) =>
          h('th', { scope: 'col', abbr: t(`weekday.${w}`) }, t(`weekdayShort.${w}`)),
        ),
      ),
    ),
    h('tbody', null, ...rows),
  );
}
