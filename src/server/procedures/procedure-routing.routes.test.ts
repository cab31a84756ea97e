/**
 * Routing rules over HTTP (issue 12 item 3): per commune, set by its own leader only; leave and "reassign absent";
 * and the counter's procedure search order (item 7): exact code, exact name, then the officer's most used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { rankProcedures } from './procedure.service.ts';

const COPY = '2.000815';

describe('procedure search ranking (pure)', () => {
  const rows = [
    { code: '1.000001', name: 'Đăng ký khai sinh có yếu tố nước ngoài' },
    { code: '1.000002', name: 'Đăng ký khai sinh' },
    { code: '1.000003', name: 'Đăng ký khai sinh lưu động' },
    { code: '1.000004', name: 'Khai sinh kết hợp nhận cha' },
  ];
  it('puts an exact code first, then an exact name (marks and case ignored), then the most used', () => {
    const usage = new Map([
      ['1.000004', 2],
      ['1.000003', 5],
    ]);
    expect(rankProcedures(rows, 'dang ky KHAI SINH', usage).map((r) => r.code)).toEqual([
      '1.000002',
      '1.000003',
      '1.000004',
      '1.000001',
    ]);
    expect(rankProcedures(rows, ' 1.000004 ', new Map()).map((r) => r.code)[0]).toBe('1.000004');
    // Without usage nor exact match, the catalog's order stays.
    expect(rankProcedures(rows, 'khai', new Map())).toEqual(rows);
  });
});

for (const dialect of DIALECTS) {
  describe(`routing rules over HTTP on ${dialect}`, () => {
    let h: TestApp;
    let leader: string;
    let otherLeader: string;
    let counter: string;
    let specialist: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('lanhdao.giahiep', '25015', ['commune_leader']);
      leader = await h.login('lanhdao.dilinh');
      otherLeader = await h.login('lanhdao.giahiep');
      counter = await h.login('tiepnhan.dilinh');
      specialist = await h.login('chuyenvien.a');
    });
    afterAll(async () => h?.close());

    const put = (cookie: string, payload: object, code = COPY) =>
      h.app.inject({ method: 'PUT', url: `/api/routing-rules/${code}`, headers: { cookie }, payload });
    const rules = async (cookie: string, unit?: string) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/routing-rules${unit ? `?unit=${unit}` : ''}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json<{
        unitCode: string;
        items: { procedureCode: string; mode: string; counterSigns: boolean }[];
      }>();
    };

    it('the commune’s leader sets the rule; it holds in that commune only', async () => {
      const res = await put(leader, {
        mode: 'counter',
        counterSigns: true,
        authorisationRef: 'QĐ 15/QĐ-UBND',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        procedureCode: COPY,
        mode: 'counter',
        counterSigns: true,
        counterMaySign: true,
      });
      const own = await rules(counter);
      expect(own.unitCode).toBe('25000');
      expect(own.items.find((r) => r.procedureCode === COPY)).toMatchObject({
        mode: 'counter',
        counterSigns: true,
      });
      const other = await rules(otherLeader);
      expect(other.unitCode).toBe('25015');
      expect(other.items.find((r) => r.procedureCode === COPY)).toMatchObject({ mode: 'leader_assigns' });
    });

    it('refuses, and audits, anyone else: another commune’s leader, the counter, a specialist', async () => {
      for (const [cookie, username] of [
        [otherLeader, 'lanhdao.giahiep'],
        [counter, 'tiepnhan.dilinh'],
        [specialist, 'chuyenvien.a'],
      ] as const) {
        const res = await put(cookie, { unit: '25000', mode: 'auto_assign' });
        expect(res.statusCode).toBe(403);
        const audit = await h.t.db
          .selectFrom('audit_log')
          .select(['action', 'target_id'])
          .where('actor_username', '=', username)
          .where('action', '=', 'routing.set_refused')
          .execute();
        expect(audit).toEqual([{ action: 'routing.set_refused', target_id: COPY }]);
      }
      expect((await rules(counter)).items.find((r) => r.procedureCode === COPY)?.mode).toBe('counter');
      // A foreign commune's rules are not even readable.
      const read = await h.app.inject({
        method: 'GET',
        url: '/api/routing-rules?unit=25000',
        headers: { cookie: otherLeader },
      });
      expect(read.statusCode).toBe(403);
    });

    it('answers 400 naming the field for a rule the law does not allow', async () => {
      const res = await put(
        leader,
        { mode: 'counter', counterSigns: true, authorisationRef: 'QĐ 1' },
        '1.004873',
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'counterSigns', rule: 'routing.counter_signs_not_allowed' }),
      ]);
      expect((await put(leader, { mode: 'sometimes' })).statusCode).toBe(400);
    });

    it('ranks the exact code first and then what this officer receives most', async () => {
      const search = async (q: string, cookie?: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/procedures?q=${encodeURIComponent(q)}`,
            headers: cookie ? { cookie } : {},
          })
        ).json<{ items: { code: string; name: string }[] }>().items;
      expect((await search(COPY))[0]!.code).toBe(COPY);
      const all = await search('chứng thực');
      const last = all.at(-1)!;
      expect(last.code).not.toBe(COPY);
      for (let i = 0; i < 2; i++) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/dossiers',
          headers: { cookie: counter },
          payload: buildIntake({ procedureCode: last.code }),
        });
        expect(res.statusCode).toBe(201);
      }
      expect((await search('chứng thực', counter))[0]!.code).toBe(last.code);
      // Another officer, and an anonymous visitor, keep the catalog's order.
      expect((await search('chứng thực', specialist)).map((p) => p.code)).toEqual(all.map((p) => p.code));
      expect((await search('chứng thực')).map((p) => p.code)).toEqual(all.map((p) => p.code));
      // An exact name beats the most used.
      const copy = all.find((p) => p.code === COPY)!;
      expect((await search(copy.name, counter))[0]!.code).toBe(COPY);
    });

    it('the leader sets leave and reassigns the open dossiers of those on leave', async () => {
      const d = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie: counter },
        payload: buildIntake({ procedureCode: '1.004873' }),
      });
      const code = d.json<{ code: string }>().code;
      const assign = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        headers: { cookie: leader },
        payload: { type: 'assign', assignee: 'chuyenvien.a' },
      });
      expect(assign.statusCode).toBe(200);
      const leave = (cookie: string) =>
        h.app.inject({
          method: 'PUT',
          url: '/api/users/chuyenvien.a/leave',
          headers: { cookie },
          payload: { from: '2026-12-08', until: '2026-12-09' },
        });
      expect((await leave(counter)).statusCode).toBe(403);
      const set = await leave(leader);
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({
        username: 'chuyenvien.a',
        leaveFrom: '2026-12-08',
        leaveUntil: '2026-12-09',
      });
      const moved = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/reassign-absent',
        headers: { cookie: leader },
        payload: {},
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().items).toContainEqual({ code, from: 'chuyenvien.a', to: 'chuyenvien.b' });
      const refused = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/reassign-absent',
        headers: { cookie: otherLeader },
        payload: { unit: '25000' },
      });
      expect(refused.statusCode).toBe(403);
    });

    it('the leave screen: the leader sees the commune’s staff, the supervisor the province’s, an officer their own', async () => {
      const list = async (cookie: string, unit?: string) => {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/staff-leave${unit ? `?unit=${unit}` : ''}`,
          headers: { cookie },
        });
        expect(res.statusCode).toBe(200);
        return res.json<{ items: { username: string; unitCode: string; editable: boolean }[] }>().items;
      };
      const setLeave = (cookie: string, username: string, from: string | null, until: string | null) =>
        h.app.inject({
          method: 'PUT',
          url: `/api/users/${username}/leave`,
          headers: { cookie },
          payload: { from, until },
        });
      const mine = await list(leader);
      expect(new Set(mine.map((u) => u.unitCode))).toEqual(new Set(['25000']));
      expect(mine.find((u) => u.username === 'chuyenvien.b')).toMatchObject({ editable: true });
      // The leader is listed, not editable (leave is for the staff below the leader).
      expect(mine.find((u) => u.username === 'lanhdao.dilinh')).toMatchObject({ editable: false });
      // An officer sees their own leave only, editable by nobody but a manager.
      expect(await list(specialist)).toEqual([
        expect.objectContaining({ username: 'chuyenvien.a', editable: false }),
      ]);
      const supervisor = await h.login('tinh.lamdong');
      const province = await list(supervisor);
      expect(new Set(province.map((u) => u.unitCode))).toEqual(new Set(['68', '25000', '25015']));
      expect((await list(supervisor, '25015')).map((u) => u.username)).toEqual([
        'lanhdao.giahiep',
        'tiepnhan.giahiep',
      ]);
      // The supervisor sets a commune officer's leave; the bounds are checked, naming the field and rule.
      const set = await setLeave(supervisor, 'tiepnhan.giahiep', '2026-12-14', '2026-12-18');
      expect(set.statusCode).toBe(200);
      expect(set.json()).toMatchObject({ leaveFrom: '2026-12-14', leaveUntil: '2026-12-18' });
      const long = await setLeave(supervisor, 'tiepnhan.giahiep', '2026-12-14', '2027-12-15');
      expect([long.statusCode, long.json().error.details.issues]).toEqual([
        400,
        [expect.objectContaining({ path: 'until', rule: 'leave.too_long' })],
      ]);
      const far = await setLeave(leader, 'chuyenvien.b', '2028-01-10', '2028-01-11');
      expect(far.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'from', rule: 'leave.too_far' }),
      ]);
      const order = await setLeave(leader, 'chuyenvien.b', '2026-12-11', '2026-12-10');
      expect(order.json().error.details.issues).toEqual([
        expect.objectContaining({ path: 'until', rule: 'leave.order' }),
      ]);
      // Another commune's leader cannot, a supervisor cannot reassign (a leader's decision).
      expect((await setLeave(otherLeader, 'chuyenvien.b', '2026-12-10', '2026-12-11')).statusCode).toBe(404);
      const reassign = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/reassign-absent',
        headers: { cookie: supervisor },
        payload: { unit: '25000' },
      });
      expect(reassign.statusCode).toBe(403);
    });
  });
}
