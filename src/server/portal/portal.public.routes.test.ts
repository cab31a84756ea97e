import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { satisfactionOf } from '../reports/dashboard.repository.ts';

const COMPONENT = 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

for (const dialect of DIALECTS) {
  describe(`portal catalog, feedback and ratings (${dialect})`, () => {
    let h: TestApp;
    let counter: string;
    let admin: string;
    let n = 0;
    const nextIp = () => `203.0.113.${++n}`;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('quantri', '68', ['system_admin']);
      counter = await h.login('tiepnhan.dilinh');
      admin = await h.login('quantri');
    });
    afterAll(async () => h?.close());

    const get = (url: string, ip = nextIp()) => h.app.inject({ method: 'GET', url, remoteAddress: ip });

    it('finds communes and procedures by a folded search, and filters by field', async () => {
      const units = await get('/api/public/units?q=di%20linh');
      expect(units.json().items[0]).toMatchObject({ code: '25000', name: 'Xã Di Linh' });
      const found = await get(
        `/api/public/units/25000/procedures?q=${encodeURIComponent('xac nhan tinh trang hon nhan')}`,
      );
      expect(found.statusCode).toBe(200);
      const codes = found.json().items.map((p: { code: string }) => p.code);
      expect(codes).toContain('1.004873');
      const item = found.json().items.find((p: { code: string }) => p.code === '1.004873');
      expect(item).toMatchObject({
        field: 'Hộ tịch',
        limit: { value: 3, unit: 'working_day', kind: 'standard' },
      });
      expect(found.json().fields).toContain('Hộ tịch');
      const byField = await get(`/api/public/units/25000/procedures?field=${encodeURIComponent('Hộ tịch')}`);
      const fields = new Set(byField.json().items.map((p: { field: string }) => p.field));
      expect([...fields]).toEqual(['Hộ tịch']);
      expect((await get('/api/public/units/99999/procedures')).statusCode).toBe(404);
    });

    it('shows a procedure’s page with the blank form an administrator attached', async () => {
      const before = await get('/api/public/units/25000/procedures/1.004873');
      expect(before.statusCode).toBe(200);
      expect(before.json()).toMatchObject({
        code: '1.004873',
        unit: { code: '25000', name: 'Xã Di Linh' },
        route: 'process_here',
      });
      expect(before.json().legalBasis.length).toBeGreaterThan(0);
      const component = () =>
        before.json().components.find((c: { name: string }) => c.name === COMPONENT) as { template: unknown };
      expect(component().template).toBeNull();

      const attach = (cookie: string, name: string, bytes: Buffer) =>
        h.app.inject({
          method: 'PUT',
          url: `/api/procedures/1.004873/templates?component=${encodeURIComponent(name)}&name=mau-01.pdf`,
          payload: bytes,
          headers: { cookie, 'content-type': 'application/pdf' },
        });
      expect((await attach(counter, COMPONENT, PDF)).statusCode).toBe(403);
      const notAComponent = await attach(admin, 'Giấy tờ bịa ra', PDF);
      expect(notAComponent.statusCode).toBe(400);
      expect(notAComponent.json().error.details.issues[0]).toMatchObject({
        path: 'component',
        rule: 'template.component',
      });
      const wrongType = await attach(admin, COMPONENT, Buffer.from('<html>not a form</html>'));
      expect(wrongType.json().error.details.issues[0]).toMatchObject({ rule: 'file.type' });
      const ok = await attach(admin, COMPONENT, PDF);
      expect(ok.statusCode).toBe(201);

      const after = await get('/api/public/units/25000/procedures/1.004873');
      const withForm = after.json().components.find((c: { name: string }) => c.name === COMPONENT);
      expect(withForm.template).toMatchObject({ fileName: 'mau-01.pdf', size: PDF.length });
      const file = await get(withForm.template.url);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.rawPayload.equals(PDF)).toBe(true);
    });

    it('takes feedback with a tracking code that shows the status only, with the right digits', async () => {
      const ip = nextIp();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/public/feedback',
        remoteAddress: ip,
        payload: {
          unitCode: '25000',
          procedureCode: '1.004873',
          subject: 'Hướng dẫn chưa rõ',
          content: 'Trang thủ tục chưa ghi rõ thời gian trả kết quả khi phải xác minh.',
          petitioner: { name: 'Phạm Thị Lan', phone: '0934567890', address: 'Thôn 3' },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const { code } = res.json();
      expect(res.json()).toMatchObject({ status: 'received', endedAt: null });
      const row = await h.t.db
        .selectFrom('petitions')
        .select(['kind', 'channel', 'unit_code', 'content'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ kind: 'feedback', channel: 'online', unit_code: '25000' });
      expect(row.content).toContain('1.004873');

      const track = await get(`/api/public/feedback/${encodeURIComponent(code)}?verify=7890`, ip);
      expect(track.statusCode).toBe(200);
      expect(Object.keys(track.json()).sort()).toEqual([
        'code',
        'endedAt',
        'publishedAt',
        'receivedAt',
        'respondBy',
        'status',
      ]);
      expect(track.body).not.toContain('Lan');
      expect(track.body).not.toContain('0934567890');
      const wrong = await get(`/api/public/feedback/${encodeURIComponent(code)}?verify=0000`, ip);
      const unknown = await get(`/api/public/feedback/${encodeURIComponent(`${code}9`)}?verify=7890`, ip);
      expect(wrong.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      // the counter's complaint or denunciation is never opened by this door
      const denunciation = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        headers: { cookie: counter },
        payload: {
          kind: 'denunciation',
          channel: 'direct',
          subject: 'Tố cáo cán bộ',
          content: 'Nội dung tố cáo có danh tính người tố cáo cần giữ bí mật.',
          petitioner: { name: 'Ẩn Danh', idNumber: '068090001234', phone: '0934567890' },
          unitCode: '25000',
        },
      });
      expect(denunciation.statusCode).toBe(201);
      const hidden = await get(
        `/api/public/feedback/${encodeURIComponent(denunciation.json().code)}?verify=7890`,
        ip,
      );
      expect(hidden.statusCode).toBe(404);
    });

    it('takes one rating of a delivered dossier, feeding indicator 5.4, and refuses a second clearly', async () => {
      const ip = nextIp();
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie: counter },
        payload: buildIntake({ applicant: { ...buildIntake().applicant, phone: '0945000111' } }),
      });
      const code = created.json().code as string;
      const rate = (body: object) =>
        h.app.inject({
          method: 'POST',
          url: `/api/public/dossiers/${encodeURIComponent(code)}/rating`,
          remoteAddress: ip,
          payload: body,
        });
      const early = await rate({ verify: '0111', rating: 5 });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.details.rule).toBe('rating.notDelivered');
      expect((await rate({ verify: '0112', rating: 5 })).statusCode).toBe(404);
      const bad = await rate({ verify: '0111', rating: 6 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0]).toMatchObject({ path: 'rating' });
      expect((await rate({ verify: '0111', rating: 3, comment: 'x'.repeat(1001) })).statusCode).toBe(400);

      // resolved and delivered (the lifecycle's own tests and the browser test walk the actions; here the state is
      // what matters)
      await h.t.db
        .updateTable('dossiers')
        .set({ status: 'delivered', end_kind: 'resolved', resolution: 'on_time', ended_at: TEST_NOW })
        .where('code', '=', code)
        .execute();
      const scope = { kind: 'units' as const, provinceCode: '68', unitCodes: ['25000'] };
      const period = { fromMs: TEST_NOW - 1000, endMs: TEST_NOW + 1000 };
      const before = await satisfactionOf(h.t.db, scope, period);
      const lookup = await get(`/api/public/dossiers/${encodeURIComponent(code)}?verify=0111`, ip);
      expect(lookup.json().canRate).toBe(true);
      const first = await rate({ verify: '0111', rating: 2, comment: 'Phải đi lại hai lần' });
      expect(first.statusCode).toBe(201);
      const second = await rate({ verify: '0111', rating: 5 });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.details.rule).toBe('rating.once');
      expect(second.json().error.message).toContain('một lần');
      expect(
        (await get(`/api/public/dossiers/${encodeURIComponent(code)}?verify=0111`, ip)).json().canRate,
      ).toBe(false);
      const rows = await h.t.db
        .selectFrom('dossier_ratings')
        .innerJoin('dossiers', 'dossiers.id', 'dossier_ratings.dossier_id')
        .select(['dossier_ratings.rating', 'dossier_ratings.source', 'dossier_ratings.comment'])
        .where('dossiers.code', '=', code)
        .execute();
      expect(rows).toEqual([{ rating: 2, source: 'portal', comment: 'Phải đi lại hai lần' }]);
      // indicator 5.4: the dossier rated 2 of 5 now counts as not satisfied
      const after = await satisfactionOf(h.t.db, scope, period);
      expect(after).toEqual({ resolved: before.resolved, unsatisfied: before.unsatisfied + 1 });
    });
  });
}
