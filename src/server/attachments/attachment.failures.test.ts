import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { nodeFileSystem, type StoreFileSystem } from './file-store.ts';

const scan = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

/** Every file under `dir`, recursively (the store's fan-out folders included). */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? filesUnder(join(dir, e.name)) : [e.name],
      )
    : [];

/** A disk that fills up: while `full`, a write stores half of the bytes, then fails with `code`. */
function fillingDisk(): StoreFileSystem & { full: string | null } {
  const disk: StoreFileSystem & { full: string | null } = {
    ...nodeFileSystem,
    full: null,
    async writeFile(path, data, options) {
      if (!disk.full) return nodeFileSystem.writeFile(path, data, options);
      writeFileSync(path, data.subarray(0, data.length >> 1), { flag: options.flag });
      throw Object.assign(new Error(`${disk.full}: no space left on device, write`), { code: disk.full });
    },
  };
  return disk;
}

for (const dialect of DIALECTS) {
  describe(`attachments: missing files and a full disk (${dialect})`, () => {
    let h: TestApp;
    let counter: string;
    let code: string;
    const disk = fillingDisk();
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { fileSystem: disk });
      counter = await h.login('tiepnhan.dilinh');
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

    const upload = (body: Buffer, name = 'to-khai.pdf', lang = 'vi') =>
      h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/attachments?component=${encodeURIComponent('Tờ khai')}&name=${encodeURIComponent(name)}`,
        payload: body,
        headers: { cookie: counter, 'content-type': 'application/pdf', 'accept-language': lang },
      });

    it('answers 410 FILE_MISSING, not 500, when the row outlived its file', async () => {
      const body = scan(`missing ${dialect}`);
      const id = (await upload(body)).json().id;
      const sha = createHash('sha256').update(body).digest('hex');
      rmSync(join(h.app.config.MOTCUA_FILES_DIR, sha.slice(0, 2), sha));
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/attachments/${id}`,
        headers: { cookie: counter, 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toMatchObject({ code: 'FILE_MISSING', details: { sha256: sha } });
      expect(res.json().error.message).toMatch(/no longer on the server/);
    });

    for (const errno of ['ENOSPC', 'EDQUOT'])
      it(`answers 503 STORAGE_FULL on ${errno}, removes the partial file and records nothing`, async () => {
        const before = await h.t.db.selectFrom('attachments').select('id').execute();
        disk.full = errno;
        try {
          for (const [lang, text] of [
            ['vi', /Bộ nhớ máy chủ đã đầy/],
            ['en', /storage is full/],
            ['ru', /Хранилище сервера заполнено/],
          ] as const) {
            const res = await upload(scan(`full ${errno} ${lang} ${dialect}`), 'to-khai.pdf', lang);
            expect(res.statusCode).toBe(503);
            expect(res.json().error.code).toBe('STORAGE_FULL');
            expect(res.json().error.message).toMatch(text);
            expect(res.headers['retry-after']).toBe('300');
          }
        } finally {
          disk.full = null;
        }
        expect(filesUnder(h.app.config.MOTCUA_FILES_DIR).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        expect(await h.t.db.selectFrom('attachments').select('id').execute()).toHaveLength(before.length);
        expect((await upload(scan(`after ${errno} ${dialect}`))).statusCode).toBe(201);
      });

    it('refuses control and bidi characters in the file name and component, naming the field', async () => {
      for (const name of ['scan\u202Efdp.exe', 'a\u0000b.pdf', 'two\nlines.pdf', 'x\u0085y.pdf']) {
        const res = await upload(scan('name'), name);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.issues[0].path).toBe('name');
      }
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/attachments?component=${encodeURIComponent('Tờ\u2066 khai')}&name=a.pdf`,
        payload: scan('component'),
        headers: { cookie: counter, 'content-type': 'application/pdf' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('component');
      // Vietnamese with its diacritics is plain text.
      expect((await upload(scan('vi name'), 'Giấy khai sinh – bản sao.pdf')).statusCode).toBe(201);
    });
  });
}
