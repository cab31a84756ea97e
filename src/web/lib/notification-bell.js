/* global document, setInterval, clearInterval */
/**
 * The bell in the top bar: the signed-in officer's unread in-app notices (GET /api/notifications), a list that
 * opens under it, and a click on a notice marks it read (POST /api/notifications/:id/read) and opens its dossier.
 * The count is fetched again every minute while the app is open.
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { formatDateTime } from './format.js';
import { t } from './i18n.js';
import { navigate } from './router.js';

const REFRESH_MS = 60_000;
const BELL_PATH = 'M8 1.5a4 4 0 0 0-4 4V9l-1.5 2.5h11L12 9V5.5a4 4 0 0 0-4-4zM6.5 13.5a1.5 1.5 0 0 0 3 0';

/** @typedef {{id: string, kind: string, dossierCode: string | null, subject: string, body: string, createdAt: string, readAt: string | null}} Notice */

/** @type {{ unread: number, items: Notice[], open: boolean }} */
const state = { unread: 0, items: [], open: false };
/** @type {HTMLElement | null} */
let current = null;
/** @type {ReturnType<typeof setInterval> | null} */
let timer = null;

function bellIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', BELL_PATH);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.4');
  path.setAttribute('stroke-linejoin', 'round');
  svg.appendChild(path);
  return svg;
}

async function load() {
  try {
    const body = await api('/api/notifications?limit=20', { retries: 0 });
    state.unread = body.unread;
    state.items = body.items;
  } catch {
    // A bell that cannot load keeps its last count: the page itself says when the server is away.
  }
  draw();
}

/** @param {Notice} n */
async function openNotice(n) {
  state.open = false;
  if (!n.readAt) {
    try {
      await api(`/api/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST', body: {} });
      n.readAt = 'now';
      state.unread = Math.max(0, state.unread - 1);
    } catch {
      // still open the dossier; the notice stays unread
    }
  }
  draw();
  if (n.dossierCode) navigate(`/ho-so/${encodeURIComponent(n.dossierCode)}`);
}

/** @param {Notice} n */
function item(n) {
  return h(
    'li',
    { class: n.readAt ? 'notice' : 'notice notice-unread' },
    h(
      'button',
      { type: 'button', class: 'notice-open', onclick: () => void openNotice(n) },
      h('span', { class: 'notice-title' }, t(`notify.kind.${n.kind}`, { code: n.dossierCode ?? '' })),
      h('span', { class: 'notice-body' }, n.body),
      h('span', { class: 'notice-at' }, formatDateTime(n.createdAt)),
    ),
  );
}

function draw() {
  if (!current) return;
  const label = state.unread > 0 ? t('notify.bellUnread', { n: String(state.unread) }) : t('notify.bell');
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-small btn-ghost bell',
      'aria-label': label,
      title: label,
      'aria-expanded': state.open ? 'true' : 'false',
      'aria-controls': 'notice-list',
      'data-testid': 'notification-bell',
      onclick: () => {
        state.open = !state.open;
        if (state.open) void load();
        else draw();
      },
    },
    bellIcon(),
    state.unread > 0
      ? h('span', { class: 'bell-count', 'data-testid': 'notification-count' }, String(state.unread))
      : null,
  );
  const panel = state.open
    ? h(
        'div',
        { class: 'notice-panel', id: 'notice-list' },
        h('h2', { class: 'notice-heading' }, t('notify.heading')),
        state.items.length
          ? h('ul', { class: 'notice-list' }, ...state.items.map(item))
          : h('p', { class: 'notice-empty' }, t('notify.empty')),
      )
    : null;
  replace(current, button, panel);
}

/** The bell for the top bar (a new element each draw; one shared state and one refresh timer). */
export function notificationBell() {
  current = h('div', { class: 'bell-wrap' });
  draw();
  void load();
  if (!timer) timer = setInterval(() => void load(), REFRESH_MS);
  return current;
}

/** Stops the refresh (signed out). */
export function stopNotificationBell() {
  if (timer) clearInterval(timer);
  timer = null;
  current = null;
  state.open = false;
  state.unread = 0;
  state.items = [];
}
