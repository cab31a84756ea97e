/**
 * The petition's `abilities.readPetitioner` differs by role and kind as the rules say (a denouncer's identity is
 * the leader's only), and GET /api/petitions/:code/petitioner refuses exactly when it is false: one rule
 * (petition.policy.ts), used by the presenter and by the route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';

const lodged = (kind: 'denunciation' | 'feedback') => ({
  kind,
  channel: 'direct',
  subject: kind === 'denunciation' ? 'Tố cáo cán bộ nhận tiền' : 'Chậm trả kết quả',
  content: 'Nội dung đơn đủ dài để được tiếp nhận và xem xét theo quy định.',
  petitioner: { name: 'Nguyễn Văn An', idNumber: '068090001234', phone: '0912345678', address: 'Thôn 1' },
});

/** Who may read the petitioner's full data, by kind. */
const EXPECTED = {
  denunciation: {
    'tiepnhan.dilinh': false,
    'chuyenvien.a': false,
    'lanhdao.dilinh': true,
    'tinh.lamdong': false,
    'thanhtra.lamdong': false,
    quantri: false, // a system admin resolves no denunciation
  },
  feedback: {
    'tiepnhan.dilinh': true,
    'chuyenvien.a': true,
    'lanhdao.dilinh': true,
    'tinh.lamdong': true,
    'thanhtra.lamdong': true,
    quantri: true,
  },
} as const;

for (const dialect of DIALECTS) {
  describe(`petition abilities on ${dialect}`, () => {
    let h: TestApp;
    const codes = new Map<string, string>();
    const cookies = new Map<string, string>();
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('thanhtra.lamdong', '68', ['province_inspector']);
      await h.user('quantri', '68', ['system_admin']);
      for (const u of [...Object.keys(EXPECTED.feedback), 'tiepnhan.giahiep'])
        cookies.set(u, await h.login(u));
      for (const kind of ['denunciation', 'feedback'] as const) {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/petitions',
          payload: lodged(kind),
          headers: { cookie: cookies.get('tiepnhan.dilinh')! },
        });
        expect(res.statusCode).toBe(201);
        codes.set(kind, res.json().code);
      }
    });
    afterAll(async () => h?.close());

    const get = (url: string, username: string) =>
      h.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });

    const cases = (['denunciation', 'feedback'] as const).flatMap((kind) =>
      Object.entries(EXPECTED[kind]).map(([username, may]) => [kind, username, may] as const),
    );

    it.each(cases)(
      'on a %s, tells %s readPetitioner=%s, and the route agrees',
      async (kind, username, may) => {
        const code = codes.get(kind)!;
        const one = await get(`/api/petitions/${code}`, username);
        expect(one.statusCode).toBe(200);
        expect(one.json().abilities).toEqual({ readPetitioner: may });
        const list = await get(`/api/petitions?kind=${kind}`, username);
        const row = list.json().items.find((p: { code: string }) => p.code === code);
        expect(row.abilities).toEqual({ readPetitioner: may });
        const read = await get(`/api/petitions/${code}/petitioner`, username);
        expect(read.statusCode).toBe(may ? 200 : 403);
        if (may) expect(read.json().name).toBe('Nguyễn Văn An');
        else
          expect(read.json().error).toMatchObject({
            code: 'FORBIDDEN',
            details: { action: 'petition.read_denouncer' },
          });
      },
    );

    it('shows another commune’s officer neither the petition nor its petitioner', async () => {
      for (const code of codes.values()) {
        expect((await get(`/api/petitions/${code}`, 'tiepnhan.giahiep')).statusCode).toBe(404);
        expect((await get(`/api/petitions/${code}/petitioner`, 'tiepnhan.giahiep')).statusCode).toBe(404);
      }
    });
  });
}
