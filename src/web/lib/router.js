/* global window, document, history, location, URLSearchParams */
/**
 * Client-side routing with the History API (the server answers index.html for every path without an
 * extension). Views fill <main>; a view that finishes after the user has moved on checks `ctx.alive()`.
 */
import { h } from './dom.js';

/**
 * @typedef {object} RouteContext
 * @property {string[]} params captured groups of the route pattern
 * @property {URLSearchParams} query
 * @property {string} path
 * @property {() => boolean} alive whether this view is still the current one
 */
/** @typedef {(main: HTMLElement, ctx: RouteContext) => void | Promise<void>} View */
/** @typedef {{pattern: RegExp, view: View, public?: boolean, guest?: boolean, title?: string}} Route */

/**
 * A view whose module is fetched when the view is first opened, then kept: the officers' views are not downloaded
 * before sign-in (the sign-in page and the public pages are imported by app.js itself). A failed fetch (a dropped
 * connection) is tried again on the next visit.
 * @param {() => Promise<Record<string, unknown>>} load the module, e.g. `() => import('../views/queue.js')`
 * @param {string} name the view's export
 * @returns {View}
 */
export function lazyView(load, name) {
  /** @type {Promise<View> | null} */
  let loading = null;
  return async (main, ctx) => {
    loading ??= load().then(
      (mod) => /** @type {View} */ (mod[name]),
      (e) => {
        loading = null;
        throw e;
      },
    );
    const view = await loading;
    if (ctx.alive()) await view(main, ctx);
  };
}

/** @type {Route[]} */
let routes = [];
/** @type {(route: Route | undefined, ctx: RouteContext) => void} */
let onRoute = () => undefined;
let generation = 0;
/** Path and query of the page on screen. */
let lastKey = '';

/**
 * @param {Route[]} table
 * @param {(route: Route | undefined, ctx: RouteContext) => void} handler
 */
export function startRouter(table, handler) {
  routes = table;
  onRoute = handler;
  window.addEventListener('popstate', () => {
    // a fragment link (the skip link) changes only the hash: the page stays as it is
    if (location.pathname + location.search !== lastKey) {
      leaveGuard = null;
      dispatch();
    }
  });
  dispatch();
}

/** Re-runs the current route (after sign-in, a language change…). */
export function refresh() {
  dispatch();
}

/** @type {(() => boolean) | null} */
let leaveGuard = null;

/**
 * A view with unsaved work asks before the officer leaves it by a link or the menu: `guard` answers true to leave.
 * Cleared on every navigation; a redirect (`replace`, e.g. to sign-in when the session expired) does not ask.
 * @param {(() => boolean) | null} guard
 */
export function setLeaveGuard(guard) {
  leaveGuard = guard;
}

/**
 * @param {string} href
 * @param {{replace?: boolean}} [opts]
 */
export function navigate(href, opts = {}) {
  if (!opts.replace && leaveGuard && !leaveGuard()) return;
  leaveGuard = null;
  if (opts.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  dispatch();
  window.scrollTo(0, 0);
}

/** Updates the query string without re-rendering (filters kept in the URL). @param {string} href */
export function setUrl(href) {
  history.replaceState(null, '', href);
  lastKey = location.pathname + location.search;
}

function dispatch() {
  generation += 1;
  lastKey = location.pathname + location.search;
  const mine = generation;
  const path = decodeURIComponent(location.pathname).replace(/\/+$/, '') || '/';
  /** @type {RouteContext} */
  const ctx = {
    params: [],
    query: new URLSearchParams(location.search),
    path,
    alive: () => mine === generation,
  };
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m) {
      ctx.params = m.slice(1);
      onRoute(route, ctx);
      return;
    }
  }
  onRoute(undefined, ctx);
}

/**
 * An in-app link: a real <a href> (middle click, copy link and keyboard all work) that navigates without
 * reloading on a plain click.
 * @param {string} href
 * @param {Record<string, unknown> | null} attrs
 * @param {...import('./dom.js').Child} children
 */
export function link(href, attrs, ...children) {
  return h(
    'a',
    {
      ...attrs,
      href,
      onclick: (/** @type {MouseEvent} */ e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      },
    },
    ...children,
  );
}

/** Moves focus to the page heading after navigation, for keyboard and screen-reader users. */
export function focusHeading() {
  const h1 = document.querySelector('main h1');
  if (h1 instanceof window.HTMLElement) {
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
  }
}

/**
 * The address of a dossier's page. Codes contain dots (000.00.68.25000-…), which the static file server would
 * take for a file extension, so the code travels in the query string.
 * @param {string} code
 */
export function dossierHref(code) {
  return `/ho-so?ma=${encodeURIComponent(code)}`;
}

/**
 * The address of a petition's page (codes contain dots too: `<agency>.DT-260302-0001`).
 * @param {string} code
 */
export function petitionHref(code) {
  return `/don-thu/xem?ma=${encodeURIComponent(code)}`;
}
