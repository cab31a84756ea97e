import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { sessionCacheOf, SESSION_CACHE_MS } from './session-cache.ts';

for (const dialect of DIALECTS) {
  describe(`session cache on ${dialect}: a few seconds of reuse, forgotten at once when a session ends`, () => {
    let h: TestApp;
    let admin: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      await h.user('admin', '68', ['system_admin']);
      for (const u of ['c.one', 'c.two', 'c.three', 'c.four']) await h.user(u, '25000', ['counter_officer']);
      admin = await h.login('admin');
    });
    afterAll(async () => h?.close());

    const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const csrfFree = (cookie: string) => ({ cookie, origin: 'http://localhost', host: 'localhost' });

    it('answers repeated requests of a session from the cache (the session row gone is not seen at once)', async () => {
      const cookie = await h.login('c.one');
      expect((await me(cookie)).statusCode).toBe(200);
      // Deleted behind the application's back (as another process's purge would): still served, from the cache,
      // for at most SESSION_CACHE_MS; proof that the second request did not read the database.
      await h.t.db
        .deleteFrom('sessions')
        .where('user_id', 'in', h.t.db.selectFrom('users').select('id').where('username', '=', 'c.one'))
        .execute();
      expect((await me(cookie)).statusCode).toBe(200);
      expect(SESSION_CACHE_MS).toBeLessThanOrEqual(5_000);
    });

    it('logout: the same cookie is refused on the next request', async () => {
      const cookie = await h.login('c.two');
      expect((await me(cookie)).statusCode).toBe(200);
      const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: csrfFree(cookie) });
      expect(out.statusCode).toBeLessThan(300);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('a password change or disabling ends every cached session of the user at once', async () => {
      const three = await h.login('c.three');
      const four = await h.login('c.four');
      expect((await me(three)).statusCode).toBe(200);
      expect((await me(four)).statusCode).toBe(200);
      const pw = await h.app.inject({
        method: 'POST',
        url: '/api/users/c.three/password',
        headers: csrfFree(admin),
        payload: { password: 'another-password-1' },
      });
      expect(pw.statusCode).toBe(200);
      expect((await me(three)).statusCode).toBe(401);
      const off = await h.app.inject({
        method: 'POST',
        url: '/api/users/c.four/disable',
        headers: csrfFree(admin),
      });
      expect(off.statusCode).toBe(200);
      expect((await me(four)).statusCode).toBe(401);
      // And neither is cached again right after (a concurrent read of the old row must not be kept).
      expect((await me(four)).statusCode).toBe(401);
    });

    it('is bounded per database and separate between databases', async () => {
      const cache = sessionCacheOf(h.t.db);
      expect(cache.size).toBeGreaterThan(0);
      const other = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      try {
        expect(sessionCacheOf(other.t.db)).not.toBe(cache);
        expect(sessionCacheOf(other.t.db).size).toBe(0);
      } finally {
        await other.close();
      }
    });
  });
}
