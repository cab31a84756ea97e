/* global fetch, sessionStorage, crypto, setTimeout, clearTimeout, AbortController, URLSearchParams,
   XMLHttpRequest */
/**
 * The one way the app talks to the server: JSON in and out (and files up, with `upload`), the chosen language in
 * Accept-Language (server errors come back in it), the CSRF token on writes, and patient retries over weak links.
 * A write carrying an Idempotency-Key is retried with the SAME key, so the server never records it twice.
 */
import { getLang } from './i18n.js';

const CSRF_KEY = 'motcua.csrf';
const TIMEOUT_MS = 45_000;
/** A scan of several MB over a commune's weak link may take minutes. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

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
 * @property {(headers: Headers) => void} [onHeaders] called with a successful answer's headers (the replica's lag)
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
  const headers = headersFor(method, options.blob ? '*/*' : 'application/json');
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
  if (res.ok) options.onHeaders?.(res.headers);
  if (res.ok && options.blob) return named(await res.blob(), res.headers.get('content-disposition'));
  const text = await res.text().catch(() => '');
  if (res.ok) return parseJson(text);
  throw answerError(res.status, text);
}

/**
 * The body as a File named as the server named it (Content-Disposition `filename="…"`), else the bare Blob.
 * @param {Blob} blob
 * @param {string | null} disposition
 * @returns {Blob}
 */
function named(blob, disposition) {
  const name = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  return name ? new globalThis.File([blob], name, { type: blob.type }) : blob;
}

/**
 * PUTs raw bytes with extra headers (a chunk of a resumable upload, docs/PORTAL.md): the JSON answer, the same
 * `ApiError` as api() (status 0 when the link dropped). Never retried here: the uploader asks the offset first.
 * @param {string} path
 * @param {Blob} bytes
 * @param {Record<string, string>} extra
 * @returns {Promise<any>}
 */
export async function putBytes(path, bytes, extra) {
  const headers = {
    ...headersFor('PUT', 'application/json'),
    'Content-Type': 'application/octet-stream',
    ...extra,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  /** @type {Response} */
  let res;
  try {
    res = await fetch(path, {
      method: 'PUT',
      headers,
      body: bytes,
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return parseJson(text);
  throw answerError(res.status, text);
}

/**
 * @typedef {object} UploadOptions
 * @property {(percent: number) => void} [onProgress] called with 0–100 as the body goes out
 * @property {string} [contentType] the body's media type (default: the file's own type)
 */

/**
 * POSTs a file as the raw request body, reporting the upload's progress (fetch cannot). Same headers as api()
 * (language, CSRF token), same `ApiError` with the server's translated message and details, same return to
 * sign-in on a 401. Never retried: a lost answer may hide a stored file, so the caller reloads instead.
 * @param {string} path
 * @param {Blob} file
 * @param {UploadOptions} [options]
 * @returns {Promise<any>} the server's JSON answer
 */
export function upload(path, file, options = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    const headers = headersFor('POST', 'application/json');
    headers['Content-Type'] = options.contentType ?? (file.type || 'application/octet-stream');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    const { onProgress } = options;
    if (onProgress)
      xhr.upload.addEventListener('progress', (e) => {
        if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
      });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'network')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'NETWORK', 'network')));
    xhr.addEventListener('timeout', () => reject(new ApiError(0, 'TIMEOUT', 'timeout')));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(parseJson(xhr.responseText));
      else reject(answerError(xhr.status, xhr.responseText));
    });
    xhr.send(file);
  });
}

/**
 * The headers of every call: what is accepted, the language, and on writes the CSRF token.
 * @param {string} method
 * @param {string} accept
 * @returns {Record<string, string>}
 */
function headersFor(method, accept) {
  /** @type {Record<string, string>} */
  const headers = { Accept: accept, 'Accept-Language': getLang() };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  return headers;
}

/**
 * @param {string} text
 * @returns {any} the parsed JSON, null when empty or not JSON
 */
function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * The error for a refused call, from the server's `{error: {code, message, details}}` when it sent one. A 401
 * (session expired) also calls the unauthenticated handler, which returns to the sign-in page.
 * @param {number} status
 * @param {string} text the answer's body
 */
function answerError(status, text) {
  const data = parseJson(text);
  const err = data && typeof data === 'object' && data.error ? data.error : null;
  const error = err
    ? new ApiError(status, String(err.code), String(err.message), err.details ?? {})
    : new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `HTTP ${status}`);
  if (status === 401 && error.code === 'UNAUTHENTICATED' && onUnauthenticated) onUnauthenticated();
  return error;
}
