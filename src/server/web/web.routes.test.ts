import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';

describe('serving the web app', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await openTestApp('sqlite');
  });
  afterAll(async () => h?.close());

  it('serves index.html for client routes, including codes with dots', async () => {
    for (const url of ['/', '/tra-cuu?code=x', '/ho-so/000.00.68.25000-260302-0001']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<html');
    }
  });

  it('serves the citizens’ light page for /cong-dan and below, and the officers’ app elsewhere', async () => {
    for (const url of [
      '/cong-dan',
      '/cong-dan/thu-tuc?xa=25000&ma=1.004873',
      '/cong-dan/phan-anh/theo-doi',
    ]) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('src="/portal.js"');
      expect(res.body, url).not.toContain('/app.js');
    }
    const officers = await h.app.inject({ method: 'GET', url: '/cong-danh-sach' });
    expect(officers.body).toContain('src="/app.js"');
  });

  it('answers 404 for a missing asset and keeps /api/ paths for the API', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
    const api = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('compresses, tags and revalidates assets for weak links', async () => {
    const plain = await h.app.inject({ method: 'GET', url: '/index.html' });
    const zipped = await h.app.inject({
      method: 'GET',
      url: '/index.html',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    const etag = String(plain.headers.etag);
    const again = await h.app.inject({
      method: 'GET',
      url: '/index.html',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });

  /** The modules a module imports statically, resolved against its URL (comments and strings never start a line). */
  /** Static imports; with `lazy`, also the modules loaded by `import('…')` (the views, when first opened). */
  function importsOf(url: string, code: string, lazy = false): string[] {
    const specifiers = [
      ...code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
      ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      // `() => import('./views/queue.js')` in code (JSDoc's `import('…')` types are no module loads).
      ...(lazy ? code.matchAll(/=>\s*import\(\s*['"]([^'"]+\.js)['"]\s*\)/g) : []),
    ].map((m) => m[1]!);
    return specifiers.map((s) => new URL(s, `http://x${url}`).pathname);
  }

  /** Every module the app reaches from /app.js (the first screen's; with `lazy`, every view's too), with its answer. */
  async function crawl(lazy = false) {
    const seen = new Map<string, { status: number; type: string; body: string }>();
    const queue = ['/app.js'];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await h.app.inject({ method: 'GET', url });
      seen.set(url, { status: res.statusCode, type: String(res.headers['content-type']), body: res.body });
      if (res.statusCode === 200) queue.push(...importsOf(url, res.body, lazy));
    }
    return seen;
  }

  it('serves the shared calendar compiled to JavaScript, compressed and tagged', async () => {
    const url = '/shared/calendar/engine.ts';
    const plain = await h.app.inject({ method: 'GET', url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.body).toContain('function createCalendar(spec)');
    expect(plain.body).toMatch(/export \{[^}]*\bcreateCalendar\b/);
    expect(plain.body).not.toMatch(/\bimport type\b|\binterface\b|: WorkingCalendar\b/);
    expect(plain.body).toContain('from "./time.ts"');

    const zipped = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);

    // brotli is made after the first request that accepts it (gzip meanwhile), then kept
    let br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    for (let i = 0; i < 50 && br.headers['content-encoding'] !== 'br'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      br = await h.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    }
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);

    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await h.app.inject({ method: 'GET', url: '/shared/calendar/missing.ts' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/shared/calendar/engine.test.ts' })).statusCode).toBe(
      404,
    );
  });

  it('answers every import of every module the app reaches, as JavaScript', async () => {
    const modules = await crawl(true);
    expect([...modules.keys()]).toEqual(
      expect.arrayContaining([
        '/lib/working-calendar.js',
        '/shared/calendar/index.ts',
        '/shared/calendar/engine.ts',
      ]),
    );
    const broken = [...modules].filter(([, m]) => m.status !== 200 || !m.type.startsWith('text/javascript'));
    expect(broken.map(([url, m]) => `${url} ${m.status} ${m.type}`)).toEqual([]);
  });

  it("loads the officers' views when first opened: the first screen reaches only the sign-in and public ones", async () => {
    const first = [...(await crawl()).keys()].filter((url) => url.startsWith('/views/'));
    expect(first.sort()).toEqual([
      '/views/login.js',
      '/views/lookup-result.js',
      '/views/lookup.js',
      '/views/public-schedule.js',
      '/views/verify.js',
    ]);
    const all = await crawl(true);
    for (const view of ['/views/queue.js', '/views/dossier.js', '/views/intake.js', '/views/reports.js'])
      expect(all.get(view)?.status, view).toBe(200);
    const html = (await h.app.inject({ method: 'GET', url: '/' })).body;
    expect(html).not.toContain('href="/views/queue.js"');
  });

  it('preloads every module the first screen reaches, so none is discovered import by import', async () => {
    const html = (await h.app.inject({ method: 'GET', url: '/' })).body;
    const missing = [...(await crawl()).keys()].filter(
      (url) => url !== '/app.js' && !html.includes(`<link rel="modulepreload" href="${url}" />`),
    );
    expect(missing).toEqual([]);
  });

  it('does not ask browsers to upgrade LAN http requests to https', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/' });
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});
