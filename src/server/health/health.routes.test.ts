import { mkdtempSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { freeBytes } from './health.routes.ts';

for (const dialect of DIALECTS)
  describe(`GET /api/health reports the storage (${dialect})`, () => {
    let h: TestApp | undefined;
    afterEach(async () => h?.close());

    it('is ok while the files’ disk has more free space than MOTCUA_MIN_FREE_MB', async () => {
      h = await openTestApp(dialect, undefined, { env: { MOTCUA_MIN_FREE_MB: '1' } });
      const res = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      // no MOTCUA_REDIS_URL: the shared limits are the database's or the process's (accounts/shared-limits.redis.test.ts: up, down)
      expect(res.json()).toMatchObject({ status: 'ok', db: dialect, storage: 'ok', redis: 'off' });
    });

    it('is degraded (still 200, the database answers) when the free space is below the threshold', async () => {
      // 100 TB, more than a commune server's disk has: the threshold is above the free space whatever the machine.
      h = await openTestApp(dialect, undefined, { env: { MOTCUA_MIN_FREE_MB: '100000000' } });
      const res = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'degraded', storage: 'low' });
      expect(Object.keys(res.json()).sort()).toEqual(['db', 'redis', 'status', 'storage', 'version']);
    });
  });

describe('freeBytes', () => {
  it('reads the disk of the folder, or of its nearest existing parent before the folder is made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-free-'));
    const s = await statfs(dir);
    const expected = Number(s.bavail) * Number(s.bsize);
    const free = await freeBytes(join(dir, 'not', 'yet'));
    expect(free).not.toBeNull();
    // Other processes write meanwhile: the same disk within 64 MB.
    expect(Math.abs(free! - expected)).toBeLessThan(64 * 1_048_576);
  });
});
