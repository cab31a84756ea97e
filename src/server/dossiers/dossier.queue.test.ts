import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { intake } from './dossier.intake.service.ts';
import { countQueue } from './dossier.repository.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';

const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`work queues on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let leader: string;
    let specialist: string;
    let otherCounter: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
      leader = await h.login('lanhdao.dilinh');
      specialist = await h.login('chuyenvien.a');
      otherCounter = await h.login('tiepnhan.giahiep');
    });
    afterAll(async () => h?.close());

    const get = (cookie: string, url: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });
    const receive = async (cookie = counter, name = 'Nguyễn Văn An', unitCode?: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake({
          applicant: { kind: 'person', name, idNumber: '068090001234' },
          ...(unitCode ? { unitCode } : {}),
        }),
        headers: { cookie },
      });
      expect(res.statusCode).toBe(201);
      return res.json().code as string;
    };
    const act = (cookie: string, code: string, body: object) =>
      h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        payload: body,
        headers: { cookie },
      });
    /** A citizen's online submission (the portal's service call, without an officer). */
    const submitOnline = (name: string) =>
      h.t.db.transaction().execute((trx) =>
        intake(
          trx,
          null,
          buildIntake({
            channel: 'online',
            unitCode: '25000',
            applicant: { kind: 'person', name, idNumber: '068090001234' },
          }),
          { now: h.clock.now(), agencyPrefix: '000.00' },
        ),
      );
    const codesOf = async (cookie: string, query: string) => {
      const res = await get(cookie, `/api/dossiers?${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as { code: string }[]).map((d) => d.code);
    };

    it('lists an online submission in “all” and “awaiting acceptance”, finds it by name and code, 8 working hours to accept', async () => {
      const d = await submitOnline('Trần Thị Trực Tuyến');
      expect(await codesOf(counter, '')).toContain(d.code);
      expect(await codesOf(counter, 'tab=all')).toContain(d.code);
      expect(await codesOf(counter, 'tab=awaiting_acceptance')).toContain(d.code);
      expect(await codesOf(counter, 'tab=open')).toContain(d.code);
      expect(await codesOf(counter, `q=${encodeURIComponent('tran thi truc tuyen')}`)).toEqual([d.code]);
      expect(await codesOf(counter, `q=${encodeURIComponent(d.code)}`)).toEqual([d.code]);
      // another commune's counter does not see it
      expect(await codesOf(otherCounter, 'tab=awaiting_acceptance')).not.toContain(d.code);

      const item = (await get(counter, `/api/dossiers/${d.code}`)).json();
      const calendar = await loadCalendar(h.t.db, '68');
      const acceptBy = calendar.addWorkingHours(TEST_NOW, 8);
      expect(Date.parse(item.acceptBy)).toBe(acceptBy);
      expect(item.workDueAt).toBe(item.acceptBy);
      expect(item.next).toMatchObject({
        who: 'counter',
        step: 'accept_online',
        mine: true,
        workingHoursLeft: 8,
      });
      expect(item.allowedActions).toEqual(expect.arrayContaining(['accept_online', 'request_correction']));
    });

    it('accepting an online submission issues the receipt with the due from acceptance and leaves the acceptance tab', async () => {
      const d = await submitOnline('Lê Văn Chấp Nhận');
      h.clock.set(TEST_NOW + 2 * HOUR);
      try {
        const res = await act(counter, d.code, { type: 'accept_online', note: 'đủ thành phần' });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.status).toBe('received');
        expect(Date.parse(body.receivedAt)).toBe(TEST_NOW + 2 * HOUR);
        expect(body.documents.map((f: { form: string }) => f.form)).toContain('receipt');
        expect(body.workDueAt).toBe(body.dueAt);
        expect(body.acceptBy).toBeNull();
        expect(await codesOf(counter, 'tab=awaiting_acceptance')).not.toContain(d.code);
        expect(await codesOf(counter, 'tab=open')).toContain(d.code);
        // the specialist is told the leader must assign it
        const seen = (await get(specialist, `/api/dossiers/${d.code}`)).json();
        expect(seen.next).toMatchObject({ who: 'leader', step: 'assign', mine: false });
        expect(seen.allowedActions).toEqual([]);
        const lead = (await get(leader, `/api/dossiers/${d.code}`)).json();
        expect(lead.next).toMatchObject({ who: 'leader', step: 'assign', mine: true });
      } finally {
        h.clock.set(TEST_NOW);
      }
    });

    it('asking an online applicant for corrections records the missing items and ends the wait', async () => {
      const d = await submitOnline('Phạm Văn Sửa');
      const res = await act(counter, d.code, { type: 'request_correction', missing: ['Bản sao CCCD'] });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe('intake_incomplete');
      expect(body.workDueAt).toBeNull();
      const last = body.actions[body.actions.length - 1];
      expect(last.type).toBe('request_correction');
      expect(JSON.stringify(last)).toContain('Bản sao CCCD'); // the notification hook reads the action's payload
      expect(await codesOf(counter, 'tab=awaiting_acceptance')).not.toContain(d.code);
      expect(await codesOf(counter, 'tab=all')).toContain(d.code);
    });

    it('refusing an online submission needs the reason, issues Form 03 and ends the wait', async () => {
      const d = await submitOnline('Đinh Văn Từ Chối');
      const bare = await act(counter, d.code, { type: 'refuse_online' });
      expect(bare.statusCode).toBe(400);
      expect(JSON.stringify(bare.json().error.details)).toContain('reason');
      const res = await act(counter, d.code, {
        type: 'refuse_online',
        reason: 'Không thuộc thẩm quyền của xã',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.status).toBe('intake_refused');
      expect(body.documents.map((f: { form: string }) => f.form)).toContain('refusal');
      expect(body.next).toMatchObject({ who: 'nobody', step: 'none' });
      expect(await codesOf(counter, 'tab=awaiting_acceptance')).not.toContain(d.code);
      const pdf = await get(counter, `/api/dossiers/${d.code}/documents/refusal.pdf`);
      expect(pdf.statusCode).toBe(200);
    });

    it('sorts work tabs by due, “mine” holds open dossiers assigned to me, overdue and due soon by the clock', async () => {
      const late = await receive(counter, 'Hồ Sơ Trễ');
      const soon = await receive(counter, 'Hồ Sơ Sắp Hạn');
      const later = await receive(counter, 'Hồ Sơ Còn Lâu');
      // the dues of the three, as if received on other days
      const setDue = (code: string, due: number) =>
        h.t.db
          .updateTable('dossiers')
          .set({ due_at: due, work_due_at: due })
          .where('code', '=', code)
          .execute();
      await setDue(late, TEST_NOW - 3 * HOUR);
      await setDue(soon, TEST_NOW + 2 * HOUR);
      await setDue(later, TEST_NOW + 30 * 24 * HOUR);
      const open = await codesOf(leader, 'tab=open&limit=200');
      expect(open.indexOf(late)).toBeLessThan(open.indexOf(soon));
      expect(open.indexOf(soon)).toBeLessThan(open.indexOf(later));
      expect(await codesOf(leader, 'tab=overdue')).toContain(late);
      expect(await codesOf(leader, 'tab=overdue')).not.toContain(soon);
      expect(await codesOf(leader, 'tab=due_soon')).toContain(soon);
      expect(await codesOf(leader, 'tab=due_soon')).not.toContain(later);
      expect(await codesOf(leader, 'tab=due_soon')).not.toContain(late);

      // keyset pages in due order: one by one, the same order
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(leader, `/api/dossiers?tab=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...(res.json().items as { code: string }[]).map((d) => d.code));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(paged).toEqual(open);

      expect((await act(leader, soon, { type: 'assign', assignee: 'chuyenvien.a' })).statusCode).toBe(200);
      expect(await codesOf(specialist, 'tab=mine')).toEqual([soon]);
      expect(
        (await act(specialist, soon, { type: 'submit_for_approval', note: 'Đề nghị cấp' })).statusCode,
      ).toBe(200);
      expect(await codesOf(leader, 'tab=awaiting_approval')).toEqual([soon]);
      expect((await act(leader, soon, { type: 'approve' })).statusCode).toBe(200);
      expect(await codesOf(specialist, 'tab=mine')).toEqual([]); // finished: no longer my work
      expect(await codesOf(specialist, 'tab=all&assignee=me')).toEqual([soon]);
    });

    it('counts every tab, capped, in the caller’s scope', async () => {
      const res = await get(leader, '/api/dossiers/counts');
      expect(res.statusCode).toBe(200);
      const { counts, cap } = res.json();
      expect(cap).toBe(100);
      for (const tab of [
        'open',
        'awaiting_acceptance',
        'overdue',
        'due_soon',
        'awaiting_approval',
        'all',
        'mine',
      ])
        expect((await codesOf(leader, `tab=${tab}&limit=200`)).length).toBe(counts[tab]);
      expect(counts.awaiting_acceptance).toBeGreaterThan(0);
      const other = (await get(otherCounter, '/api/dossiers/counts')).json().counts;
      expect(other.all).toBe(0);
      // the count stops at the cap
      const scope = { kind: 'unit' as const, provinceCode: '68', unitCode: '25000' };
      expect(await countQueue(h.t.db, { scope, tab: 'all' }, 2)).toBe(2);
      expect(counts.all).toBeGreaterThan(2);
    });

    it('bulk-assigns with a result per item: another commune’s and an unknown code refused alike, the others assigned', async () => {
      const a = await receive();
      const b = await receive();
      const elsewhere = await receive(otherCounter, 'Người Gia Hiệp');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/bulk-actions',
        payload: { type: 'assign', codes: [a, elsewhere, b, 'KHONG-CO'], assignee: 'chuyenvien.b' },
        headers: { cookie: leader },
      });
      expect(res.statusCode).toBe(200);
      const { results } = res.json();
      expect(results).toEqual([
        { index: 0, code: a, ok: true, status: 'processing' },
        { index: 1, ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } },
        { index: 2, code: b, ok: true, status: 'processing' },
        { index: 3, ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } },
      ]);
      expect(res.body).not.toContain(elsewhere); // another commune's dossier: answered as unknown
      const untouched = await h.t.db
        .selectFrom('dossiers')
        .select(['status', 'assignee_id'])
        .where('code', '=', elsewhere)
        .executeTakeFirstOrThrow();
      expect(untouched).toEqual({ status: 'received', assignee_id: null });
      const assigned = await codesOf(await h.login('chuyenvien.b'), 'tab=mine');
      expect(assigned).toEqual(expect.arrayContaining([a, b]));
    });

    it('bulk-approves what awaits approval and refuses the rest item by item; a counter officer is refused and audited', async () => {
      const ready = await receive();
      const notReady = await receive();
      for (const code of [ready, notReady])
        expect((await act(leader, code, { type: 'assign', assignee: 'chuyenvien.a' })).statusCode).toBe(200);
      expect(
        (await act(specialist, ready, { type: 'submit_for_approval', note: 'Đủ điều kiện' })).statusCode,
      ).toBe(200);
      // the leader sees the specialist's proposal beside the approve button
      const page = (await get(leader, `/api/dossiers/${ready}`)).json();
      expect(page.next).toMatchObject({ who: 'leader', step: 'approve', mine: true });
      expect(page.next.proposal).toMatchObject({ by: 'chuyenvien.a', note: 'Đủ điều kiện' });
      expect(typeof page.next.workingHoursLeft).toBe('number');

      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/bulk-actions',
        payload: { type: 'approve', codes: [ready, notReady, ready] },
        headers: { cookie: leader, 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(200);
      const { results } = res.json();
      expect(results).toHaveLength(2); // the repeated code is one item
      expect(results[0]).toEqual({ index: 0, code: ready, ok: true, status: 'result_ready' });
      expect(results[1]).toMatchObject({ index: 1, ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
      const still = await h.t.db
        .selectFrom('dossiers')
        .select('status')
        .where('code', '=', notReady)
        .executeTakeFirstOrThrow();
      expect(still.status).toBe('processing');

      const refused = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers/bulk-actions',
        payload: { type: 'approve', codes: [notReady] },
        headers: { cookie: counter },
      });
      expect(refused.statusCode).toBe(403);
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select(['action', 'actor_username'])
        .where('action', '=', 'dossier.bulk_refused')
        .execute();
      expect(audit).toEqual([{ action: 'dossier.bulk_refused', actor_username: 'tiepnhan.dilinh' }]);
    });
  });
}
