/* global document, localStorage */
/**
 * Interface texts in Vietnamese (default), English and Russian. Every text lives in src/web/i18n/<lang>.js
 * as a flat dictionary; `t('key', {name})` fills `{name}` placeholders. A missing key falls back to
 * Vietnamese, then to the key itself (so a gap is visible, never a crash).
 */
import { vi } from '../i18n/vi.js';

/** @typedef {'vi' | 'en' | 'ru'} Lang */

/** Vietnamese is always loaded; English and Russian are fetched when chosen (weak links). */
/** @type {Partial<Record<Lang, Record<string, string>>>} */
const DICTIONARIES = { vi };
export const LANGS = /** @type {Lang[]} */ (['vi', 'en', 'ru']);
/** The language names, each in its own language. */
export const LANG_NAMES = { vi: 'Tiếng Việt', en: 'English', ru: 'Русский' };
const KEY = 'motcua.lang';

/** @type {Lang} */
let current = 'vi';
/** @type {Set<() => void>} */
const listeners = new Set();

/**
 * Loads a language's dictionary once.
 * @param {Lang} lang
 */
async function load(lang) {
  if (!DICTIONARIES[lang]) {
    const mod = lang === 'en' ? await import('../i18n/en.js') : await import('../i18n/ru.js');
    DICTIONARIES[lang] =
      lang === 'en'
        ? /** @type {{en: Record<string, string>}} */ (mod).en
        : /** @type {{ru: Record<string, string>}} */ (mod).ru;
  }
}

/** Restores the language chosen last time (before the first screen is drawn). */
export async function initLang() {
  let saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    // storage may be disabled
  }
  if (saved && LANGS.includes(/** @type {Lang} */ (saved)) && saved !== 'vi') {
    try {
      await load(/** @type {Lang} */ (saved));
      current = /** @type {Lang} */ (saved);
    } catch {
      current = 'vi';
    }
  }
  document.documentElement.lang = current;
}

/** @returns {Lang} */
export function getLang() {
  return current;
}

/** BCP 47 tag for Intl formatting. */
export function locale() {
  return { vi: 'vi-VN', en: 'en-GB', ru: 'ru-RU' }[current];
}

/** @param {Lang} lang */
export async function setLang(lang) {
  if (!LANGS.includes(lang) || lang === current) return;
  await load(lang);
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // ignore
  }
  document.documentElement.lang = lang;
  for (const fn of listeners) fn();
}

/** @param {() => void} fn */
export function onLangChange(fn) {
  listeners.add(fn);
}

/**
 * @param {string} key
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(key, params) {
  const text = DICTIONARIES[current]?.[key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * Whether a key exists (for optional labels, e.g. an unknown status code).
 * @param {string} key
 */
export function has(key) {
  return key in vi;
}

/**
 * The codes a dictionary names under a prefix, in the dictionary's order: `codesUnder('petitions.channel')` gives
 * the petition channels the interface has words for (for a choice whose list the server has no rule about).
 * @param {string} prefix
 */
export function codesUnder(prefix) {
  const start = `${prefix}.`;
  return Object.keys(vi)
    .filter((k) => k.startsWith(start))
    .map((k) => k.slice(start.length));
}

/** Formats a number with the language's grouping. @param {number} n */
export function num(n) {
  return new Intl.NumberFormat(locale()).format(n);
}
