/* global document, location */
/**
 * MộtCửa in the browser: plain ES modules, no build step. This file draws the shell (skip link, top bar with
 * the centre's name, the user, the language switcher and sign-out) and routes to the screens in views/.
 */
import { setUnauthenticatedHandler } from './lib/api.js';
import { h, replace } from './lib/dom.js';
import { LANGS, LANG_NAMES, getLang, initLang, onLangChange, setLang, t } from './lib/i18n.js';
import { focusHeading, lazyView, link, navigate, refresh, startRouter } from './lib/router.js';
import { notificationBell, stopNotificationBell } from './lib/notification-bell.js';
import { can, hasAbility, loadSession, session, signOut } from './lib/session.js';
import { errorText, toast } from './lib/ui.js';
import { loginView } from './views/login.js';
import { lookupView } from './views/lookup.js';
import { verifyView } from './views/verify.js';
import { publicScheduleView } from './views/public-schedule.js';

/** @type {import('./lib/router.js').Route[]} */
const ROUTES = [
  { pattern: /^\/tra-cuu$/, view: lookupView, public: true, title: 'lookup.title' },
  { pattern: /^\/xac-thuc$/, view: verifyView, public: true, title: 'verify.title' },
  {
    pattern: /^\/lich-tiep-cong-dan$/,
    view: publicScheduleView,
    public: true,
    title: 'reception.public.title',
  },
  { pattern: /^\/dang-nhap$/, view: loginView, public: true, guest: true, title: 'login.title' },
  { pattern: /^\/$/, view: lazyView(() => import('./views/queue.js'), 'queueView'), title: 'queue.title' },
  {
    pattern: /^\/tiep-nhan$/,
    view: lazyView(() => import('./views/intake.js'), 'intakeView'),
    title: 'intake.title',
  },
  {
    pattern: /^\/ho-so(?:\/([^/]+))?$/,
    view: lazyView(() => import('./views/dossier.js'), 'dossierView'),
    title: 'dossier.titleShort',
  },
  {
    pattern: /^\/don-thu$/,
    view: lazyView(() => import('./views/petitions.js'), 'petitionsView'),
    title: 'petitions.title',
  },
  {
    pattern: /^\/don-thu\/moi$/,
    view: lazyView(() => import('./views/petition-form.js'), 'petitionFormView'),
    title: 'petitions.form.title',
  },
  {
    pattern: /^\/don-thu\/xem$/,
    view: lazyView(() => import('./views/petition.js'), 'petitionView'),
    title: 'petitions.detail.titleShort',
  },
  {
    pattern: /^\/tiep-cong-dan$/,
    view: lazyView(() => import('./views/reception.js'), 'receptionsView'),
    title: 'reception.title',
  },
  {
    pattern: /^\/tiep-cong-dan\/moi$/,
    view: lazyView(() => import('./views/reception-form.js'), 'receptionFormView'),
    title: 'reception.form.title',
  },
  {
    pattern: /^\/tiep-cong-dan\/xem$/,
    view: lazyView(() => import('./views/reception.js'), 'receptionView'),
    title: 'reception.detail.titleShort',
  },
  {
    pattern: /^\/tiep-cong-dan\/lich$/,
    view: lazyView(() => import('./views/reception-schedule.js'), 'receptionScheduleView'),
    title: 'reception.schedule.title',
  },
  {
    pattern: /^\/cong-viec$/,
    view: lazyView(() => import('./views/tasks.js'), 'tasksView'),
    title: 'tasks.title',
  },
  {
    pattern: /^\/cong-viec\/moi$/,
    view: lazyView(() => import('./views/task-form.js'), 'taskFormView'),
    title: 'tasks.form.title',
  },
  {
    pattern: /^\/cong-viec\/xem$/,
    view: lazyView(() => import('./views/task.js'), 'taskView'),
    title: 'tasks.detail.title',
  },
  {
    pattern: /^\/tong-quan$/,
    view: lazyView(() => import('./views/dashboard.js'), 'dashboardView'),
    title: 'dashboard.title',
  },
  {
    pattern: /^\/bao-cao$/,
    view: lazyView(() => import('./views/reports.js'), 'reportsView'),
    title: 'reports.title',
  },
  {
    pattern: /^\/lich-lam-viec$/,
    view: lazyView(() => import('./views/calendar.js'), 'calendarView'),
    title: 'calendar.titleShort',
  },
  {
    pattern: /^\/thu-tuc$/,
    view: lazyView(() => import('./views/catalog.js'), 'catalogView'),
    title: 'catalog.title',
  },
  {
    pattern: /^\/luong-xu-ly$/,
    view: lazyView(() => import('./views/routing.js'), 'routingView'),
    title: 'routing.title',
  },
  {
    pattern: /^\/nhat-ky$/,
    view: lazyView(() => import('./views/audit.js'), 'auditView'),
    title: 'audit.title',
  },
  {
    pattern: /^\/chu-ky-so$/,
    view: lazyView(() => import('./views/signing.js'), 'signingView'),
    title: 'signing.title',
  },
  {
    pattern: /^\/nghi-phep$/,
    view: lazyView(() => import('./views/leave.js'), 'leaveView'),
    title: 'leave.title',
  },
];

const NAV = [
  { href: '/', key: 'nav.queue', show: () => true },
  { href: '/tiep-nhan', key: 'nav.intake', show: () => can('intake') },
  { href: '/don-thu', key: 'petitions.nav', show: () => true },
  { href: '/tiep-cong-dan', key: 'reception.nav', show: () => true },
  { href: '/cong-viec', key: 'tasks.nav', show: () => true },
  { href: '/tong-quan', key: 'dashboard.nav', show: () => true },
  { href: '/bao-cao', key: 'nav.reports', show: () => true },
  { href: '/lich-lam-viec', key: 'nav.calendar', show: () => true },
  { href: '/thu-tuc', key: 'nav.catalog', show: () => true },
  { href: '/luong-xu-ly', key: 'nav.routing', show: () => hasAbility('routing.edit') },
  { href: '/nghi-phep', key: 'nav.leave', show: () => true },
  { href: '/nhat-ky', key: 'audit.nav', show: () => hasAbility('audit.read') },
  { href: '/chu-ky-so', key: 'signing.nav', show: () => hasAbility('signing.list') },
];

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
const topbar = h('header', { class: 'topbar' });
const main = h('main', { id: 'main', tabindex: '-1' });
const footer = h('footer', { class: 'footer' });
const skip = h('a', { class: 'skip-link', href: '#main' });
let firstRender = true;
/** @type {string} */
let currentPath = '/';

function centreName() {
  const unit = session.unit;
  if (!unit) return '';
  if (unit.type === 'province' || unit.type === 'city') return unit.name;
  return t('app.centreOf', { unit: unit.name.charAt(0).toLowerCase() + unit.name.slice(1) });
}

function languageSwitcher() {
  const select = h(
    'select',
    { id: 'lang', class: 'lang' },
    ...LANGS.map((l) => h('option', { value: l, selected: l === getLang(), lang: l }, LANG_NAMES[l])),
  );
  select.addEventListener('change', () => {
    setLang(/** @type {import('./lib/i18n.js').Lang} */ (select.value)).catch((e) => {
      select.value = getLang();
      toast(errorText(e), 'error');
    });
  });
  // the label is in all three languages: whoever cannot read the current one still finds the switch
  return h(
    'div',
    { class: 'lang-wrap' },
    h('label', { for: 'lang', class: 'visually-hidden' }, 'Ngôn ngữ / Language / Язык'),
    select,
  );
}

function drawTopbar() {
  const me = session.me;
  skip.textContent = t('app.skip');
  const brand = link(
    me ? '/' : '/tra-cuu',
    { class: 'brand' },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '1'),
    h('span', null, 'MộtCửa'),
  );
  const centre = me
    ? h('span', { class: 'centre', 'data-testid': 'centre-name' }, centreName())
    : h('span', { class: 'centre' }, t('app.tagline'));
  const nav = me
    ? h(
        'nav',
        { class: 'mainnav', 'aria-label': t('nav.label') },
        ...NAV.filter((n) => n.show()).map((n) =>
          link(n.href, { 'aria-current': isCurrent(n.href) ? 'page' : undefined }, t(n.key)),
        ),
      )
    : h(
        'nav',
        { class: 'mainnav', 'aria-label': t('nav.label') },
        // the citizens' pages are their own light page (docs/PORTAL.md): a plain link, a full load
        h('a', { href: '/cong-dan' }, t('portal.brand')),
        link('/tra-cuu', { 'aria-current': isCurrent('/tra-cuu') ? 'page' : undefined }, t('nav.lookup')),
        link(
          '/lich-tiep-cong-dan',
          { 'aria-current': isCurrent('/lich-tiep-cong-dan') ? 'page' : undefined },
          t('reception.public.nav'),
        ),
        link('/dang-nhap', { 'aria-current': isCurrent('/dang-nhap') ? 'page' : undefined }, t('nav.signIn')),
      );
  const user = me
    ? h(
        'div',
        { class: 'user' },
        h('span', { class: 'user-name' }, me.displayName),
        h('span', { class: 'user-role' }, me.roles.map((r) => t(`role.${r}`)).join(', ')),
      )
    : null;
  const out = me
    ? h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small btn-ghost',
          'data-testid': 'sign-out',
          onclick: async () => {
            await signOut().catch(() => undefined);
            stopNotificationBell();
            navigate('/dang-nhap', { replace: true });
          },
        },
        t('nav.signOut'),
      )
    : null;
  replace(
    topbar,
    h(
      'div',
      { class: 'topbar-row' },
      h('div', { class: 'topbar-brand' }, brand, centre),
      h('div', { class: 'topbar-tools' }, me ? notificationBell() : null, user, languageSwitcher(), out),
    ),
    h('div', { class: 'navbar' }, nav),
  );
  replace(
    footer,
    h('span', null, t('app.footer')),
    ' · ',
    link('/tra-cuu', null, t('nav.lookup')),
    ' · ',
    link('/lich-tiep-cong-dan', null, t('reception.public.nav')),
  );
}

/** @param {string} href */
function isCurrent(href) {
  if (href === '/') return currentPath === '/' || currentPath.startsWith('/ho-so');
  return currentPath.startsWith(href);
}

startRouterWhenReady();

async function startRouterWhenReady() {
  await Promise.all([initLang(), loadSession()]);
  replace(root, skip, topbar, main, footer);
  setUnauthenticatedHandler(() => {
    if (!session.me) return;
    session.me = null;
    const next = location.pathname + location.search;
    navigate(`/dang-nhap?expired=1&next=${encodeURIComponent(next)}`, { replace: true });
  });
  onLangChange(() => {
    refresh();
    document.getElementById('lang')?.focus();
  });
  startRouter(ROUTES, (route, ctx) => {
    currentPath = ctx.path;
    if (route && !route.public && !session.me) {
      const next = ctx.path === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
      navigate(`/dang-nhap${next}`, { replace: true });
      return;
    }
    if (route?.guest && session.me) {
      navigate('/', { replace: true });
      return;
    }
    drawTopbar();
    document.title = `${route?.title ? t(route.title) : t('app.notFound')} — MộtCửa`;
    main.replaceChildren();
    main.setAttribute('aria-busy', 'true');
    const done = () => {
      if (ctx.alive()) main.removeAttribute('aria-busy');
    };
    if (!route) {
      main.append(h('h1', null, t('app.notFound')), h('p', null, link('/', null, t('app.home'))));
      done();
    } else {
      Promise.resolve(route.view(main, ctx))
        .catch((e) => {
          if (ctx.alive()) main.append(h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
          console.error(e);
        })
        .finally(done);
    }
    if (!firstRender) focusHeading();
    firstRender = false;
  });
}
