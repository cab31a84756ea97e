import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

for (const dialect of DIALECTS) {
  describe(`attachments API on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    let other: string;
    let code: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      counter = await h.login('tiepnhan.dilinh');
      other = await h.login('tiepnhan.giahiep');
      code = (
        await h.app.inject({
          method: 'POST',
          url: '/api/dossiers',
          payload: buildIntake(),
          headers: { cookie: counter },
        })
      ).json().code;
    });
    afterAll(async () => h?.close());

    const upload = (body: Buffer, type: string, cookie = counter) =>
      h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/attachments?component=${encodeURIComponent('Tờ khai')}&name=to-khai.pdf`,
        payload: body,
        headers: { cookie, 'content-type': type },
      });

    it('stores a PDF by its hash outside the database and lists it', async () => {
      const res = await upload(PDF, 'application/pdf');
      expect(res.statusCode).toBe(201);
      const sha = createHash('sha256').update(PDF).digest('hex');
      expect(res.json()).toMatchObject({
        component: 'Tờ khai',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: sha,
      });
      expect(existsSync(join(h.app.config.MOTCUA_FILES_DIR, sha.slice(0, 2), sha))).toBe(true);
      const list = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/attachments`,
        headers: { cookie: counter },
      });
      expect(list.json().items.map((a: { sha256: string }) => a.sha256)).toContain(sha);
      expect(list.json().maxBytes).toBe(h.app.config.MOTCUA_MAX_UPLOAD_MB * 1_048_576);
    });

    it('checks the type by content, not by the header', async () => {
      const png = await upload(PNG, 'application/octet-stream');
      expect(png.json().mediaType).toBe('image/png');
      const fake = await upload(Buffer.from('MZ\x90\x00 not a scan'), 'application/pdf');
      expect(fake.statusCode).toBe(400);
      expect(fake.json().error.details.issues[0].rule).toBe('file.type');
    });

    it('refuses files over the size limit', async () => {
      const big = Buffer.concat([PDF, Buffer.alloc(1_100_000)]);
      expect((await upload(big, 'application/pdf')).statusCode).toBe(413);
    });

    it('downloads only for the same commune, and audits the read', async () => {
      const id = (await upload(PDF, 'application/pdf')).json().id;
      const denied = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/attachments/${id}`,
        headers: { cookie: other },
      });
      expect(denied.statusCode).toBe(404);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/attachments/${id}`,
        headers: { cookie: counter },
      });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'dossier.read_attachment')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
      expect((await upload(PDF, 'application/pdf', '')).statusCode).toBe(401);
    });
  });
}
