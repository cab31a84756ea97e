import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarError } from '../shared/calendar/index.ts';
import { openTestApp, type TestApp } from '../../test/support/app.ts';
import { seedCentre } from '../../test/support/dossiers.ts';
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
