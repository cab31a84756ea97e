import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstant } from '../../shared/calendar/index.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';

const inDays = (n: number): string => new Date(TEST_NOW + n * 86_400_000).toISOString();

const task = (over: Record<string, unknown> = {}) => ({
  assignee: 'chuyenvien.a',
  work: 'Rà soát hồ sơ đất đai tồn đọng của xã Tân Châu cũ',
  dueAt: inDays(5),
  responsibility: 'Chịu trách nhiệm về số liệu rà soát trước Chủ tịch UBND xã',
  product: 'Danh sách hồ sơ tồn đọng và đề xuất xử lý',
  authority: 'Được khai thác hồ sơ lưu trữ của các xã cũ; theo Thông báo số 12/TB-UBND',
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`tasks API (six clear) on ${dialect}`, () => {
    let h: TestApp;
    const c: Record<string, string> = {};

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      for (const u of [
        'lanhdao.dilinh',
        'chuyenvien.a',
        'chuyenvien.b',
        'tiepnhan.dilinh',
        'tiepnhan.giahiep',
      ])
        c[u] = await h.login(u);
    });
    afterAll(async () => h?.close());

    const post = (url: string, payload: Record<string, unknown>, user = 'lanhdao.dilinh', lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie: c[user] ?? '', 'accept-language': lang },
      });
    const get = (url: string, user = 'lanhdao.dilinh') =>
      h.app.inject({ method: 'GET', url, headers: { cookie: c[user] ?? '' } });

    it('refuses a task that is not clear, naming every missing element in the user’s language', async () => {
      const res = await post('/api/tasks', { assignee: 'chuyenvien.a', work: 'x' }, 'lanhdao.dilinh', 'vi');
      expect(res.statusCode).toBe(400);
      const issues = res.json().error.details.issues as { path: string; message: string }[];
      expect(issues.map((i) => i.path).sort()).toEqual([
        'authority',
        'dueAt',
        'product',
        'responsibility',
        'work',
      ]);
      expect(issues.find((i) => i.path === 'product')?.message).toContain('rõ sản phẩm');
      const noTime = await post('/api/tasks', task({ dueAt: undefined }), 'lanhdao.dilinh', 'en');
      expect(noTime.json().error.details.issues).toEqual([
        expect.objectContaining({
          path: 'dueAt',
          rule: 'rule.taskTime',
          message: expect.stringContaining('clear time'),
        }),
      ]);
      const past = await post('/api/tasks', task({ dueAt: inDays(-1) }));
      expect(past.json().error.details.issues[0]).toMatchObject({ path: 'dueAt', rule: 'task.timePast' });
      const nobody = await post('/api/tasks', task({ assignee: 'khong.co' }));
      expect(nobody.json().error.details.issues[0]).toMatchObject({
        path: 'assignee',
        rule: 'task.personUnknown',
      });
      const outsider = await post('/api/tasks', task({ collaborators: ['tiepnhan.giahiep'] }));
      expect(outsider.json().error.details.issues[0]).toMatchObject({ path: 'collaborators.0' });
      expect((await get('/api/tasks')).json().items).toEqual([]);
    });

    it('only a leader assigns, and only in the commune', async () => {
      expect((await post('/api/tasks', task(), 'tiepnhan.dilinh')).statusCode).toBe(403);
      const other = await post('/api/tasks', task({ assignee: 'tiepnhan.giahiep' }));
      expect(other.statusCode).toBe(403);
    });

    it('runs a task: assigned, started, submitted on time, returned, extended, accepted', async () => {
      const created = await post('/api/tasks', task({ collaborators: ['chuyenvien.b'] }));
      expect(created.statusCode).toBe(201);
      const t = created.json();
      expect(t).toMatchObject({
        status: 'assigned',
        person: { username: 'chuyenvien.a' },
        assignedBy: { username: 'lanhdao.dilinh' },
        collaborators: ['chuyenvien.b'],
        timeliness: null,
        overdue: false,
        allowedActions: ['extend', 'cancel'],
      });
      const act = (type: string, user: string, extra: Record<string, unknown> = {}) =>
        post(`/api/tasks/${t.id}/actions`, { type, ...extra }, user);
      expect((await act('start', 'lanhdao.dilinh')).statusCode).toBe(403); // the person starts, not the leader
      const mine = (await get('/api/tasks', 'chuyenvien.a')).json().items;
      expect(mine.map((x: { id: string }) => x.id)).toEqual([t.id]);
      expect(mine[0].allowedActions).toEqual(['start', 'submit']);
      expect((await get(`/api/tasks/${t.id}`, 'tiepnhan.dilinh')).statusCode).toBe(404);
      expect((await act('start', 'chuyenvien.a')).json().status).toBe('in_progress');
      expect((await act('submit', 'chuyenvien.a')).json().error.details.issues[0].path).toBe('note');
      const submitted = (
        await act('submit', 'chuyenvien.a', { note: 'Danh sách 37 hồ sơ, đính kèm' })
      ).json();
      expect(submitted).toMatchObject({
        status: 'submitted',
        timeliness: 'on_time',
        productNote: 'Danh sách 37 hồ sơ, đính kèm',
      });
      const returned = (await act('return', 'lanhdao.dilinh', { note: 'Thiếu đề xuất xử lý' })).json();
      expect(returned).toMatchObject({ status: 'in_progress', submittedAt: null });
      const late = inDays(10);
      const extended = (
        await act('extend', 'lanhdao.dilinh', { dueAt: late, note: 'Bổ sung đề xuất' })
      ).json();
      expect(extended.extensionCount).toBe(1);
      expect(parseInstant(extended.time)).toBe(Math.floor(Date.parse(late) / 1000) * 1000);
      const earlier = await act('extend', 'lanhdao.dilinh', { dueAt: inDays(1), note: 'Sớm hơn' });
      expect(earlier.json().error.details.issues[0]).toMatchObject({ path: 'dueAt', rule: 'task.notLater' });
      await act('submit', 'chuyenvien.a', { note: 'Danh sách và đề xuất' });
      const done = (await act('accept', 'lanhdao.dilinh')).json();
      expect(done).toMatchObject({ status: 'done', allowedActions: [], timeliness: 'on_time' });
      expect(done.actions.map((a: { type: string }) => a.type)).toEqual([
        'assign',
        'start',
        'submit',
        'return',
        'extend',
        'submit',
        'accept',
      ]);
      const illegal = await act('cancel', 'lanhdao.dilinh', { note: 'x' });
      expect(illegal.statusCode).toBe(409);
    });

    it('answers an action the status forbids with 409 whoever asks, a legal one by the wrong party with 403', async () => {
      const t = (await post('/api/tasks', task({ work: 'Kiểm tra thứ tự lỗi' }))).json();
      const act = (type: string, user: string) => post(`/api/tasks/${t.id}/actions`, { type }, user);
      const illegal = await act('accept', 'chuyenvien.a');
      expect(illegal.statusCode).toBe(409);
      expect(illegal.json().error).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        details: { status: 'assigned', action: 'accept', allowedActions: ['start', 'submit'] },
      });
      const forbidden = await act('start', 'lanhdao.dilinh');
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { action: 'task.start', by: 'assignee' },
      });
      expect((await act('start', 'chuyenvien.a')).json()).toMatchObject({
        status: 'in_progress',
        actions: [
          { seq: 1, type: 'assign', fromStatus: null, toStatus: 'assigned' },
          { seq: 2, type: 'start', fromStatus: 'assigned', toStatus: 'in_progress', payload: {} },
        ],
      });
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select(['action', 'target_type', 'unit_code', 'details'])
        .where('target_id', '=', t.id)
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => [a.action, a.target_type, a.unit_code, JSON.parse(a.details)])).toEqual([
        ['task.assign', 'task', '25000', { person: 'chuyenvien.a' }],
        ['task.start', 'task', '25000', { from: 'assigned', to: 'in_progress' }],
      ]);
    });

    it('pages the tasks by cursor, soonest time first', async () => {
      for (const days of [3, 1, 2])
        await post('/api/tasks', task({ work: `Việc sau ${days} ngày`, dueAt: inDays(days) }));
      const all = (await get('/api/tasks?limit=200')).json().items.map((x: { id: string }) => x.id);
      const seen: string[] = [];
      let url = '/api/tasks?limit=1';
      for (let guard = 0; guard < 50; guard += 1) {
        const page = (await get(url)).json();
        seen.push(...page.items.map((x: { id: string }) => x.id));
        if (!page.nextCursor) break;
        url = `/api/tasks?limit=1&cursor=${page.nextCursor}`;
      }
      expect(seen).toEqual(all);
      const times = (await get('/api/tasks?limit=200'))
        .json()
        .items.map((x: { time: string }) => parseInstant(x.time));
      expect(times).toEqual([...times].sort((a: number, b: number) => a - b));
    });

    it('lists the overdue tasks of the commune for the leader', async () => {
      const { id } = (await post('/api/tasks', task({ work: 'Báo cáo tuần' }))).json();
      await h.t.db
        .updateTable('tasks')
        .set({ due_at: TEST_NOW - 60_000 })
        .where('id', '=', id)
        .execute();
      const overdue = (await get('/api/tasks?overdue=true')).json().items;
      expect(overdue.map((x: { id: string }) => x.id)).toEqual([id]);
      expect(overdue[0]).toMatchObject({ overdue: true, timeliness: 'late' });
      expect((await get('/api/tasks?assignee=chuyenvien.b')).json().items).toEqual([]);
    });
  });
}
