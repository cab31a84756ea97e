import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import type { AppInstance } from '../platform/types.ts';
import { pdfText } from '../documents/pdf.inspect.ts';
import { insertReportUnits, legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { periodReport } from './period-report.ts';
import { reportRoutes, XLSX_CONTENT_TYPE } from './report.routes.ts';
import type { Dashboard } from './dashboard.ts';
import { tasksAt } from './dashboard.repository.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const Q = 'from=2025-07-09&to=2025-08-06';
const at = (local: string): string => `${local}+07:00`;

const LINES = [
  legacyLine({
    code: 'D-1',
    unitCode: '25009',
    channel: 'online',
    receivedAt: at('2025-07-10T08:00:00'),
    dueAt: at('2025-07-15T17:30:00'),
    events: [{ type: 'resolved', at: at('2025-07-14T10:00:00'), outcome: 'approved' }],
  }),
  legacyLine({
    code: 'D-2',
    receivedAt: at('2025-07-10T09:00:00'),
    dueAt: at('2025-07-15T17:30:00'),
    events: [{ type: 'resolved', at: at('2025-07-16T10:00:00'), outcome: 'approved' }],
  }),
  legacyLine({
    code: 'D-3',
    procedureCode: 'DD-BD',
    procedureName: 'Đăng ký biến động đất đai',
    field: 'Đất đai',
    receivedAt: at('2025-08-01T09:00:00'),
    dueAt: at('2025-08-20T17:30:00'),
  }),
  legacyLine({ code: 'D-4', receivedAt: at('2025-07-20T09:00:00'), dueAt: at('2025-07-25T17:30:00') }),
  legacyLine({
    code: 'G-1',
    unitCode: '25015',
    receivedAt: at('2025-07-11T09:00:00'),
    dueAt: at('2025-07-16T17:30:00'),
    events: [{ type: 'resolved', at: at('2025-07-16T10:00:00'), outcome: 'approved' }],
  }),
];

for (const dialect of DIALECTS) {
  describe(`reports API (${dialect})`, () => {
    let h: TestApp;
    let cookies: Record<string, string>;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertReportUnits(t.db));
      if (!h.app.hasRoute({ method: 'GET', url: '/api/reports/period' }))
        await reportRoutes(h.app as unknown as AppInstance);
      await importLegacyDossiers(h.t.db, writeJsonl(LINES), { now: TEST_NOW });
      await h.user('admin', '68', ['system_admin']);
      await h.user('tinh.lamdong', '68', ['province_supervisor']);
      await h.user('chuyenvien.dilinh', '25000', ['specialist']);
      await h.user('tiepnhan.giahiep', '25015', ['counter_officer']);
      await h.user('phuong.badinh', '00004', ['commune_leader']);
      await h.user('tinh.hanoi', '01', ['province_supervisor']);
      cookies = {};
      for (const u of [
        'admin',
        'tinh.lamdong',
        'chuyenvien.dilinh',
        'tiepnhan.giahiep',
        'phuong.badinh',
        'tinh.hanoi',
      ])
        cookies[u] = await h.login(u);
    });
    afterAll(async () => h?.close());

    const get = (url: string, user?: string) =>
      h.app.inject({ method: 'GET', url, headers: user ? { cookie: cookies[user] ?? '' } : {} });

    it('401 without a session', async () => {
      const res = await get(`/api/reports/period?unit=25000&${Q}`);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect((await get(`/api/reports/dashboard?unit=25000&${Q}`)).statusCode).toBe(401);
    });

    it('commune staff read their commune: the JSON is the period report (and its reception section)', async () => {
      const res = await get(`/api/reports/period?unit=25000&${Q}`, 'chuyenvien.dilinh');
      expect(res.statusCode).toBe(200);
      const { reception, ...report } = res.json();
      expect(reception).toMatchObject({ total: 0, delegations: 0, repliesOverdue: 0 }); // none recorded here
      expect(report).toEqual(
        await periodReport(h.t.db, { unitCode: '25000', from: '2025-07-09', to: '2025-08-06' }, TEST_NOW),
      );
      expect(res.json().totals.received).toEqual({ total: 4, online: 1, directOrPostal: 3, carriedOver: 0 });
    });

    it('403 for another commune, for the province, and across provinces', async () => {
      expect((await get(`/api/reports/period?unit=25015&${Q}`, 'chuyenvien.dilinh')).statusCode).toBe(403);
      expect((await get(`/api/reports/period?unit=68&${Q}`, 'chuyenvien.dilinh')).statusCode).toBe(403);
      expect((await get(`/api/reports/period?unit=25000&${Q}`, 'phuong.badinh')).statusCode).toBe(403);
      expect((await get(`/api/reports/period?unit=68&${Q}`, 'tinh.hanoi')).statusCode).toBe(403);
      expect((await get(`/api/reports/dashboard?unit=25000&${Q}`, 'tiepnhan.giahiep')).statusCode).toBe(403);
      const res = await get(`/api/reports/brief?unit=25000&${Q}`, 'tiepnhan.giahiep');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });

    it('a former code of their own commune is their commune', async () => {
      const res = await get(`/api/reports/period?unit=25030&${Q}`, 'chuyenvien.dilinh');
      expect(res.statusCode).toBe(200);
      expect(res.json().unit.code).toBe('25000');
    });

    it('province supervisors and admins read the province and its communes', async () => {
      const res = await get(`/api/reports/period?unit=68&${Q}`, 'tinh.lamdong');
      expect(res.statusCode).toBe(200);
      expect(res.json().byUnit.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([
        '25000',
        '25015',
      ]);
      expect(res.json().totals.received.total).toBe(5);
      expect((await get(`/api/reports/period?unit=25015&${Q}`, 'tinh.lamdong')).statusCode).toBe(200);
      expect((await get(`/api/reports/period?unit=68&${Q}`, 'admin')).statusCode).toBe(200);
    });

    it('400 naming the field for a bad period or an unknown unit', async () => {
      const bad = await get(
        '/api/reports/period?unit=25000&from=2025-08-07&to=2025-08-06',
        'chuyenvien.dilinh',
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues[0]).toMatchObject({
        path: 'from',
        message: 'ngày bắt đầu không được sau ngày kết thúc', // the default language (no Accept-Language)
      });
      const unknown = await get(`/api/reports/period?unit=99999&${Q}`, 'admin');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.details.issues[0].path).toBe('unit');
      expect((await get(`/api/reports/period?unit=25000&${Q}&format=doc`, 'admin')).statusCode).toBe(400);
    });

    it('format=xlsx and format=pdf return the files', async () => {
      const xlsx = await get(`/api/reports/period?unit=25000&${Q}&format=xlsx`, 'chuyenvien.dilinh');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(xlsx.headers['content-disposition']).toBe(
        'attachment; filename="bieu-06_25000_2025-07-09_2025-08-06.xlsx"',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.getWorksheet('Biểu 06')?.getCell('C12').value).toBe(4);
      const pdf = await get(`/api/reports/period?unit=25000&${Q}&format=pdf`, 'chuyenvien.dilinh');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        'attachment; filename="bieu-06_25000_2025-07-09_2025-08-06.pdf"',
      );
      const province = await get(`/api/reports/period?unit=68&${Q}&format=xlsx`, 'tinh.lamdong');
      expect(province.headers['content-disposition']).toBe(
        'attachment; filename="bieu-06_68_2025-07-09_2025-08-06.xlsx"',
      );
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(pdf.rawPayload)).toContain('Xã Di Linh');
    });

    it('the brief in the asked language', async () => {
      const res = await get(`/api/reports/brief?unit=25000&${Q}&lang=ru`, 'chuyenvien.dilinh');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toContain('центр принял к рассмотрению 4 дела');
    });

    it('the dashboard: series, workload, late rates, ranking and indicators', async () => {
      const res = await get(`/api/reports/dashboard?unit=68&${Q}`, 'tinh.lamdong');
      expect(res.statusCode).toBe(200);
      const d = res.json() as Dashboard;
      expect(d.daily).toHaveLength(29);
      expect(d.daily[0]).toEqual({ date: '2025-07-09', received: 0, resolved: 0 });
      expect(d.daily.find((x) => x.date === '2025-07-10')).toEqual({
        date: '2025-07-10',
        received: 2,
        resolved: 0,
      });
      expect(d.daily.find((x) => x.date === '2025-07-16')).toEqual({
        date: '2025-07-16',
        received: 0,
        resolved: 2,
      });
      expect(d.officers).toEqual([
        {
          assigneeId: null,
          name: null,
          open: 2,
          dueSoon: 0,
          overdue: 1,
          resolved: 3,
          avgProcessingDays: 3.2, // working days, as indicator 2.2 below
          tasksOpen: 0,
          tasksOverdue: 0,
        },
      ]);
      expect(d.procedures).toEqual([
        { code: 'HT-KS', name: 'Đăng ký khai sinh', resolved: 3, late: 1, lateRate: 33.3 },
      ]);
      expect(d.communes?.map((c) => [c.rank, c.unit.code, c.onTimeRate])).toEqual([
        [1, '25015', 100],
        [2, '25000', 50],
      ]);
      const ind = Object.fromEntries(d.indicators.items.map((i) => [i.id, i]));
      // (2 resolved in time + D-3 in progress within its due) / (3 resolved + 2 in progress: D-3, D-4 overdue)
      expect(ind['2.1']).toMatchObject({ value: 60, numerator: 3, denominator: 5 });
      expect(ind['3.3']).toMatchObject({ value: 20, target: 50, attainment: 0.4 });
      expect(ind['5.4']).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, target: 90 }); // D-2 late
      // Working time (07:30-11:30, 13:30-17:30): D-1 Thu 10 Jul 08:00 → Mon 14 Jul 10:00 = 7.5 + 8 + 2.5 h = 2.25 d;
      // D-2 10 Jul 09:00 → Wed 16 Jul 10:00 = 6.5 + 8 × 3 + 2.5 h = 4.125 d; G-1 Fri 11 Jul 09:00 → 16 Jul 10:00 = 3.125 d.
      expect(ind['2.2']).toMatchObject({ value: 3.2, unit: 'working_day', denominator: 3 });
      expect(d.indicators.omitted.map((o) => o.id)).toEqual(['4.1']);
    });

    it("counts each officer's open and overdue tasks at an instant", async () => {
      await h.user('lanhdao.giahiep', '25015', ['commune_leader']);
      const leader = await h.login('lanhdao.giahiep');
      const assign = async (dueAt: string) =>
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/tasks',
            headers: { cookie: leader },
            payload: {
              assignee: 'tiepnhan.giahiep',
              work: 'Sắp xếp lưu trữ hồ sơ',
              dueAt,
              responsibility: 'Đầy đủ, đúng quy định lưu trữ',
              product: 'Danh mục hồ sơ lưu trữ',
              authority: 'Theo phân công của Chủ tịch UBND xã',
            },
          })
        ).json().id as string;
      const soon = await assign(new Date(TEST_NOW + 86_400_000).toISOString());
      await assign(new Date(TEST_NOW + 2 * 86_400_000).toISOString());
      const now = TEST_NOW;
      await h.t.db
        .updateTable('tasks')
        .set({ due_at: now - 1_000 })
        .where('id', '=', soon)
        .execute();
      const scope = { kind: 'units' as const, provinceCode: '68', unitCodes: ['25015'] };
      const user = await h.t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'tiepnhan.giahiep')
        .executeTakeFirstOrThrow();
      expect(await tasksAt(h.t.db, scope, now)).toEqual([{ assigneeId: user.id, open: 2, overdue: 1 }]);
      expect(await tasksAt(h.t.db, scope, now - 3_600_000)).toEqual([]); // not yet assigned an hour ago
      expect(
        await tasksAt(h.t.db, { kind: 'units' as const, provinceCode: '68', unitCodes: ['25000'] }, now),
      ).toEqual([]);
    });

    it('5.4 takes off the dossiers complained of (a rejected complaint does not count)', async () => {
      await h.user('lanhdao.dilinh', '25000', ['commune_leader']);
      const leader = await h.login('lanhdao.dilinh');
      const lodge = async (dossierCode: string) =>
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/petitions',
            headers: { cookie: cookies['chuyenvien.dilinh'] ?? '' },
            payload: {
              kind: 'feedback',
              channel: 'direct',
              subject: 'Thái độ phục vụ',
              content: 'Cán bộ hướng dẫn chưa rõ ràng, phải đi lại nhiều lần.',
              petitioner: { name: 'Trần Thị Đào' },
              dossierCode,
            },
          })
        ).json().code as string;
      await lodge('D-1');
      const rejected = await lodge('D-2');
      await h.app.inject({
        method: 'POST',
        url: `/api/petitions/${rejected}/actions`,
        headers: { cookie: leader },
        payload: { type: 'reject', reason: 'Trùng nội dung đã trả lời' },
      });
      const d = (await get(`/api/reports/dashboard?unit=68&${Q}`, 'tinh.lamdong')).json() as Dashboard;
      // resolved 3 (D-1 complained of, D-2 late, G-1): only G-1 satisfactory
      expect(d.indicators.items.find((i) => i.id === '5.4')).toMatchObject({
        value: 33.3,
        numerator: 1,
        denominator: 3,
      });
    });

    it('5.4 counts a dossier rated dissatisfied at delivery, and a late one complained of only once', async () => {
      const deliver = (payload: Record<string, unknown>) =>
        h.app.inject({
          method: 'POST',
          url: '/api/dossiers/G-1/actions',
          headers: { cookie: cookies['tiepnhan.giahiep'] ?? '', 'accept-language': 'vi' },
          payload: { type: 'deliver', deliveryMethod: 'counter', ...payload },
        });
      const bad = await deliver({ rating: 6 });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json().error.details)).toContain('rating');
      const ok = await deliver({ rating: 2, ratingComment: 'Phải chờ lâu' });
      expect(ok.statusCode).toBe(200);
      const rows = await h.t.db.selectFrom('dossier_ratings').selectAll().execute();
      expect(rows).toMatchObject([
        { source: 'counter', rating: 2, comment: 'Phải chờ lâu', unit_code: '25015' },
      ]);
      // D-2 is late and now also the subject of feedback that is not rejected: still one dossier
      const lodged = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        headers: { cookie: cookies['chuyenvien.dilinh'] ?? '' },
        payload: {
          kind: 'feedback',
          channel: 'direct',
          subject: 'Trễ hẹn',
          content: 'Hồ sơ trả chậm so với giấy hẹn.',
          petitioner: { name: 'Lê Văn Cường' },
          dossierCode: 'D-2',
        },
      });
      expect(lodged.statusCode).toBe(201);
      const d = (await get(`/api/reports/dashboard?unit=68&${Q}`, 'tinh.lamdong')).json() as Dashboard;
      expect(d.indicators.items.find((i) => i.id === '5.4')).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 3,
      });
    });
  });
}
