import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { openTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { ACCOUNT_SLOW_AFTER, MAX_DELAY_MS } from './login-throttle.ts';
import { PUBLIC_REQUEST_LIMIT } from './public-routes.ts';

for (const dialect of DIALECTS) {
  describe(`sign-in throttling on ${dialect}`, () => {
    let h: TestApp;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      await h.user('admin', '68', ['system_admin']);
    });
    afterAll(async () => h?.close());

    const attempt = (username: string, password: string, ip: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
      });
    /** `times` judged wrong passwords from the pair, waiting out each Retry-After; the judged statuses. */
    const fail = async (username: string, ip: string, times: number) => {
      const codes: number[] = [];
      while (codes.length < times) {
        const res = await attempt(username, 'wrong-password', ip);
        if (res.statusCode === 429) h.clock.advance(Number(res.headers['retry-after']) * 1000);
        else codes.push(res.statusCode);
      }
      return codes;
    };
    const signIn = async (username: string, password = TEST_PASSWORD) => {
      const res = await attempt(username, password, '127.0.0.1');
      expect(res.statusCode).toBe(200);
      return `motcua_session=${res.cookies.find((c) => c.name === 'motcua_session')?.value ?? ''}`;
    };

    it('20 failures for one user from an address stop neither another user there nor that user elsewhere', async () => {
      await h.user('user.a', '25000', ['specialist']);
      await h.user('user.b', '25000', ['specialist']);
      expect(await fail('user.a', '10.20.0.1', 20)).toEqual(Array(20).fill(401));
      expect((await attempt('user.b', TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(200);
      expect((await attempt('user.a', TEST_PASSWORD, '10.20.0.2')).statusCode).toBe(200);
      // The failing pair itself is slowed: straight after a failure it waits.
      await attempt('user.a', 'wrong-password', '10.20.0.1');
      expect((await attempt('user.a', TEST_PASSWORD, '10.20.0.1')).statusCode).toBe(429);
    });

    it("strangers' failures from many addresses never lock the owner's correct password out", async () => {
      await h.user('owner', '25000', ['commune_leader']);
      for (let ip = 1; ip <= ACCOUNT_SLOW_AFTER + 2; ip++) await fail('owner', `10.30.0.${ip}`, 1);
      expect((await attempt('owner', TEST_PASSWORD, '10.30.1.1')).statusCode).toBe(200);
      // The account is slowed for every guessing pair: a new address has no free failures any more.
      expect((await attempt('owner', 'wrong-password', '10.30.1.2')).statusCode).toBe(401);
      expect((await attempt('owner', 'wrong-password', '10.30.1.2')).statusCode).toBe(429);
      const admin = await signIn('admin');
      const users = await h.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } });
      expect(users.json().items.find((u: { username: string }) => u.username === 'owner').locked).toBe(true);
    });

    it('limits sign-in attempts per address (password spraying), whoever they are for, and nothing else', async () => {
      const ip = '10.40.0.1';
      const { limit, windowMs } = PUBLIC_REQUEST_LIMIT;
      // one password against many usernames: each pair fails once, so the per-pair throttle never slows it
      for (let i = 0; i < limit; i++)
        expect((await attempt(`spray.${i}`, 'Password123', ip)).statusCode).toBe(401);
      const refused = await attempt('admin', TEST_PASSWORD, ip); // even a right password: the address is flooding
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // a signed-in caller's session buys no more attempts
      const admin = await signIn('admin');
      const withSession = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'spray.x', password: 'Password123' },
        remoteAddress: ip,
        headers: { cookie: admin },
      });
      expect(withSession.statusCode).toBe(429);
      // another address signs in; reference data answers a signed-in officer from the flooding address
      expect((await attempt('admin', TEST_PASSWORD, '10.40.0.2')).statusCode).toBe(200);
      const units = (cookie?: string) =>
        h.app.inject({
          method: 'GET',
          url: '/api/provinces',
          remoteAddress: ip,
          headers: cookie ? { cookie } : {},
        });
      expect((await units(admin)).statusCode).toBe(200);
      expect((await units()).statusCode).toBe(429); // anonymous reference reads share the address's allowance
      expect((await h.app.inject({ method: 'GET', url: '/api/health', remoteAddress: ip })).statusCode).toBe(
        200,
      );
      h.clock.advance(windowMs);
      expect((await attempt('admin', TEST_PASSWORD, ip)).statusCode).toBe(200);
    });

    it('limits anonymous reads of reference data per address', async () => {
      const ip = '10.41.0.1';
      const read = () => h.app.inject({ method: 'GET', url: '/api/procedures', remoteAddress: ip });
      for (let i = 0; i < PUBLIC_REQUEST_LIMIT.limit; i++) expect((await read()).statusCode).toBe(200);
      const refused = await read();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
    });

    it('answers an unknown username exactly like a known one, throttled or not', async () => {
      await h.user('known.user', '25000', ['specialist']);
      for (let i = 0; i < 6; i++) {
        const known = await attempt('known.user', 'wrong-password', '10.40.0.1');
        const unknown = await attempt('unknown.user', 'wrong-password', '10.40.0.1');
        expect(unknown.statusCode).toBe(known.statusCode);
        expect(unknown.body).toBe(known.body);
        expect(unknown.headers['retry-after']).toBe(known.headers['retry-after']);
      }
    });

    it('grows the delay with each failure of a pair and says how long in Retry-After', async () => {
      await h.user('slow.user', '25000', ['specialist']);
      const judged: number[] = [];
      const waits: number[] = [];
      while (waits.length < 12) {
        const res = await attempt('slow.user', 'wrong-password', '10.50.0.1');
        if (res.statusCode !== 429) judged.push(res.statusCode);
        else {
          expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED' });
          waits.push(Number(res.headers['retry-after']));
          h.clock.advance(waits.at(-1)! * 1000);
        }
      }
      expect(judged.slice(0, 4)).toEqual([401, 401, 401, 401]); // three free failures, then waits
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
      expect(MAX_DELAY_MS).toBe(900_000);
    });

    it('users enable and a password reset clear the counters', async () => {
      await h.user('reset.me', '25000', ['specialist']);
      const pairWaits = async () => {
        for (let i = 0; i < 6; i++) await attempt('reset.me', 'wrong-password', '10.60.0.1');
        return (await attempt('reset.me', TEST_PASSWORD, '10.60.0.1')).statusCode;
      };
      const admin = await signIn('admin');
      const manage = (path: string, payload?: object) =>
        h.app.inject({
          method: 'POST',
          url: `/api/users/reset.me/${path}`,
          headers: { cookie: admin },
          payload,
        });
      expect(await pairWaits()).toBe(429);
      h.clock.advance(1000); // an administrator acts later than the failures
      expect((await manage('disable')).statusCode).toBe(200);
      expect((await manage('enable')).statusCode).toBe(200);
      expect((await attempt('reset.me', TEST_PASSWORD, '10.60.0.1')).statusCode).toBe(200);
      expect(await pairWaits()).toBe(429);
      h.clock.advance(1000);
      expect((await manage('password', { password: 'a-new-password' })).statusCode).toBe(200);
      expect((await attempt('reset.me', 'a-new-password', '10.60.0.1')).statusCode).toBe(200);
    });

    it('keeps an audit entry of every failure of a known account', async () => {
      await h.user('audited', '25000', ['specialist']);
      await fail('audited', '10.70.0.1', 3);
      const rows = await h.t.db
        .selectFrom('audit_log')
        .select(['action', 'ip'])
        .where('target_id', '=', 'audited')
        .where('action', '=', 'session.login_failed')
        .execute();
      expect(rows).toEqual(Array(3).fill({ action: 'session.login_failed', ip: '10.70.0.1' }));
    });
  });
}
