import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, parseInstant } from '../../shared/calendar/index.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';

const chairmanSlot = {
  weekday: 4,
  fromTime: '07:30',
  toTime: '11:00',
  hostRole: 'chairman',
  hostName: 'Nguyễn Văn Chủ',
  hostTitle: 'Chủ tịch UBND xã',
  place: 'Phòng tiếp công dân, UBND xã Di Linh',
};
const deputySlot = {
  ...chairmanSlot,
  weekday: 2,
  hostRole: 'vice_chairman',
  hostName: 'Trần Thị Phó',
  hostTitle: 'Phó Chủ tịch UBND xã',
};

const reception = (over: Record<string, unknown> = {}) => ({
  citizen: { name: 'Lê Văn Dân', idNumber: '068090001234', address: 'Thôn 3, Xã Di Linh, Lâm Đồng' },
  kind: 'feedback',
  content: 'Đường liên thôn bị sạt lở, đề nghị xã sửa chữa.',
  handling: 'guided',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`citizen reception on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let specialist: string;
    let leader: string;
    let otherCommune: string;
    let supervisor: string;
    let otherProvince: string;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('tinh.hanoi', '01', ['province_supervisor']);
      counter = await h.login('tiepnhan.dilinh');
      specialist = await h.login('chuyenvien.a');
      leader = await h.login('lanhdao.dilinh');
      otherCommune = await h.login('tiepnhan.giahiep');
      supervisor = await h.login('tinh.lamdong');
      otherProvince = await h.login('tinh.hanoi');
    });
    afterAll(async () => h?.close());

    const send = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
      h.app.inject({
        method,
        url,
        ...(payload ? { payload } : {}),
        headers: { ...(cookie ? { cookie } : {}), 'accept-language': 'vi' },
      });
    const record = (body: object, cookie = counter) => send('POST', '/api/reception', cookie, body);
    const auditOf = (targetId: string) =>
      h.t.db.selectFrom('audit_log').selectAll().where('target_id', '=', targetId).orderBy('seq').execute();

    describe('the schedule', () => {
      it('refuses a schedule without a weekly day of the chairman (Art. 15.2.d), naming the field', async () => {
        const res = await send('PUT', '/api/reception-schedule/25000', leader, { slots: [deputySlot] });
        expect(res.statusCode).toBe(400);
        const issue = res.json().error.details.issues.find((i: { path: string }) => i.path === 'slots');
        expect(issue.rule).toBe('reception.chairmanWeekly');
        expect(issue.message).toContain('Điều 15');
      });

      it('names a bad time and an end before the start', async () => {
        const res = await send('PUT', '/api/reception-schedule/25000', leader, {
          slots: [
            { ...chairmanSlot, fromTime: '7h30' },
            { ...chairmanSlot, fromTime: '11:00', toTime: '08:00' },
          ],
        });
        expect(res.statusCode).toBe(400);
        const paths = res.json().error.details.issues.map((i: { path: string }) => i.path);
        expect(paths).toEqual(expect.arrayContaining(['slots.0.fromTime', 'slots.1.toTime']));
      });

      it('is edited by the commune leader only; a refused attempt is audited', async () => {
        const body = { slots: [chairmanSlot] };
        expect((await send('PUT', '/api/reception-schedule/25000', counter, body)).statusCode).toBe(403);
        expect((await send('PUT', '/api/reception-schedule/25000', supervisor, body)).statusCode).toBe(403);
        const refused = (await auditOf('25000')).filter((a) => a.action === 'reception.schedule.set_refused');
        expect(refused.map((a) => a.actor_username).sort()).toEqual(['tiepnhan.dilinh', 'tinh.lamdong']);
      });

      it('saves slots and exceptions, keeps the version in the audit log, and reads back', async () => {
        const body = {
          slots: [chairmanSlot, deputySlot],
          exceptions: [
            { date: '2026-12-10', kind: 'cancelled', note: 'Họp HĐND' },
            {
              date: '2026-12-12',
              kind: 'extra',
              fromTime: '08:00',
              toTime: '10:00',
              hostRole: 'chairman',
              hostName: 'Nguyễn Văn Chủ',
              hostTitle: 'Chủ tịch UBND xã',
              place: 'Nhà văn hóa thôn 3',
            },
          ],
        };
        const res = await send('PUT', '/api/reception-schedule/25000', leader, body);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ unitCode: '25000', abilities: { edit: true } });
        const version = res.json().version as number;
        expect(version).toBeGreaterThan(0);
        expect(res.json().slots).toHaveLength(2);
        const set = (await auditOf('25000')).filter((a) => a.action === 'reception.schedule.set');
        expect(JSON.parse(set.at(-1)!.details)).toMatchObject({
          version,
          slots: [{ weekday: 4 }, { weekday: 2 }],
        });
        const read = await send('GET', '/api/reception-schedule/25000', counter);
        expect(read.json()).toMatchObject({
          abilities: { edit: false },
          exceptions: [{ kind: 'cancelled' }, { kind: 'extra' }],
        });
        expect((await send('GET', '/api/reception-schedule/25000', otherCommune)).statusCode).toBe(403);
      });

      it('serialises concurrent saves: each a version of its own, never a mix of the two', async () => {
        const before = (await send('GET', '/api/reception-schedule/25000', leader)).json();
        const a = { slots: [chairmanSlot, deputySlot], exceptions: before.exceptions };
        const b = { slots: [{ ...chairmanSlot, weekday: 3 }], exceptions: before.exceptions };
        const [ra, rb] = await Promise.all([
          send('PUT', '/api/reception-schedule/25000', leader, a),
          send('PUT', '/api/reception-schedule/25000', leader, b),
        ]);
        expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
        expect([ra.json().version, rb.json().version].sort()).toEqual([
          before.version + 1,
          before.version + 2,
        ]);
        const after = (await send('GET', '/api/reception-schedule/25000', leader)).json();
        const last = ra.json().version > rb.json().version ? a : b;
        expect(after.slots).toHaveLength(last.slots.length);
        // the test below reads the first schedule again
        await send('PUT', '/api/reception-schedule/25000', leader, a);
      });

      it('publishes this week and next without sign-in, with exceptions and no personal data', async () => {
        await record(reception({ citizen: { name: 'Phạm Thị Bí Mật', idNumber: '068190009999' } }));
        const res = await send('GET', '/api/public/reception-schedule/25000');
        expect(res.statusCode).toBe(200);
        const s = res.json();
        expect(s.unit).toEqual({ code: '25000', name: 'Xã Di Linh' });
        expect(s.weeks.map((w: { monday: string }) => w.monday)).toEqual(['2026-12-07', '2026-12-14']);
        const day = (date: string) =>
          s.weeks
            .flatMap((w: { days: { date: string }[] }) => w.days)
            .find((d: { date: string }) => d.date === date);
        expect(day('2026-12-08').sessions).toMatchObject([{ hostRole: 'vice_chairman', fromTime: '07:30' }]);
        expect(day('2026-12-10')).toMatchObject({
          sessions: [],
          cancelled: [{ fromTime: '07:30', note: 'Họp HĐND' }],
        });
        expect(day('2026-12-12').sessions).toMatchObject([{ extra: true, place: 'Nhà văn hóa thôn 3' }]);
        expect(day('2026-12-17').sessions).toMatchObject([
          { hostRole: 'chairman', hostName: 'Nguyễn Văn Chủ' },
        ]);
        expect(res.body).not.toContain('Bí Mật');
        expect(res.body).not.toContain('068190009999');
        expect((await send('GET', '/api/public/reception-schedule/68')).statusCode).toBe(400);
        expect((await send('GET', '/api/public/reception-schedule/99999')).statusCode).toBe(404);
      });
    });

    describe('the register', () => {
      it('records a guided reception: citizen masked, nothing awaits a reply, audited without identity', async () => {
        const res = await record(reception({ peopleCount: 6 }));
        expect(res.statusCode).toBe(201);
        const r = res.json();
        expect(r.code).toMatch(/\.TCD-\d{6}-\d{4}$/);
        expect(r).toMatchObject({
          kind: 'feedback',
          handling: 'guided',
          peopleCount: 6,
          delegation: true,
          replyBy: null,
          overdue: false,
          officerName: 'tiepnhan.dilinh',
          citizen: { confidential: false, name: 'Lê Văn Dân' },
        });
        expect(r.citizen.idNumber).not.toBe('068090001234');
        expect(r.citizen.idNumber).toMatch(/\*/);
        const audit = await auditOf(r.code);
        expect(audit.map((a) => a.action)).toEqual(['reception.record']);
        expect(audit[0]!.details).not.toContain('Lê Văn Dân');
        expect(audit[0]!.details).not.toContain('068090001234');
      });

      it('names bad input and writes nothing', async () => {
        const before = (await send('GET', '/api/reception?limit=200', counter)).json().items.length;
        const bad = [
          reception({ handling: 'forwarded' }),
          reception({ kind: 'other', handling: 'petition' }),
          reception({ receivedAt: '2026-12-09T09:00:00+07:00' }),
          reception({ content: 'ngắn' }),
        ];
        const paths = [];
        for (const body of bad) {
          const res = await record(body);
          expect(res.statusCode).toBe(400);
          paths.push(res.json().error.details.issues[0].path);
        }
        expect(paths).toEqual(['forwardedTo', 'handling', 'receivedAt', 'content']);
        expect((await send('GET', '/api/reception?limit=200', counter)).json().items).toHaveLength(before);
      });

      it('sets the reply deadline 10 working days on, across the 24 November holiday (Art. 28), and flags it overdue', async () => {
        const res = await record(
          reception({
            kind: 'complaint',
            handling: 'forwarded',
            forwardedTo: 'Sở Tài nguyên và Môi trường tỉnh Lâm Đồng',
            receivedAt: '2026-11-20T09:00:00+07:00',
          }),
        );
        expect(res.statusCode).toBe(201);
        const r = res.json();
        // Fri 20/11 + 10 working days, Tue 24/11 off (Vietnamese Culture Day): Mon 7/12, not Fri 4/12.
        expect(localDate(parseInstant(r.replyBy))).toBe('2026-12-07');
        expect(r).toMatchObject({ overdue: true, forwardedTo: 'Sở Tài nguyên và Môi trường tỉnh Lâm Đồng' });
        const overdue = (await send('GET', '/api/reception?overdue=true', counter)).json().items;
        expect(overdue.map((x: { code: string }) => x.code)).toContain(r.code);

        const replied = await send('POST', `/api/reception/${r.code}/reply`, specialist, {
          note: 'Đã thông báo bằng văn bản việc chuyển đơn đến Sở.',
        });
        expect(replied.statusCode).toBe(200);
        expect(replied.json()).toMatchObject({
          overdue: false,
          replyNote: 'Đã thông báo bằng văn bản việc chuyển đơn đến Sở.',
        });
        const again = await send('POST', `/api/reception/${r.code}/reply`, specialist, { note: 'Lần hai' });
        expect(again.statusCode).toBe(409);
        const overdueAfter = (await send('GET', '/api/reception?overdue=true', counter)).json().items;
        expect(overdueAfter.map((x: { code: string }) => x.code)).not.toContain(r.code);
      });

      it('refuses a reply where none is due', async () => {
        const r = (await record(reception())).json();
        const res = await send('POST', `/api/reception/${r.code}/reply`, counter, { note: 'Đã trả lời' });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.details.rule).toBe('reception.noReplyDue');
      });

      it('creates the petition from the reception in the same transaction', async () => {
        const res = await record(
          reception({ kind: 'complaint', handling: 'petition', subject: 'Khiếu nại thu hồi đất' }),
        );
        expect(res.statusCode).toBe(201);
        const r = res.json();
        expect(r.petitionCode).toMatch(/\.DT-\d{6}-\d{4}$/);
        expect(r.replyBy).not.toBeNull();
        const p = await send('GET', `/api/petitions/${r.petitionCode}`, leader);
        expect(p.statusCode).toBe(200);
        expect(p.json()).toMatchObject({
          kind: 'complaint',
          subject: 'Khiếu nại thu hồi đất',
          channel: 'direct',
        });
      });

      it('shows no part of a denouncer’s identity but to the commune leader, and audits every read', async () => {
        // the officer typed the denouncer's identity into the content and the reply note: shown redacted
        const typed = 'Ông ĐỖ VĂN TỐ, CCCD 068 090 005 678, ở Thôn 5, tố cáo cán bộ địa chính nhận tiền.';
        const note = 'Đã báo ông Văn Tố (Thôn 5) việc thụ lý.';
        const r = (
          await record(
            reception({
              kind: 'denunciation',
              handling: 'petition',
              citizen: { name: 'Đỗ Văn Tố', idNumber: '068090005678', address: 'Thôn 5, Xã Di Linh' },
              content: typed,
            }),
          )
        ).json();
        expect(r.citizen).toEqual({ confidential: true, name: null, idNumber: null, address: null });
        expect(r.abilities.readCitizen).toBe(false);
        expect(r.content).toBe('Ông [đã ẩn], CCCD [đã ẩn], ở [đã ẩn], tố cáo cán bộ địa chính nhận tiền.');
        expect((await send('POST', `/api/reception/${r.code}/reply`, specialist, { note })).statusCode).toBe(
          200,
        );
        const fragments = ['do van to', 'van to', '068090005678', '5678', '678', 'thon 5'];
        const leaks = (body: unknown) =>
          fragments.filter((f) => foldVietnamese(JSON.stringify(body)).includes(f));
        for (const who of [counter, specialist, supervisor, leader]) {
          const listed = (await send('GET', '/api/reception?kind=denunciation', who)).json().items;
          const page = (await send('GET', `/api/reception/${r.code}`, who)).json();
          expect(listed.map((x: { code: string }) => x.code)).toContain(r.code);
          expect(leaks(listed)).toEqual([]);
          expect(leaks(page)).toEqual([]);
          expect(page.content).toContain('tố cáo cán bộ địa chính nhận tiền'); // the rest is shown
          expect(page.replyNote).toBe('Đã báo ông [đã ẩn] ([đã ẩn]) việc thụ lý.');
        }
        const listed = (await send('GET', '/api/reception?kind=denunciation', leader)).json().items;
        expect(listed[0].abilities.readCitizen).toBe(true);

        expect((await send('GET', `/api/reception/${r.code}/citizen`, counter)).statusCode).toBe(403);
        expect((await send('GET', `/api/reception/${r.code}/citizen`, supervisor)).statusCode).toBe(403);
        const full = await send('GET', `/api/reception/${r.code}/citizen`, leader);
        expect(full.statusCode).toBe(200);
        expect(full.json()).toEqual({
          name: 'Đỗ Văn Tố',
          idNumber: '068090005678',
          address: 'Thôn 5, Xã Di Linh',
          content: typed,
          replyNote: note,
        });

        const audit = await auditOf(r.code);
        expect(audit.map((a) => a.action)).toEqual([
          'reception.record',
          'reception.reply',
          ...Array(4).fill('reception.view'), // each officer's look at the page, in the loop above
          'reception.read_personal_data_refused',
          'reception.read_personal_data_refused',
          'reception.read_personal_data',
        ]);
        expect(audit.filter((a) => a.action === 'reception.view').map((a) => a.actor_username)).toEqual([
          'tiepnhan.dilinh',
          'chuyenvien.a',
          'tinh.lamdong',
          'lanhdao.dilinh',
        ]);
        for (const a of audit) {
          expect(a.details).not.toContain('Đỗ Văn Tố');
          expect(a.details).not.toContain('068090005678');
        }
      });

      it('lets any officer of the commune read a non-denouncer in full, audited', async () => {
        const r = (await record(reception())).json();
        const full = await send('GET', `/api/reception/${r.code}/citizen`, specialist);
        expect(full.json().idNumber).toBe('068090001234');
        expect((await send('GET', `/api/reception/${r.code}`, specialist)).statusCode).toBe(200);
        const actions = (await auditOf(r.code)).map((a) => a.action);
        expect(actions).toContain('reception.read_personal_data');
        expect(actions).not.toContain('reception.view'); // only a denunciation's page is audited
      });

      it('keeps each commune and province to its own register', async () => {
        const r = (await record(reception())).json();
        expect((await send('GET', `/api/reception/${r.code}`, otherCommune)).statusCode).toBe(404);
        expect((await send('GET', `/api/reception/${r.code}`, otherProvince)).statusCode).toBe(404);
        expect((await send('GET', `/api/reception/${r.code}`, supervisor)).statusCode).toBe(200);
        expect((await send('GET', '/api/reception', otherCommune)).json().items).toEqual([]);
        expect((await record(reception({ unitCode: '25000' }), otherCommune)).statusCode).toBe(403);
        const refused = await h.t.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'reception.record_refused')
          .execute();
        expect(refused.map((a) => [a.actor_username, a.target_id])).toEqual([['tiepnhan.giahiep', '25000']]);
        expect(refused[0]!.details).not.toContain('Lê Văn Dân');
        expect((await record(reception(), supervisor)).statusCode).toBe(400); // a province is not a commune
        expect(
          (await send('POST', `/api/reception/${r.code}/reply`, otherCommune, { note: 'Trả lời' }))
            .statusCode,
        ).toBe(404);
      });

      it('pages the register with a cursor, newest first', async () => {
        const first = (await send('GET', '/api/reception?limit=2', counter)).json();
        expect(first.items).toHaveLength(2);
        const second = (
          await send('GET', `/api/reception?limit=2&cursor=${first.nextCursor}`, counter)
        ).json();
        const codes = [...first.items, ...second.items].map((x: { code: string }) => x.code);
        expect(new Set(codes).size).toBe(codes.length);
        const at = [...first.items, ...second.items].map((x: { receivedAt: string }) =>
          parseInstant(x.receivedAt),
        );
        expect([...at].sort((a, b) => b - a)).toEqual(at);
      });
    });

    describe('reports', () => {
      it('counts receptions in the period report JSON and the dashboard', async () => {
        const items = (await send('GET', '/api/reception?limit=200', supervisor)).json().items as {
          kind: string;
          handling: string;
          delegation: boolean;
          overdue: boolean;
        }[];
        const count = (f: (x: (typeof items)[number]) => boolean) => items.filter(f).length;
        const q = 'unit=68&from=2026-11-01&to=2026-12-31';
        const report = await send('GET', `/api/reports/period?${q}`, supervisor);
        expect(report.statusCode).toBe(200);
        const rec = report.json().reception;
        expect(rec.total).toBe(items.length);
        expect(rec.delegations).toBe(count((x) => x.delegation));
        expect(rec.byKind.denunciation).toBe(count((x) => x.kind === 'denunciation'));
        expect(rec.byKind.complaint).toBe(2);
        expect(rec.byHandling).toEqual({
          guided: count((x) => x.handling === 'guided'),
          petition: count((x) => x.handling === 'petition'),
          forwarded: 1,
        });
        expect(rec.repliesOverdue).toBe(0); // the one overdue reply was given (late) before the report
        const dash = await send('GET', `/api/reports/dashboard?${q}`, supervisor);
        expect(dash.json().reception).toEqual(rec);
        const commune = (
          await send('GET', '/api/reports/period?unit=25015&from=2026-11-01&to=2026-12-31', supervisor)
        ).json();
        expect(commune.reception.total).toBe(0);
      });
    });
  });
}
