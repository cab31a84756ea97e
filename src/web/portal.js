/* global document */
/**
 * The citizens' pages (docs/PORTAL.md), a separate light entry from the officers' app: served as portal.html for
 * /cong-dan and every path under it, loading only the few modules they use (no framework, no officer screens).
 * Vietnamese first; English and Russian are fetched when chosen. Views load when first opened, except the catalog.
 */
import { h, replace } from './lib/dom.js';
import { LANGS, LANG_NAMES, getLang, initLang, onLangChange, setLang, t } from './lib/i18n.js';
import { focusHeading, link, refresh, startRouter } from './lib/router.js';
import { errorText } from './lib/ui.js';
import { catalogView } from './portal/catalog.js';
import { chosenCommune } from './portal/commune.js';

/**
 * A view loaded on first use (a phone downloads the submission form only when the citizen opens it).
 * @param {() => Promise<Record<string, import('./lib/router.js').View>>} load
 * @param {string} name
 * @returns {import('./lib/router.js').View}
 */
const lazy = (load, name) => async (main, ctx) => {
  const mod = await load();
  const view = mod[name];
  if (view) await view(main, ctx);
};

/** @type {import('./lib/router.js').Route[]} */
const ROUTES = [
  { pattern: /^\/cong-dan$/, view: catalogView, public: true, title: 'portal.catalog.title' },
  {
    pattern: /^\/cong-dan\/thu-tuc$/,
    view: lazy(() => import('./portal/procedure.js'), 'procedureView'),
    public: true,
    title: 'portal.procedure.title',
  },
  {
    pattern: /^\/cong-dan\/nop$/,
    view: lazy(() => import('./portal/submit.js'), 'submitView'),
    public: true,
    title: 'portal.submit.title',
  },
  {
    pattern: /^\/cong-dan\/tra-cuu$/,
    view: lazy(() => import('./portal/lookup.js'), 'portalLookupView'),
    public: true,
    title: 'lookup.title',
  },
  {
    pattern: /^\/cong-dan\/lich-tiep$/,
    view: lazy(() => import('./portal/schedule.js'), 'portalScheduleView'),
    public: true,
    title: 'reception.public.title',
  },
  {
    pattern: /^\/cong-dan\/phan-anh$/,
    view: lazy(() => import('./portal/feedback.js'), 'feedbackView'),
    public: true,
    title: 'portal.feedback.title',
  },
  {
    pattern: /^\/cong-dan\/phan-anh\/theo-doi$/,
    view: lazy(() => import('./portal/feedback.js'), 'feedbackTrackView'),
    public: true,
    title: 'portal.feedback.trackTitle',
  },
];

const NAV = [
  ['/cong-dan', 'portal.nav.catalog'],
  ['/cong-dan/tra-cuu', 'nav.lookup'],
  ['/cong-dan/lich-tiep', 'reception.public.nav'],
  ['/cong-dan/phan-anh', 'portal.nav.feedback'],
];

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
const topbar = h('header', { class: 'topbar' });
const main = h('main', { id: 'main', class: 'portal-main', tabindex: '-1' });
const footer = h('footer', { class: 'footer' });
const skip = h('a', { class: 'skip-link', href: '#main' });
let firstRender = true;

function languageSwitcher() {
  const select = h(
    'select',
    { id: 'lang', class: 'lang' },
    ...LANGS.map((l) => h('option', { value: l, selected: l === getLang(), lang: l }, LANG_NAMES[l])),
  );
  select.addEventListener('change', () => {
    setLang(/** @type {import('./lib/i18n.js').Lang} */ (select.value)).catch(() => {
      select.value = getLang();
    });
  });
  return h(
    'div',
    { class: 'lang-wrap' },
    h('label', { for: 'lang', class: 'visually-hidden' }, 'Ngôn ngữ / Language / Язык'),
    select,
  );
}

/** @param {string} path */
function drawShell(path) {
  skip.textContent = t('app.skip');
  const commune = chosenCommune();
  replace(
    topbar,
    h(
      'div',
      { class: 'topbar-row' },
      h(
        'div',
        { class: 'topbar-brand' },
        link(
          '/cong-dan',
          { class: 'brand' },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '1'),
          h('span', null, t('portal.brand')),
        ),
        h('span', { class: 'centre', 'data-testid': 'portal-commune' }, commune ? commune.name : ''),
      ),
      h('div', { class: 'topbar-tools' }, languageSwitcher()),
    ),
    h(
      'div',
      { class: 'navbar' },
      h(
        'nav',
        { class: 'mainnav', 'aria-label': t('nav.label') },
        ...NAV.map(([href, key]) =>
          link(
            /** @type {string} */ (href),
            { 'aria-current': path === href ? 'page' : undefined },
            t(String(key)),
          ),
        ),
      ),
    ),
  );
  replace(
    footer,
    h('span', null, t('app.footer')),
    ' · ',
    h('a', { href: '/dang-nhap' }, t('portal.officers')),
  );
}

async function start() {
  await initLang();
  replace(root, skip, topbar, main, footer);
  onLangChange(() => {
    refresh();
    document.getElementById('lang')?.focus();
  });
  startRouter(ROUTES, (route, ctx) => {
    drawShell(ctx.path);
    document.title = `${route?.title ? t(route.title) : t('app.notFound')} — ${t('portal.brand')}`;
    main.replaceChildren();
    main.setAttribute('aria-busy', 'true');
    const done = () => {
      if (ctx.alive()) main.removeAttribute('aria-busy');
    };
    if (!route) {
      main.append(
        h('h1', null, t('app.notFound')),
        h('p', null, link('/cong-dan', null, t('portal.nav.catalog'))),
      );
      done();
    } else {
      Promise.resolve(route.view(main, ctx))
        .catch((e) => {
          if (ctx.alive()) main.append(h('p', { class: 'alert alert-error', role: 'alert' }, errorText(e)));
        })
        .finally(done);
    }
    if (!firstRender) focusHeading();
    firstRender = false;
  });
}

void start();
