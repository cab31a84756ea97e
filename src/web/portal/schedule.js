/**
 * The chosen commune's citizen reception schedule (`/cong-dan/lich-tiep?xa=25000`), drawn by the officers' app's
 * own public schedule tables (views/public-schedule.js) from GET /api/public/reception-schedule/:unitCode.
 */
import { ApiError, api } from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { errorText, loading } from '../lib/ui.js';
import { scheduleWeeks } from '../views/public-schedule.js';
import { chosenCommune, communePicker, rememberCommune } from './commune.js';

/** @type {import('../lib/router.js').View} */
export async function portalScheduleView(main, ctx) {
  main.append(
    h('h1', null, t('reception.public.title')),
    h('p', { class: 'lead' }, t('reception.public.lead')),
  );
  const out = h('div', { 'aria-live': 'polite' });
  /** @param {string} unit */
  async function show(unit) {
    replace(out, loading());
    try {
      const s = await api(`/api/public/reception-schedule/${unit}`);
      if (!ctx.alive()) return;
      const empty = s.weeks.every((/** @type {any} */ w) =>
        w.days.every((/** @type {any} */ d) => !d.sessions.length),
      );
      replace(
        out,
        h('h2', { 'data-testid': 'schedule-unit' }, s.unit.name),
        empty ? h('p', { class: 'alert alert-info' }, t('reception.public.empty')) : null,
        ...scheduleWeeks(s),
      );
    } catch (e) {
      replace(
        out,
        h(
          'p',
          { class: 'alert alert-info', role: 'alert' },
          e instanceof ApiError && e.code === 'NOT_FOUND' ? t('reception.public.notFound') : errorText(e),
        ),
      );
    }
  }
  const unit = ctx.query.get('xa') ?? chosenCommune()?.code;
  const picker = communePicker((c) => {
    rememberCommune(c);
    void show(c.code);
  });
  main.append(picker.form, out);
  if (unit && /^\d{5}$/.test(unit)) await show(unit);
  else picker.focus();
}
