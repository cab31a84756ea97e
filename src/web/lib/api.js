/* global fetch, sessionStorage, crypto, setTimeout, clearTimeout, AbortController, URLSearchParams */
/**
 * The one way the app talks to the server: JSON in and out, the chosen language in Accept-Language (server
 * errors come back in it), the CSRF token on writes, and patient retries over weak links. A write carrying an
 * Idempotency-Key is retried with the SAME key, so the server never records it twice.
 */
import { getLang } from './i18n.js';

const CSRF_KEY = 'motcua.csrf';
const TIMEOUT_MS = 45_000;

/**
 * @typedef {{path: string, rule: string, message: string}} Issue
 */

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the network failed
   * @param {string} code server error code, or NETWORK / TIMEOUT / BAD_RESPONSE
   * @param {string} message
   * @param {Record<string, unknown>} [details]
   */
  constructor(status, code, message, details = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    /** @type {Issue[]} */
    this.issues = Array.isArray(details.issues) ? /** @type {Issue[]} */ (details.issues) : [];
  }

  /** The request never got an answer: safe to retry with the same idempotency key. */
  get isNetwork() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  /** The server does not have this route yet (a feature not deployed). */
  get isMissingRoute() {
    return this.code === 'ROUTE_NOT_FOUND';
  }
}

/** @param {string | null} token */
export function setCsrfToken(token) {
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // storage disabled: same-origin writes are still accepted by the server
  }
}

function csrfToken() {
  try {
    return sessionStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
}

/** @type {(() => void) | null} */
let onUnauthenticated = null;
/** Called when the session has expired (401 on a call other than sign-in). @param {() => void} fn */
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

/** A random UUID v4; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
export function newKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Builds a query string, leaving out empty values.
 * @param {Record<string, string | number | boolean | null | undefined>} params
 */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} ApiOptions
 * @property {string} [method]
 * @property {unknown} [body]
 * @property {string} [idempotencyKey] sent as Idempotency-Key; network failures are retried with it
 * @property {boolean} [blob] return the body as a Blob (documents)
 * @property {number} [retries] automatic retries after a network failure (default 2 for GET and keyed writes)
 */

/**
 * @param {string} path
 * @param {ApiOptions} [options]
 * @returns {Promise<any>}
 */
export async function api(path, options = {}) {
  const method = options.method ?? 'GET';
  const retryable = method === 'GET' || Boolean(options.idempotencyKey);
  const retries = options.retries ?? (retryable ? 2 : 0);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await once(path, method, options);
    } catch (e) {
      if (!(e instanceof ApiError) || !e.isNetwork || attempt >= retries) throw e;
      await sleep(800 * 2 ** attempt);
    }
  }
}

/**
 * @param {string} path
 * @param {string} method
 * @param {ApiOptions} options
 */
async function once(path, method, options) {
  /** @type {Record<string, string>} */
  const headers = { Accept: options.blob ? '*/*' : 'application/json', 'Accept-Language': getLang() };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  /** @type {Response} */
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch (e) {
    const timeout = e instanceof Error && e.name === 'AbortError';
    throw new ApiError(0, timeout ? 'TIMEOUT' : 'NETWORK', timeout ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
  }
  if (res.ok && options.blob) return res.blob();
  const text = await res.text().catch(() => '');
  /** @type {any} */
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (res.ok) return data;
  const err = data && typeof data === 'object' && data.error ? data.error : null;
  const error = err
    ? new ApiError(res.status, String(err.code), String(err.message), err.details ?? {})
    : new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `HTTP ${res.status}`);
  if (res.status === 401 && error.code === 'UNAUTHENTICATED' && onUnauthenticated) onUnauthenticated();
  throw error;
}
