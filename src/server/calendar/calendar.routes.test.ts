import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';

for (const dialect of DIALECTS) {
  describe(`calendar API on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    let province: string;
    let officer: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      await h.user('admin', '68', ['system_admin']);
      await h.user('tinh.lamdong', '68', ['province_supervisor']);
      await h.user('tiepnhan.dilinh', '25000', ['counter_officer']);
      admin = await h.login('admin');
      province = await h.login('tinh.lamdong');
      officer = await h.login('tiepnhan.dilinh');
    });
    afterAll(async () => h?.close());

    const due = (body: Record<string, unknown>, lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: '/api/calendar/due',
        payload: body,
        headers: { 'accept-language': lang },
      });

    it('POST /api/calendar/due answers like the CLI', async () => {
      const res = await due({ received: '2026-02-13T16:00:00+07:00', limit: 3, unit: 'working_day' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ due: '2026-02-25T17:30:00+07:00' });
      const hours = await due({ received: '2026-03-02T09:30:00+07:00', limit: 2, unit: 'working_hour' });
      expect(hours.json()).toEqual({ due: '2026-03-02T11:30:00+07:00' });
    });

    it.each([
      [{ received: 'not a date', limit: 1, unit: 'working_day' }, 'received'],
      [{ received: '2026-02-13T16:00:00+07:00', limit: -2, unit: 'working_day' }, 'limit'],
      [{ received: '2026-02-13T16:00:00+07:00', limit: 1.5, unit: 'working_day' }, 'limit'],
      [{ received: '2026-02-13T16:00:00+07:00', limit: 1, unit: 'weeks' }, 'unit'],
    ])('400 names the bad field for %j', async (body, field) => {
      const res = await due(body, 'en');
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.details.issues.map((i: { path: string }) => i.path);
      expect(paths.some((p: string) => p === field || p.endsWith(field) || p.startsWith(field))).toBe(true);
    });

    it('GET /api/calendar/68/2025 lists the special days with reasons', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/calendar/68/2025' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ province: '68', year: 2025, workingWeekdays: [1, 2, 3, 4, 5] });
      expect(body.days).toContainEqual(expect.objectContaining({ date: '2025-04-26', working: true }));
      expect(body.days).toContainEqual(expect.objectContaining({ date: '2025-05-02', working: false }));
      expect(
        body.days
          .filter((d: { date: string; working: boolean }) => d.date.startsWith('2025-01-2') && !d.working)
          .map((d: { date: string }) => d.date),
      ).toEqual(['2025-01-27', '2025-01-28', '2025-01-29']);
    });

    it('a province edit is versioned, audited, changes new dues, and leaves other provinces alone', async () => {
      const before = await due({
        received: '2026-03-09T09:00:00+07:00',
        limit: 1,
        unit: 'working_day',
        province: '68',
      });
      expect(before.json().due).toBe('2026-03-10T17:30:00+07:00');
      const put = await h.app.inject({
        method: 'PUT',
        url: '/api/calendar/68',
        headers: { cookie: province },
        payload: {
          override: { extraDaysOff: [{ date: '2026-03-10', reason: 'Nghỉ lễ địa phương' }] },
          note: 'Lễ hội tỉnh',
        },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ scope: '68', version: 1 });
      const after = await due({
        received: '2026-03-09T09:00:00+07:00',
        limit: 1,
        unit: 'working_day',
        province: '68',
      });
      expect(after.json().due).toBe('2026-03-11T17:30:00+07:00');
      const national = await due({
        received: '2026-03-09T09:00:00+07:00',
        limit: 1,
        unit: 'working_day',
        province: '01',
      });
      expect(national.json().due).toBe('2026-03-10T17:30:00+07:00');
      const audit = await h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'calendar.update')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_username: 'tinh.lamdong', target_id: '68', chain: '68' });
      const history = await h.app.inject({
        method: 'GET',
        url: '/api/calendar/68',
        headers: { cookie: admin },
      });
      expect(history.json().history).toEqual([
        expect.objectContaining({ version: 1, note: 'Lễ hội tỉnh', createdBy: 'tinh.lamdong' }),
      ]);
      // The province's own officers see who edited it; another province's officers see the calendar, not the name.
      const own = await h.app.inject({
        method: 'GET',
        url: '/api/calendar/68',
        headers: { cookie: officer },
      });
      expect(own.json().history[0].createdBy).toBe('tinh.lamdong');
      await h.user('tinh.hanoi', '01', ['province_supervisor']);
      const stranger = await h.login('tinh.hanoi');
      const other = await h.app.inject({
        method: 'GET',
        url: '/api/calendar/68',
        headers: { cookie: stranger },
      });
      expect(other.statusCode).toBe(200);
      expect(other.json().override).toEqual(history.json().override);
      expect(other.json().history).toEqual([expect.objectContaining({ version: 1, createdBy: null })]);
      expect(other.body).not.toContain('tinh.lamdong');
    });

    it('only admins and the province supervisor may edit', async () => {
      const body = { override: { extraDaysOff: [{ date: '2026-03-12', reason: 'x' }] }, note: 'x' };
      const byOfficer = await h.app.inject({
        method: 'PUT',
        url: '/api/calendar/68',
        headers: { cookie: officer },
        payload: body,
      });
      expect(byOfficer.statusCode).toBe(403);
      const otherProvince = await h.app.inject({
        method: 'PUT',
        url: '/api/calendar/01',
        headers: { cookie: province },
        payload: body,
      });
      expect(otherProvince.statusCode).toBe(403);
      const nationalByAdmin = await h.app.inject({
        method: 'PUT',
        url: '/api/calendar/VN',
        headers: { cookie: admin },
        payload: body,
      });
      expect(nationalByAdmin.statusCode).toBe(200);
      const anonymous = await h.app.inject({ method: 'PUT', url: '/api/calendar/68', payload: body });
      expect(anonymous.statusCode).toBe(401);
    });

    it('rejects an invalid edit naming the field', async () => {
      const res = await h.app.inject({
        method: 'PUT',
        url: '/api/calendar/68',
        headers: { cookie: admin },
        payload: { override: { periods: [{ start: '25:00', end: '11:30' }] }, note: 'bad' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toMatch(/^override\.periods\.0\.start/);
    });
  });
}
