import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

interface InboxBody {
  items: { id: string; kind: string; dossierCode: string; subject: string; readAt: string | null }[];
  unread: number;
}

for (const dialect of DIALECTS) {
  describe(`notifications API on ${dialect}`, () => {
    let h: TestApp;
    const c: Record<string, string> = {};
    let code = '';

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
      const intake = await post(
        '/api/dossiers',
        buildIntake({ applicant: { ...buildIntake().applicant, email: 'nguyen.an@example.vn' } }),
        'tiepnhan.dilinh',
      );
      expect(intake.statusCode).toBe(201);
      code = intake.json().code;
      const assign = await post(`/api/dossiers/${code}/actions`, {
        type: 'assign',
        assignee: 'chuyenvien.a',
      });
      expect(assign.statusCode).toBe(200);
    });
    afterAll(async () => h?.close());

    function post(url: string, payload: unknown, user = 'lanhdao.dilinh') {
      return h.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { cookie: c[user] ?? '' },
      });
    }
    const get = (url: string, user: string) =>
      h.app.inject({ method: 'GET', url, headers: { cookie: c[user] ?? '' } });

    it('shows an officer their own notices and the unread count, and nobody else’s', async () => {
      const mine = await get('/api/notifications', 'chuyenvien.a');
      expect(mine.statusCode).toBe(200);
      const body = mine.json<InboxBody>();
      expect(body.unread).toBe(1);
      expect(body.items.map((i) => [i.kind, i.dossierCode, i.readAt])).toEqual([['assigned', code, null]]);
      for (const other of ['chuyenvien.b', 'lanhdao.dilinh', 'tiepnhan.giahiep']) {
        const theirs = (await get('/api/notifications', other)).json<InboxBody>();
        expect([other, theirs.unread, theirs.items.length]).toEqual([other, 0, 0]);
      }
      expect((await h.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    });

    it('marks a notice read for its officer only; another officer gets 404', async () => {
      const [item] = (await get('/api/notifications', 'chuyenvien.a')).json<InboxBody>().items;
      const stranger = await post(`/api/notifications/${item!.id}/read`, {}, 'lanhdao.dilinh');
      expect(stranger.statusCode).toBe(404);
      expect((await get('/api/notifications', 'chuyenvien.a')).json<InboxBody>().unread).toBe(1);
      const read = await post(`/api/notifications/${item!.id}/read`, {}, 'chuyenvien.a');
      expect(read.statusCode).toBe(200);
      expect(read.json().readAt).toMatch(/^2026-12-08T09:00:00/);
      const after = (await get('/api/notifications', 'chuyenvien.a')).json<InboxBody>();
      expect(after.unread).toBe(0);
      expect((await get('/api/notifications?unread=true', 'chuyenvien.a')).json<InboxBody>().items).toEqual(
        [],
      );
      expect((await post('/api/notifications/not-a-uuid/read', {}, 'chuyenvien.a')).statusCode).toBe(400);
    });

    it('lists the applicant’s notices on the dossier, the addresses masked', async () => {
      const res = await get(`/api/dossiers/${code}`, 'lanhdao.dilinh');
      expect(res.statusCode).toBe(200);
      const notices = res.json().notices as {
        kind: string;
        channel: string;
        recipient: string;
        status: string;
      }[];
      expect(notices.map((n) => [n.kind, n.channel, n.recipient, n.status])).toEqual([
        ['receipt', 'email', 'n***@example.vn', 'pending'],
        ['receipt', 'sms', '09******78', 'pending'],
      ]);
      expect(res.body).not.toContain('nguyen.an@example.vn');
      expect(res.body).not.toContain('0912345678');
    });
  });
}
