/**
 * The dossier's `abilities` differ by role as the rules say, and the routes refuse exactly when the ability is
 * false: one rule (dossier.policy.ts), used by the presenter and by the routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Who may upload a scan: the counter and the processing officers of the commune; not the province's supervisor. */
const EXPECTED = {
  'tiepnhan.dilinh': { attach: true, readApplicant: true },
  'chuyenvien.a': { attach: true, readApplicant: true },
  'lanhdao.dilinh': { attach: true, readApplicant: true },
  'tinh.lamdong': { attach: false, readApplicant: true },
} as const;

for (const dialect of DIALECTS) {
  describe(`dossier abilities on ${dialect}`, () => {
    let h: TestApp;
    let code: string;
    const cookies = new Map<string, string>();
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      for (const u of [...Object.keys(EXPECTED), 'tiepnhan.giahiep']) cookies.set(u, await h.login(u));
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake(),
        headers: { cookie: cookies.get('tiepnhan.dilinh')! },
      });
      code = res.json().code;
    });
    afterAll(async () => h?.close());

    const get = (url: string, username: string) =>
      h.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
    const upload = (username: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/attachments?component=${encodeURIComponent('Tờ khai')}&name=scan.pdf`,
        payload: PDF,
        headers: { cookie: cookies.get(username)!, 'content-type': 'application/pdf' },
      });

    it.each(Object.entries(EXPECTED))('gives %s the abilities the rules say', async (username, expected) => {
      const one = await get(`/api/dossiers/${code}`, username);
      expect(one.statusCode).toBe(200);
      expect(one.json().abilities).toEqual(expected);
      // the queue carries them too
      const queue = await get('/api/dossiers', username);
      const row = queue.json().items.find((d: { code: string }) => d.code === code);
      expect(row.abilities).toEqual(expected);
    });

    it.each(Object.keys(EXPECTED))(
      'lets %s upload exactly when abilities.attach says so',
      async (username) => {
        const { attach } = (await get(`/api/dossiers/${code}`, username)).json().abilities;
        const res = await upload(username);
        expect(res.statusCode).toBe(attach ? 201 : 403);
        if (!attach) expect(res.json().error).toMatchObject({ code: 'FORBIDDEN' });
      },
    );

    it.each(Object.keys(EXPECTED))(
      'lets %s read the applicant exactly when abilities.readApplicant says so',
      async (username) => {
        const { readApplicant } = (await get(`/api/dossiers/${code}`, username)).json().abilities;
        expect((await get(`/api/dossiers/${code}/applicant`, username)).statusCode).toBe(
          readApplicant ? 200 : 403,
        );
      },
    );

    it('shows another commune’s officer nothing: the dossier, its upload and its applicant are 404', async () => {
      expect((await get(`/api/dossiers/${code}`, 'tiepnhan.giahiep')).statusCode).toBe(404);
      expect((await upload('tiepnhan.giahiep')).statusCode).toBe(404);
      expect((await get(`/api/dossiers/${code}/applicant`, 'tiepnhan.giahiep')).statusCode).toBe(404);
    });
  });
}
