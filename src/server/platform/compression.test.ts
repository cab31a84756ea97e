import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';

describe('compressed answers (SQLite)', () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await openTestApp('sqlite', (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
  });
  afterAll(async () => h?.close());

  // The OpenAPI document: a large JSON answer of a public route.
  const get = (url: string, encoding?: string) =>
    h.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends JSON compressed when the client accepts it, and it decodes to the same answer', async () => {
    const plain = await get('/api/docs/json');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(10_000);

    const gzip = await get('/api/docs/json', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());

    const br = await get('/api/docs/json', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('leaves small answers as they are', async () => {
    const res = await get('/api/units/25000', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: '25000' });
  });
});
