import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';

for (const dialect of DIALECTS) {
  describe(`auth and users API on ${dialect}`, () => {
    let h: TestApp;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      await h.user('admin', '68', ['system_admin']);
      await h.user('tinh.lamdong', '68', ['province_supervisor']);
      await h.user('tiepnhan.dilinh', '25000', ['counter_officer']);
      await h.user('lanhdao.dilinh', '25000', ['commune_leader']);
    });
    afterAll(async () => h?.close());

    it('POST /api/auth/login sets an HttpOnly SameSite=Lax cookie and answers the profile', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tiepnhan.dilinh', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'motcua_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(res.json()).toMatchObject({
        username: 'tiepnhan.dilinh',
        roles: ['counter_officer'],
        unitCode: '25000',
        provinceCode: '68',
      });
      expect(res.json().abilities).toEqual(expect.arrayContaining(['dossier.intake', 'reports.read']));
      expect(res.json().abilities).not.toContain('dossier.decide');
    });

    it('marks the cookie Secure behind a TLS proxy', async () => {
      const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', MOTCUA_TRUST_PROXY: '1' });
      const proxied = await buildApp({ db: h.t.db, dialect, config });
      try {
        const res = await proxied.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'tiepnhan.dilinh', password: TEST_PASSWORD },
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(res.statusCode).toBe(200);
        expect(res.cookies.find((c) => c.name === 'motcua_session')?.secure).toBe(true);
      } finally {
        await proxied.close();
      }
    });

    it('behind one proxy hop, takes the address the proxy saw, not the one the client forged', async () => {
      const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', MOTCUA_TRUST_PROXY: '1' });
      const proxied = await buildApp({ db: h.t.db, dialect, config, clock: h.clock });
      try {
        const res = await proxied.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'tiepnhan.dilinh', password: TEST_PASSWORD },
          // The client wrote 6.6.6.6; the proxy (127.0.0.1) appended the address it really saw.
          headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
          remoteAddress: '127.0.0.1',
        });
        expect(res.statusCode).toBe(200);
        const logged = await h.t.db
          .selectFrom('audit_log')
          .select('ip')
          .where('action', '=', 'session.login')
          .where('ip', 'in', ['203.0.113.7', '6.6.6.6'])
          .execute();
        expect(logged.map((e) => e.ip)).toEqual(['203.0.113.7']);
      } finally {
        await proxied.close();
      }
      expect(() => loadConfig({ MOTCUA_TRUST_PROXY: 'true' })).toThrow(/proxy hops/);
      expect(loadConfig({ MOTCUA_TRUST_PROXY: '10.0.0.5, 10.0.0.0/8' }).MOTCUA_TRUST_PROXY).toEqual([
        '10.0.0.5',
        '10.0.0.0/8',
      ]);
    });

    it('GET /api/auth/me answers the session user, or 401 without one', async () => {
      const cookie = await h.login('lanhdao.dilinh');
      const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({
        username: 'lanhdao.dilinh',
        displayName: 'lanhdao.dilinh',
        roles: ['commune_leader'],
        unitCode: '25000',
        provinceCode: '68',
        abilities: expect.arrayContaining(['dossier.decide', 'petition.decide', 'task.assign']),
      });
      expect(me.json().abilities).not.toContain('calendar.edit');
      const anonymous = await h.app.inject({ method: 'GET', url: '/api/auth/me' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    });

    it("gives 'province.wide' to those who see more than one commune, for the reports' unit picker", async () => {
      const abilitiesOf = async (username: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: '/api/auth/me',
            headers: { cookie: await h.login(username) },
          })
        ).json().abilities as string[];
      expect(await abilitiesOf('admin')).toContain('province.wide');
      expect(await abilitiesOf('tinh.lamdong')).toContain('province.wide');
      expect(await abilitiesOf('lanhdao.dilinh')).not.toContain('province.wide');
      expect(await abilitiesOf('tiepnhan.dilinh')).not.toContain('province.wide');
    });

    it('answers 401 for a wrong password, in the language asked for', async () => {
      const payload = { username: 'lanhdao.dilinh', password: 'wrong-password' };
      const vi = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      const ru = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
      });
      const en = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: { 'accept-language': 'en' },
      });
      expect([vi.statusCode, ru.statusCode, en.statusCode]).toEqual([401, 401, 401]);
      expect(vi.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
      expect(ru.json().error.message).toBe('Неверное имя пользователя или пароль');
      expect(en.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong username or password',
        details: {},
      });
    });

    it('names each bad field of a login body by its path', async () => {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
        'password',
        'username',
      ]);
      expect(error.message).toContain('username');
      expect(JSON.stringify(res.json())).not.toMatch(/at .*\.ts:\d+/);
    });

    // Sign-in throttling: account.login.routes.test.ts.

    it('rejects a cookie-authenticated write from another origin (CSRF) and accepts same-origin', async () => {
      const cookie = await h.login('admin');
      const body = {
        username: 'new.user',
        displayName: 'Người mới',
        password: 'long-enough',
        unitCode: '25000',
        roles: ['specialist'],
      };
      const cross = await h.app.inject({
        method: 'POST',
        url: '/api/users',
        payload: body,
        headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
      });
      expect(cross.statusCode).toBe(403);
      expect(cross.json().error.code).toBe('CSRF_REJECTED');
      expect(
        await h.t.db.selectFrom('users').select('id').where('username', '=', 'new.user').executeTakeFirst(),
      ).toBeUndefined();
      const same = await h.app.inject({
        method: 'POST',
        url: '/api/users',
        payload: body,
        headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' },
      });
      expect(same.statusCode).toBe(201);
      expect(same.json()).toMatchObject({
        username: 'new.user',
        unitCode: '25000',
        provinceCode: '68',
        disabled: false,
      });
    });

    it('authorises user management by role and province', async () => {
      const officer = await h.login('tiepnhan.dilinh');
      const list = await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: officer } });
      expect(list.statusCode).toBe(403);
      const province = await h.login('tinh.lamdong');
      const inProvince = await h.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: province },
        payload: {
          username: 'cv.giahiep',
          displayName: 'CV',
          password: 'long-enough',
          unitCode: '25015',
          roles: ['specialist'],
        },
      });
      expect(inProvince.statusCode).toBe(201);
      const otherProvince = await h.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: province },
        payload: {
          username: 'cv.hanoi',
          displayName: 'CV',
          password: 'long-enough',
          unitCode: '00004',
          roles: ['specialist'],
        },
      });
      expect(otherProvince.statusCode).toBe(403);
      const users = await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: province } });
      expect(users.json().items.every((u: { provinceCode: string }) => u.provinceCode === '68')).toBe(true);
    });

    it('logout ends the session', async () => {
      const cookie = await h.login('tiepnhan.dilinh');
      const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect(out.statusCode).toBe(200);
      const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(401);
    });

    it('GET /api/health reports the database kind and version', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        db: dialect,
        storage: 'ok',
        redis: 'off',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    });

    it('serves the OpenAPI document generated from the zod schemas', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(
        doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required,
      ).toEqual(['username', 'password']);
      const ui = await h.app.inject({ method: 'GET', url: '/api/docs' });
      expect([200, 302]).toContain(ui.statusCode);
    });

    it('answers unknown API routes with the error model', async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/nope',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: { code: 'ROUTE_NOT_FOUND', message: 'No route GET /api/nope', details: {} },
      });
    });
  });
}
