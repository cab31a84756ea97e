import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarError } from '../shared/calendar/index.ts';
import { openTestApp, type TestApp } from '../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../test/support/dossiers.ts';
import { DIALECTS } from '../../test/support/db.ts';
import { installErrorHandler } from './platform/error-handler.ts';

describe('the app as a whole (SQLite)', () => {
  let h: TestApp;
  let cookie: string;
  beforeAll(async () => {
    h = await openTestApp('sqlite', async (t) => {
      await seedCentre(t.db);
    });
    cookie = await h.login('tiepnhan.dilinh');
  });
  afterAll(async () => h?.close());

  it('keeps a feature’s content-type parser to its own routes (features are encapsulated plugins)', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/petitions',
      payload: png,
      headers: { cookie, 'content-type': 'image/png', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type', details: {} },
    });
  });

  it('answers Fastify’s own client errors in the project’s error shape, in the user’s language', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/units/%E0%A4%A',
      headers: { 'accept-language': 'ru' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Неверный запрос/);
  });
});

for (const dialect of DIALECTS)
  describe(`caching of API answers (${dialect})`, () => {
    let h: TestApp;
    let cookie: string;
    let code: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      cookie = await h.login('tiepnhan.dilinh');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie },
      });
      code = res.json().code;
    });
    afterAll(async () => h?.close());

    const get = (url: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });

    it('marks every answer carrying personal data no-store (and Pragma: no-cache)', async () => {
      const urls = [
        '/api/auth/me',
        `/api/dossiers/${code}`,
        `/api/dossiers/${code}/applicant`,
        '/api/dossiers',
        '/api/reports/period?unit=25000&from=2026-12-01&to=2026-12-31',
        '/api/dossiers/none-such', // errors too
      ];
      for (const url of urls) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(url.endsWith('none-such') ? 404 : 200);
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.headers.pragma, url).toBe('no-cache');
      }
      expect((await get(`/api/dossiers/${code}/applicant`)).json().name).toBe('Nguyễn Văn An');
    });

    it('leaves the web app’s files and the API documentation their own caching', async () => {
      const script = await get('/app.js');
      expect(script.statusCode).toBe(200);
      expect(script.headers['cache-control']).toBe('public, max-age=300');
      expect(script.headers.pragma).toBeUndefined();
      const docs = await get('/api/docs/json');
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['cache-control']).not.toBe('no-store');
    });
  });

describe('error handler', () => {
  it('maps a CalendarError that a route lets through to 400 naming the field', async () => {
    const app = Fastify();
    installErrorHandler(app);
    app.get('/x', () => {
      throw new CalendarError('INVALID_LIMIT', 'limit', 'must be a non-negative integer');
    });
    const res = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { rule: 'must be a non-negative integer', issues: [{ path: 'limit', rule: 'INVALID_LIMIT' }] },
    });
    await app.close();
  });
});
