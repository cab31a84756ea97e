import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * The grant matrix of user management: every role × every target role × create / reset / disable / enable, in the
 * actor's own commune, another commune of its province and another province, against the rule stated here apart
 * from the code: a system admin may do everything but change another system admin (the CLI does that); a province
 * supervisor, inside their province, may create and change only commune staff (specialist, counter officer),
 * never a leader, a supervisor, an inspector or an admin; nobody else (a province inspector included) manages
 * accounts. Every refusal is audited.
 */
const ATTEMPTS = ['create', 'set_password', 'disable', 'enable'] as const;
type Attempt = (typeof ATTEMPTS)[number];
const PLACES = { own: '25000', province: '25015', elsewhere: '00004' } as const;
type Place = keyof typeof PLACES;
const STAFF: readonly Role[] = ['specialist', 'counter_officer'];

function allowed(actor: Role, target: Role, place: Place, attempt: Attempt): boolean {
  if (actor === 'system_admin') return attempt === 'create' || target !== 'system_admin';
  if (actor === 'province_supervisor') return place !== 'elsewhere' && STAFF.includes(target);
  return false;
}

const short: Record<Role, string> = {
  system_admin: 'sa',
  province_supervisor: 'ps',
  province_inspector: 'pi',
  commune_leader: 'cl',
  specialist: 'sp',
  counter_officer: 'co',
};
const actorName = (role: Role) => `actor.${short[role]}`;
const targetName = (role: Role, place: Place) => `target.${short[role]}.${place}`;

for (const dialect of DIALECTS) {
  describe(`user management grant matrix on ${dialect}`, () => {
    let h: TestApp;
    const cookies = new Map<Role, string>();
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      for (const role of ROLES) {
        const unit = ['system_admin', 'province_supervisor', 'province_inspector'].includes(role)
          ? '68'
          : PLACES.own;
        await h.user(actorName(role), unit, [role]);
        cookies.set(role, await h.login(actorName(role)));
        for (const place of Object.keys(PLACES) as Place[])
          await h.user(targetName(role, place), PLACES[place], [role]);
      }
    }, 60_000);
    afterAll(async () => h?.close());

    const send = (actor: Role, target: Role, place: Place, attempt: Attempt) => {
      const cookie = cookies.get(actor) ?? '';
      if (attempt === 'create') {
        const username = `new.${short[actor]}.${short[target]}.${place}`;
        const payload = {
          username,
          displayName: 'X',
          password: 'long-enough',
          unitCode: PLACES[place],
          roles: [target],
        };
        return h.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload });
      }
      const path = attempt === 'set_password' ? 'password' : attempt;
      const payload = attempt === 'set_password' ? { password: 'another-password' } : undefined;
      const url = `/api/users/${targetName(target, place)}/${path}`;
      return h.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    };
    const targetOf = (actor: Role, target: Role, place: Place, attempt: Attempt) =>
      attempt === 'create' ? `new.${short[actor]}.${short[target]}.${place}` : targetName(target, place);

    for (const actor of ROLES) {
      it(`${actor}: allowed exactly by the rule, and every refusal audited`, async () => {
        const mismatches: string[] = [];
        const refused: string[] = [];
        for (const target of ROLES)
          for (const place of Object.keys(PLACES) as Place[])
            for (const attempt of ATTEMPTS) {
              const res = await send(actor, target, place, attempt);
              const expected = allowed(actor, target, place, attempt);
              const got = res.statusCode === 200 || res.statusCode === 201;
              if (got !== expected) mismatches.push(`${attempt} ${target} ${place}: ${res.statusCode}`);
              if (!got) {
                expect(res.statusCode).toBe(403);
                expect(res.json().error).toMatchObject({
                  code: 'FORBIDDEN',
                  details: { action: 'users.manage', attempt },
                });
                refused.push(`${attempt} ${targetOf(actor, target, place, attempt)}`);
              }
            }
        expect(mismatches).toEqual([]);
        const audited = await h.t.db
          .selectFrom('audit_log')
          .select(['target_id', 'details'])
          .where('action', '=', 'user.manage_refused')
          .where('actor_username', '=', actorName(actor))
          .execute();
        const entries = audited.map(
          (a) => `${(JSON.parse(a.details) as { attempt: string }).attempt} ${a.target_id}`,
        );
        expect(entries.sort()).toEqual(refused.sort());
      });
    }

    it('a supervisor cannot create a system admin, and the refusal says why', async () => {
      const res = await send('province_supervisor', 'system_admin', 'own', 'create');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual({ action: 'users.manage', attempt: 'create', reason: 'rank' });
      const row = await h.t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', targetOf('province_supervisor', 'system_admin', 'own', 'create'))
        .executeTakeFirst();
      expect(row).toBeUndefined();
    });

    it('a supervisor cannot reset the admin, nor disable them', async () => {
      const cookie = cookies.get('province_supervisor') ?? '';
      const url = `/api/users/${actorName('system_admin')}`;
      const reset = await h.app.inject({
        method: 'POST',
        url: `${url}/password`,
        headers: { cookie },
        payload: { password: 'taken-over!' },
      });
      expect(reset.statusCode).toBe(403);
      const disable = await h.app.inject({ method: 'POST', url: `${url}/disable`, headers: { cookie } });
      expect(disable.statusCode).toBe(403);
      const me = await h.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: cookies.get('system_admin') ?? '' },
      });
      expect(me.statusCode).toBe(200); // the admin's session survived
    });

    it('a supervisor cannot create or change a commune leader: leader-level changes need a system admin', async () => {
      for (const attempt of ATTEMPTS) {
        const res = await send('province_supervisor', 'commune_leader', 'province', attempt);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.details.reason).toBe('leader_needs_admin');
        expect(
          (
            await send(
              'system_admin',
              'commune_leader',
              'province',
              attempt === 'create' ? 'enable' : attempt,
            )
          ).statusCode,
        ).toBe(200);
      }
    });

    it('a system admin cannot change another system admin from a session', async () => {
      const res = await send('system_admin', 'system_admin', 'own', 'set_password');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.reason).toBe('rank');
    });
  });
}
