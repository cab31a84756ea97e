import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { AppError } from '../platform/app-error.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import * as accounts from './account.service.ts';
import * as sessions from './account.session.service.ts';
import { LoginThrottle } from './login-throttle.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const meta = { ip: '10.0.0.5', userAgent: 'vitest' };

for (const dialect of DIALECTS) {
  describe(`accounts on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertUnits(t.db, LAM_DONG_SAMPLE);
    });
    afterAll(async () => t?.dispose());

    const create = (
      username: string,
      unitCode = '25000',
      roles: accounts.CreateUserInput['roles'] = ['specialist'],
    ) =>
      t.db.transaction().execute((trx) =>
        accounts.createUser(
          trx,
          null,
          {
            username,
            displayName: 'Nguyễn Văn A',
            password: 'secret-pass',
            unitCode,
            roles,
          },
          TEST_NOW,
        ),
      );
    let throttle = new LoginThrottle();
    const invalid = { ok: false, reason: 'invalid' };
    const login = (username: string, password: string, now = TEST_NOW, ip = meta.ip) =>
      sessions.login(t.db, throttle, { username, password }, { ...meta, ip }, 12, now);

    it('refuses a display name with a control or bidi character (the CLI calls the service directly)', async () => {
      for (const displayName of ['Nguyễn\u202E A', 'Nguyễn\nA', 'Nguyễn\u0000A']) {
        const made = t.db.transaction().execute((trx) =>
          accounts.createUser(
            trx,
            null,
            {
              username: 'tenxau',
              displayName,
              password: 'secret-pass',
              unitCode: '25000',
              roles: ['specialist'],
            },
            TEST_NOW,
          ),
        );
        await expect(made).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          issues: [expect.objectContaining({ path: 'displayName', rule: 'rule.plainLine' })],
        });
      }
      expect(await t.db.selectFrom('users').select('id').where('username', '=', 'tenxau').execute()).toEqual(
        [],
      );
    });

    it('creates a user in a commune, with its province, an argon2id hash and an audit entry', async () => {
      const actor = await create('chuyenvien.dilinh');
      expect(actor).toMatchObject({ unitCode: '25000', provinceCode: '68', roles: ['specialist'] });
      const row = await t.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'chuyenvien.dilinh')
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.create')
        .execute();
      expect(audit.map((a) => a.target_id)).toContain('chuyenvien.dilinh');
    });

    it('refuses a duplicate username, a bad username, a short password and an unknown unit', async () => {
      await create('dup.user');
      await expect(create('dup.user')).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(create('Bad Name')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: 'username' })],
      });
      await expect(create('someone', '99999')).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'unitCode' })],
      });
      const short = t.db.transaction().execute((trx) =>
        accounts.createUser(
          trx,
          null,
          {
            username: 'short.pw',
            displayName: 'x',
            password: '123',
            unitCode: '25000',
            roles: ['specialist'],
          },
          TEST_NOW,
        ),
      );
      await expect(short).rejects.toBeInstanceOf(AppError);
      const count = await t.db
        .selectFrom('users')
        .select('username')
        .where('username', 'in', ['short.pw', 'someone'])
        .execute();
      expect(count).toEqual([]);
    });

    // SQLite has one connection: a password checked inside a transaction stalled every other request (issue 9).
    // PostgreSQL's pool never stalled that way, and there the race below would only measure connection set-up.
    it.skipIf(dialect !== 'sqlite')(
      'checks the password before opening a transaction: other work goes on while users sign in',
      async () => {
        await create('dongthoi');
        const finished: string[] = [];
        const logins = Array.from({ length: 4 }, () =>
          login('dongthoi', 'secret-pass').then((r) => {
            finished.push('login');
            return r;
          }),
        );
        await new Promise((r) => setTimeout(r, 5)); // the logins are hashing now
        const read = t.db
          .selectFrom('unit_versions')
          .select((eb) => eb.fn.countAll().as('n'))
          .execute()
          .then(() => finished.push('read'));
        await Promise.all([read, ...logins]);
        // Were the hash checked inside a transaction, SQLite's one connection would make the read wait for a login.
        expect(finished[0]).toBe('read');
        expect((await Promise.all(logins)).every((r) => r.ok)).toBe(true);
      },
    );

    it('logs in, authenticates the token, and logs out', async () => {
      await create('tiepnhan.giahiep', '25015', ['counter_officer']);
      const result = await login('tiepnhan.giahiep', 'secret-pass');
      if (!result.ok) throw new Error('login failed');
      const session = await sessions.authenticate(t.db, result.token, TEST_NOW);
      expect(session?.actor).toMatchObject({
        username: 'tiepnhan.giahiep',
        unitCode: '25015',
        provinceCode: '68',
      });
      const stored = await t.db.selectFrom('sessions').select('id').execute();
      expect(stored.map((s) => s.id)).not.toContain(result.token); // only the hash is stored
      await t.db.transaction().execute((trx) => sessions.logout(trx, session!, meta.ip, TEST_NOW));
      expect(await sessions.authenticate(t.db, result.token, TEST_NOW)).toBeNull();
    });

    it('rejects a wrong password and an unknown user the same way', async () => {
      await create('lanhdao.dilinh', '25000', ['commune_leader']);
      expect(await login('lanhdao.dilinh', 'wrong-pass')).toEqual({ ok: false, reason: 'invalid' });
      expect(await login('nobody.here', 'wrong-pass')).toEqual({ ok: false, reason: 'invalid' });
    });

    it('slows a failing pair only: a correct password from an address without failures always signs in', async () => {
      throttle = new LoginThrottle();
      await create('lock.me');
      const now = Date.UTC(2026, 0, 5, 2, 0);
      for (let i = 0; i < 4; i++) expect(await login('lock.me', 'nope-nope', now)).toEqual(invalid);
      // The pair now waits 1 s, the right password included; another address is not concerned.
      expect(await login('lock.me', 'secret-pass', now)).toEqual({
        ok: false,
        reason: 'throttled',
        retryAfterSeconds: 1,
      });
      expect((await login('lock.me', 'secret-pass', now, '10.0.0.6')).ok).toBe(true);
      expect((await login('lock.me', 'secret-pass', now + 1000)).ok).toBe(true);
      const failed = await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', 'lock.me')
        .where('action', '=', 'session.login_failed')
        .execute();
      expect(failed).toHaveLength(4);
    });

    it('disabling a user ends their sessions and blocks sign-in', async () => {
      await create('to.disable');
      const first = await login('to.disable', 'secret-pass');
      if (!first.ok) throw new Error('login failed');
      await t.db
        .transaction()
        .execute((trx) => accounts.setDisabled(trx, null, 'to.disable', true, TEST_NOW));
      expect(await sessions.authenticate(t.db, first.token, TEST_NOW)).toBeNull();
      expect(await login('to.disable', 'secret-pass')).toEqual({ ok: false, reason: 'disabled' });
    });

    it('changing a password ends sessions and the new password works', async () => {
      await create('change.pw');
      const first = await login('change.pw', 'secret-pass');
      if (!first.ok) throw new Error('login failed');
      await t.db
        .transaction()
        .execute((trx) => accounts.setPassword(trx, null, 'change.pw', 'another-pass', TEST_NOW));
      expect(await sessions.authenticate(t.db, first.token, TEST_NOW)).toBeNull();
      expect((await login('change.pw', 'another-pass')).ok).toBe(true);
    });

    it('lists users within a scope only', async () => {
      await create('ha.noi.user', '00004');
      const commune = await accounts.listUsers(t.db, { kind: 'unit', provinceCode: '68', unitCode: '25015' });
      expect(commune.every((u) => u.unit_code === '25015')).toBe(true);
      expect(commune.length).toBeGreaterThan(0);
      const province = await accounts.listUsers(t.db, { kind: 'province', provinceCode: '68' });
      expect(province.map((u) => u.username)).not.toContain('ha.noi.user');
      const all = await accounts.listUsers(t.db, { kind: 'all' });
      expect(all.map((u) => u.username)).toContain('ha.noi.user');
    });

    it('leaves an intact audit chain behind all of this', async () => {
      expect((await verifyAudit(t.db)).ok).toBe(true);
    });
  });
}
