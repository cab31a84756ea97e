import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../shared/calendar/index.ts';
import { DEFAULT_PETITION_RULES } from '../../shared/petition/petition.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

const petition = (over: Record<string, unknown> = {}) => ({
  kind: 'feedback',
  channel: 'direct',
  subject: 'Chậm trả kết quả',
  content: 'Hồ sơ của tôi đã quá hạn nhưng chưa được trả kết quả, đề nghị xem xét.',
  petitioner: {
    name: 'Nguyễn Văn An',
    idNumber: '068090001234',
    phone: '0912345678',
    address: 'Thôn 1, Di Linh',
  },
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`petitions API on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let leader: string;
    let other: string;
    let dossierCode: string;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
      leader = await h.login('lanhdao.dilinh');
      other = await h.login('tiepnhan.giahiep');
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie: counter },
      });
      dossierCode = res.json().code;
    });
    afterAll(async () => h?.close());

    const lodge = (body: Record<string, unknown>, cookie = counter, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url: '/api/petitions', payload: body, headers: { cookie, ...headers } });
    const act = (code: string, body: Record<string, unknown>, cookie = leader, lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: `/api/petitions/${code}/actions`,
        payload: body,
        headers: { cookie, 'accept-language': lang },
      });
    const get = (url: string, cookie = counter) => h.app.inject({ method: 'GET', url, headers: { cookie } });

    it('lodges feedback on a dossier: code, deadlines, personal data masked', async () => {
      const res = await lodge(petition({ dossierCode }));
      expect(res.statusCode).toBe(201);
      const p = res.json();
      expect(p.code).toMatch(/\.DT-\d{6}-0001$/);
      expect(p).toMatchObject({
        kind: 'feedback',
        status: 'received',
        unitCode: '25000',
        dossierCode,
        petitioner: { name: 'Nguyễn Văn An' },
        // The counter officer who lodged it may only withdraw it; the leader is offered every step (by policy).
        allowedActions: ['withdraw'],
        nextDeadline: { kind: 'respond', overdue: false },
      });
      expect((await get(`/api/petitions/${p.code}`, leader)).json().allowedActions).toEqual([
        'request_info',
        'accept',
        'reject',
        'withdraw',
      ]);
      expect(p.petitioner.idNumber).not.toBe('068090001234');
      expect(p.petitioner.phone).not.toContain('2345678');
      expect(parseInstant(p.respondBy)).toBeGreaterThan(parseInstant(p.receivedAt));
      expect(parseInstant(p.infoBy)).toBeGreaterThan(parseInstant(p.respondBy));
    });

    it('names every bad field, in the user’s language, and writes nothing', async () => {
      const before = (await get('/api/petitions')).json().items.length;
      const res = await lodge(
        petition({ subject: 'x', petitioner: { name: 'A' }, dossierCode: 'NOPE-1' }),
        counter,
        { 'accept-language': 'en' },
      );
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.details.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['subject', 'petitioner.name']));
      expect(res.json().error.message).toMatch(/subject/);
      const unknown = await lodge(petition({ dossierCode: 'NOPE-1' }), counter, { 'accept-language': 'vi' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details.issues).toEqual([
        {
          path: 'dossierCode',
          rule: 'petition.dossierUnknown',
          message: expect.stringContaining('không có hồ sơ'),
        },
      ]);
      expect((await get('/api/petitions')).json().items.length).toBe(before);
    });

    it('runs feedback to the end: accept, resolve, publish — each action logged', async () => {
      const { code } = (await lodge(petition())).json();
      const early = await act(code, { type: 'resolve', conclusion: 'answered', result: 'Trả lời sớm' });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.details.allowedActions).toEqual([
        'request_info',
        'accept',
        'reject',
        'withdraw',
      ]);
      const accepted = await act(code, { type: 'accept' });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', nextDeadline: { kind: 'resolve' } });
      expect(parseInstant(accepted.json().dueAt)).toBeGreaterThan(parseInstant(accepted.json().acceptedAt));
      const bad = await act(code, { type: 'resolve', conclusion: 'upheld', result: 'Đã trả lời công dân.' });
      expect(bad.json().error.details.issues[0]).toMatchObject({
        path: 'conclusion',
        rule: 'petition.conclusion',
      });
      const resolved = await act(code, {
        type: 'resolve',
        conclusion: 'answered',
        result: 'Đã trả lời công dân.',
      });
      expect(resolved.json()).toMatchObject({
        status: 'resolved',
        conclusion: 'answered',
        allowedActions: ['publish'],
        nextDeadline: { kind: 'publish', overdue: false },
      });
      const published = await act(code, { type: 'publish' }, counter);
      expect(published.statusCode).toBe(403); // the counter officer receives; publishing is the handler's
      const done = await act(code, { type: 'publish' });
      expect(done.json()).toMatchObject({
        status: 'resolved',
        nextDeadline: null,
        allowedActions: [], // published once: nothing is left to do
      });
      expect(done.json().publishedAt).not.toBeNull();
      const again = await act(code, { type: 'publish' }, leader, 'vi');
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('đã được công khai');
      const detail = (await get(`/api/petitions/${code}`)).json();
      expect(detail.actions.map((a: { seq: number; type: string }) => [a.seq, a.type])).toEqual([
        [1, 'lodge'],
        [2, 'accept'],
        [3, 'resolve'],
        [4, 'publish'],
      ]);
    });

    it('asks for more information on feedback, then takes it back to decide', async () => {
      const { code } = (await lodge(petition())).json();
      expect((await act(code, { type: 'request_info' })).json().error.details.issues[0].path).toBe('missing');
      const asked = await act(code, { type: 'request_info', missing: 'Bản sao giấy hẹn trả kết quả' });
      expect(asked.json()).toMatchObject({
        status: 'more_info_requested',
        allowedActions: ['receive_info', 'reject', 'withdraw'],
      });
      expect((await act(code, { type: 'receive_info' }, counter)).json().status).toBe('received');
      const rejected = await act(code, { type: 'reject', reason: 'Không thuộc phạm vi phản ánh' });
      expect(rejected.json()).toMatchObject({ status: 'rejected', allowedActions: [], nextDeadline: null });
    });

    it('keeps a denouncer’s identity for the leader only, and every read is audited', async () => {
      const res = await lodge(petition({ kind: 'denunciation', subject: 'Tố cáo cán bộ', complex: true }));
      const { code, petitioner } = res.json();
      // No initials, no digits: the denouncer is hidden from everyone but through the leader's audited reveal.
      expect(petitioner).toEqual({
        confidential: true,
        name: '(Người tố cáo được giữ bí mật)',
        idNumber: null,
        phone: null,
        address: null,
      });
      expect((await get(`/api/petitions/${code}/petitioner`)).statusCode).toBe(403);
      const full = await get(`/api/petitions/${code}/petitioner`, leader);
      expect(full.json()).toMatchObject({ name: 'Nguyễn Văn An', idNumber: '068090001234' });
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select(['action', 'target_id'])
        .where('action', '=', 'petition.read_personal_data')
        .where('target_id', '=', code)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('extends an especially complex denunciation twice by 30 days, each by a written decision, not a third time', async () => {
      const { code } = (
        await lodge(petition({ kind: 'denunciation', subject: 'Tố cáo', complexity: 'very_complex' }))
      ).json();
      const accepted = (await act(code, { type: 'accept' })).json();
      expect(accepted.complexity).toBe(2);
      expect((await act(code, { type: 'extend' })).json().error.details.issues[0].path).toBe('reason');
      const noDecision = await act(code, { type: 'extend', reason: 'Cần xác minh thêm' });
      expect(noDecision.json().error.details.issues[0].path).toBe('decision');
      const once = (
        await act(code, {
          type: 'extend',
          reason: 'Cần xác minh thêm',
          decision: '15/QĐ-UBND ngày 10/12/2026',
        })
      ).json();
      // 30 days counted from the current due's own day, to the end of a working day if the 30th is not one.
      const calendar = await loadCalendar(h.t.db, '68');
      const extended = calendar.due(
        parseInstant(accepted.dueAt) - 60_000,
        DEFAULT_PETITION_RULES.denunciation.extension,
      );
      expect(parseInstant(once.dueAt)).toBe(extended);
      expect(extended - parseInstant(accepted.dueAt)).toBeGreaterThanOrEqual(30 * 86_400_000);
      const twice = (
        await act(code, { type: 'extend', reason: 'Vụ việc đặc biệt phức tạp', decision: '21/QĐ-UBND' })
      ).json();
      expect(twice.extensionCount).toBe(2);
      expect(twice.allowedActions).toEqual(['resolve', 'withdraw']); // no third extension offered
      const third = await act(
        code,
        { type: 'extend', reason: 'Thêm lần nữa', decision: '30/QĐ-UBND' },
        leader,
        'en',
      );
      expect(third.statusCode).toBe(409);
      expect(third.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { rule: 'petition.extensions_used', max: 2 },
      });
      expect(third.json().error.message).toContain('twice if especially complex');
    });

    it.each([
      // Law on Denunciation 2018 Art. 30.1: [complexity given at lodging, extensions allowed]
      [undefined, 0],
      ['normal', 0],
      ['complex', 1],
    ] as const)('a denunciation lodged as %s may be extended %i time(s)', async (complexity, max) => {
      const { code } = (
        await lodge(
          petition({ kind: 'denunciation', subject: 'Tố cáo', ...(complexity ? { complexity } : {}) }),
        )
      ).json();
      const accepted = (await act(code, { type: 'accept' })).json();
      expect(accepted.allowedActions.includes('extend')).toBe(max > 0);
      for (let i = 0; i < max; i += 1)
        expect(
          (await act(code, { type: 'extend', reason: 'Cần xác minh', decision: `${i + 1}/QĐ` })).statusCode,
        ).toBe(200);
      const refused = await act(code, { type: 'extend', reason: 'Cần xác minh', decision: '9/QĐ' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.details.rule).toBe(
        max === 0 ? 'petition.extension_not_allowed' : 'petition.extensions_used',
      );
    });

    it('accepts a denunciation checked in several places within 10 working days instead of 7 (Art. 24.1)', async () => {
      const one = (await lodge(petition({ kind: 'denunciation', subject: 'Tố cáo' }))).json();
      const several = (
        await lodge(petition({ kind: 'denunciation', subject: 'Tố cáo', multiPlace: true }))
      ).json();
      const calendar = await loadCalendar(h.t.db, '68');
      expect(parseInstant(one.respondBy)).toBe(calendar.due(TEST_NOW, { value: 7, unit: 'working_day' }));
      expect(parseInstant(several.respondBy)).toBe(
        calendar.due(TEST_NOW, { value: 10, unit: 'working_day' }),
      );
      expect(several.multiPlace).toBe(true);
    });

    it('records a denunciation forwarded outside the competence, late after 5 working days (Art. 24.2)', async () => {
      const { code } = (await lodge(petition({ kind: 'denunciation', subject: 'Tố cáo' }))).json();
      const res = await act(code, {
        type: 'reject',
        reason: 'Không thuộc thẩm quyền',
        forwardedTo: 'Thanh tra tỉnh',
      });
      expect(res.statusCode).toBe(200);
      const detail = (
        await h.app.inject({ method: 'GET', url: `/api/petitions/${code}`, headers: { cookie: leader } })
      ).json();
      const rejected = detail.actions.find((a: { type: string }) => a.type === 'reject');
      const calendar = await loadCalendar(h.t.db, '68');
      expect(rejected.payload).toMatchObject({
        forwardedTo: 'Thanh tra tỉnh',
        forwardBy: calendar.due(TEST_NOW, { value: 5, unit: 'working_day' }),
        late: false,
      });
    });

    it('flags a complaint lodged after 90 days, and picks its limit from the case', async () => {
      const knownAt = new Date(TEST_NOW - 200 * 86_400_000).toISOString();
      const late = (await lodge(petition({ kind: 'complaint', knownAt, remote: true }))).json();
      expect(late).toMatchObject({ kind: 'complaint', lodgedLate: true, remote: true, instance: 1 });
      const fresh = (
        await lodge(petition({ kind: 'complaint', knownAt: new Date(TEST_NOW - 86_400_000).toISOString() }))
      ).json();
      expect(fresh.lodgedLate).toBe(false);
      const future = await lodge(petition({ kind: 'complaint', knownAt: '2099-01-01T00:00:00+07:00' }));
      expect(future.json().error.details.issues[0]).toMatchObject({ path: 'knownAt' });
      // Remote: 45 days; normal: 30.
      const a = (await act(late.code, { type: 'accept' })).json();
      const b = (await act(fresh.code, { type: 'accept' })).json();
      const calendar = await loadCalendar(h.t.db, '68');
      const first = DEFAULT_PETITION_RULES.complaint.first;
      expect(parseInstant(a.dueAt)).toBe(calendar.due(parseInstant(a.acceptedAt), first.remote));
      expect(parseInstant(b.dueAt)).toBe(calendar.due(parseInstant(b.acceptedAt), first.normal));
      expect(first.remote).toMatchObject({ value: 45 });
      expect(first.normal).toMatchObject({ value: 30 });
    });

    it('lists the overdue ones and hides other communes’ petitions', async () => {
      const { code } = (await lodge(petition({ subject: 'Quá hạn trả lời' }))).json();
      await h.t.db
        .updateTable('petitions')
        .set({ respond_by: TEST_NOW - 60_000 })
        .where('code', '=', code)
        .execute();
      const overdue = (await get('/api/petitions?overdue=true')).json().items;
      expect(overdue.map((p: { code: string }) => p.code)).toContain(code);
      expect(overdue.every((p: { nextDeadline: { overdue: boolean } }) => p.nextDeadline.overdue)).toBe(true);
      expect((await get(`/api/petitions/${code}`, other)).statusCode).toBe(404);
      expect((await get('/api/petitions', other)).json().items).toEqual([]);
      expect((await act(code, { type: 'accept' }, other)).statusCode).toBe(404);
    });

    it('pages the register by cursor: every petition once, newest first; a bad cursor is named', async () => {
      const all = (await get('/api/petitions?limit=200')).json();
      expect(all.nextCursor).toBeNull();
      const seen: string[] = [];
      let url = '/api/petitions?limit=2';
      for (let guard = 0; guard < 100; guard += 1) {
        const page = (await get(url)).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((p: { code: string }) => p.code));
        if (!page.nextCursor) break;
        url = `/api/petitions?limit=2&cursor=${page.nextCursor}`;
      }
      expect(seen).toEqual(all.items.map((p: { code: string }) => p.code));
      expect(seen.length).toBeGreaterThan(4);
      const bad = await get('/api/petitions?cursor=bm9wZQ');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'cursor', rule: 'cursor.invalid' });
    });

    it('answers the same Idempotency-Key with the same petition', async () => {
      const headers = { 'idempotency-key': `pet-${dialect}-1` };
      const first = await lodge(petition({ subject: 'Một lần thôi' }), counter, headers);
      const second = await lodge(petition({ subject: 'Một lần thôi' }), counter, headers);
      expect(second.json().code).toBe(first.json().code);
      const count = await h.t.db
        .selectFrom('petitions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject', '=', 'Một lần thôi')
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('lets the province supervisor change the province’s limits, validated and audited', async () => {
      const supervisor = await h.login('tinh.lamdong');
      const put = (body: unknown, cookie = supervisor) =>
        h.app.inject({
          method: 'PUT',
          url: '/api/petition-rules/68',
          payload: body as object,
          headers: { cookie },
        });
      expect(
        (await put({ feedback: { resolve: { value: 10, unit: 'working_day' } } }, leader)).statusCode,
      ).toBe(403);
      const bad = await put({ feedback: { resolve: { value: -1, unit: 'fortnight' } } });
      expect(bad.statusCode).toBe(400);
      const ok = await put({ feedback: { resolve: { value: 10, unit: 'working_day' } } });
      expect(ok.json().rules.feedback.resolve).toEqual({ value: 10, unit: 'working_day' });
      expect(ok.json().rules.feedback.respond).toEqual(ok.json().defaults.feedback.respond);
      const rules = (await get('/api/petition-rules/68')).json().rules;
      expect(rules.feedback.resolve).toEqual({ value: 10, unit: 'working_day' });
      await put({});
    });
  });
}
