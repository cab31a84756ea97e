/**
 * The catalog's Excel import (POST /api/procedures/import): a workbook is read in a render worker after its zip
 * directory was inspected; a zip bomb is 413 and a damaged or foreign file is 400 naming the field, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { makeZip, zipBomb } from '../../../test/support/zip.ts';
import { ALL_CATALOG_PROCEDURES } from './catalog-data/index.ts';
import { catalogToXlsx } from './procedure.excel.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const dialect of DIALECTS) {
  describe(`catalog upload on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      // The national catalog is the system administrator's (security issue 10, finding 2).
      await h.user('quantri', '68', ['system_admin']);
      admin = await h.login('quantri');
    });
    afterAll(async () => h?.close());

    const upload = (payload: Buffer, lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload,
        headers: { cookie: admin, 'content-type': XLSX, 'accept-language': lang },
      });

    it('imports a workbook exported by the catalog (read in the worker)', async () => {
      const entries = ALL_CATALOG_PROCEDURES.slice(0, 3);
      const res = await upload(await catalogToXlsx(entries));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ imported: entries.length });
    });

    it('refuses a zip bomb with 413 before inflating it', async () => {
      const bomb = zipBomb(60);
      expect(bomb.length).toBeLessThan(1024 * 1024); // well under the upload limit: only the inspection stops it
      const res = await upload(bomb, 'en');
      expect(res.statusCode).toBe(413);
      const { error } = res.json();
      expect(error).toMatchObject({
        code: 'ARCHIVE_TOO_LARGE',
        details: { field: 'file', rule: 'zip.too_large' },
      });
      expect(error.message).toContain('“file”');
      expect(error.message).toContain('50 MB');
    });

    it('answers 400 naming the file for a truncated workbook, a zip that is no workbook, and a damaged one', async () => {
      const good = await catalogToXlsx(ALL_CATALOG_PROCEDURES.slice(0, 3));
      const cases = [
        { bytes: good.subarray(0, Math.floor(good.length / 2)), rule: 'file.xlsx_invalid' },
        { bytes: Buffer.from('Mã thủ tục,Tên thủ tục\n'), rule: 'file.xlsx_invalid' },
        {
          bytes: makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]),
          rule: 'file.not_workbook',
        },
        {
          bytes: makeZip([
            { name: '[Content_Types].xml', data: Buffer.from('not xml <<<') },
            { name: 'xl/workbook.xml', data: Buffer.from('\u0000\u0001 garbage') },
          ]),
          rule: 'file.xlsx_unreadable',
        },
      ];
      for (const c of cases) {
        const res = await upload(c.bytes);
        expect({ rule: c.rule, status: res.statusCode }).toEqual({ rule: c.rule, status: 400 });
        expect(res.json().error.details.issues).toMatchObject([{ path: 'file', rule: c.rule }]);
      }
    });
  });

  describe(`an archive that lies about its sizes, on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => seedCentre(t.db).then(() => undefined), {
        env: { MOTCUA_RENDER_MEMORY_MB: '64' },
      });
      // The national catalog is the system administrator's (security issue 10, finding 2).
      await h.user('quantri', '68', ['system_admin']);
      admin = await h.login('quantri');
    });
    afterAll(async () => h?.close());

    it('passes the directory check, then the worker runs out of its heap: 422, and the next upload works', async () => {
      const liar = makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        // 150 MB of spaces, declared as 1,000 bytes: only inflating it tells.
        { name: 'xl/workbook.xml', data: Buffer.alloc(150 * 1024 * 1024, 0x20), declaredSize: 1_000 },
      ]);
      const post = (payload: Buffer) =>
        h.app.inject({
          method: 'POST',
          url: '/api/procedures/import',
          payload,
          headers: { cookie: admin, 'content-type': XLSX },
        });
      const res = await post(liar);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'WORK_LIMIT_EXCEEDED',
        details: { limit: 'memory', memoryMb: 64 },
      });
      const ok = await post(await catalogToXlsx(ALL_CATALOG_PROCEDURES.slice(0, 1)));
      expect(ok.statusCode).toBe(200);
    });
  });
}
