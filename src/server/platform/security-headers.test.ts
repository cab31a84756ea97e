import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { HELMET_OPTIONS, helmetHeaders } from './security-headers.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers and body limits (SQLite)', () => {
  let h: TestApp;
  let cookie: string;
  beforeAll(async () => {
    h = await openTestApp('sqlite', (t) => seedCentre(t.db), { env: { MOTCUA_TRUST_PROXY: '1' } });
    cookie = await h.login('tiepnhan.dilinh');
  });
  afterAll(async () => h?.close());

  it('serves the app with a CSP without unsafe-inline, and the app has no inline script or style', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(csp.get('frame-src')).toEqual(["'self'", 'blob:']); // print in place: a PDF blob in a hidden frame
    // Under that policy an inline script, style element or style attribute would not run: there is none.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(res.body).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    const api = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(String(api.headers['content-security-policy'])).not.toContain('unsafe-inline');
  });

  it('allows inline styles on the API docs page only, never inline scripts', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('sends HSTS only over TLS (here: a trusted proxy saying https)', async () => {
    const plain = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await h.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('refuses a 5 MB JSON body with 413 before reading it', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/petitions',
      payload: JSON.stringify({ content: 'x'.repeat(5 * 1_048_576) }),
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 to a large file or text body on a route that takes no file', async () => {
    for (const type of ['application/octet-stream', 'application/pdf', 'text/plain', 'image/png']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        payload: Buffer.alloc(3 * 1_048_576, 0x41),
        headers: { cookie, 'content-type': type },
      });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('sets, on every answer, exactly the headers @fastify/helmet set per request (computed once now)', async () => {
    const bare = Fastify();
    await bare.register(fastifyHelmet, HELMET_OPTIONS);
    bare.get('/x', async () => ({ ok: true }));
    const reference = (await bare.inject({ method: 'GET', url: '/x' })).headers;
    await bare.close();
    const names = helmetHeaders().map(([name]) => name);
    expect(names.length).toBeGreaterThan(8);
    for (const [url, cookieHeader] of [
      ['/', undefined],
      ['/api/health', undefined],
      ['/api/auth/me', cookie],
      ['/api/nothing-here', undefined],
      ['/api/public/dossiers/000.00.68.25000-000000-9999?verify=1234', undefined],
    ] as const) {
      const res = await h.app.inject({
        method: 'GET',
        url,
        headers: cookieHeader ? { cookie: cookieHeader } : {},
      });
      for (const name of names) expect(res.headers[name], `${url} ${name}`).toBe(reference[name]);
    }
  });
});
