import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { testClock } from '../../../test/support/clock.ts';
import { pathOnly } from './request-log.ts';

describe('pathOnly', () => {
  it('drops the query string and the fragment, keeps the path', () => {
    expect(pathOnly('/api/dossiers?q=Nguy%E1%BB%85n&status=x')).toBe('/api/dossiers');
    expect(pathOnly('/tra-cuu#code')).toBe('/tra-cuu');
    expect(pathOnly('/api/health')).toBe('/api/health');
  });
});

describe('request log lines carry no personal data (SQLite)', () => {
  let t: TestDb;
  const lines: string[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    t = await openTestDb('sqlite');
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', MOTCUA_LOG_LEVEL: 'info' });
    app = await buildApp({
      db: t.db,
      dialect: t.dialect,
      config,
      clock: testClock(),
      logger: true,
      logStream: stream,
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.dispose();
  });

  it('logs the path without the query (search terms, verification digits) and never a body', async () => {
    await app.inject({ method: 'GET', url: '/api/public/dossiers/000.00.00.H00-261208-0001?verify=4321' });
    await app.inject({ method: 'GET', url: '/api/dossiers?q=0912345678' });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'someone', password: 'secret-password-123' },
    });
    await new Promise((r) => setImmediate(r));
    const requests = lines.map((l) => JSON.parse(l) as { req?: { url: string; method: string } });
    const urls = requests.flatMap((r) => (r.req ? [r.req.url] : []));
    expect(urls).toEqual([
      '/api/public/dossiers/000.00.00.H00-261208-0001',
      '/api/dossiers',
      '/api/auth/login',
    ]);
    const all = lines.join('\n');
    // One line per request, written when it is answered, with its status and time.
    const done = requests.filter((r) => r.req) as unknown as {
      res: { statusCode: number };
      responseTime: number;
    }[];
    expect(done.map((r) => r.res.statusCode)).toEqual([404, 401, 401]);
    for (const r of done) expect(r.responseTime).toBeGreaterThanOrEqual(0);
    for (const secret of ['4321', '0912345678', 'secret-password-123']) expect(all).not.toContain(secret);
  });
});
