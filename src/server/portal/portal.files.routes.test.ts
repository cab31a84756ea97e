import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { UPLOAD } from '../../shared/limits.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 7),
]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(100, 1)]);

for (const dialect of DIALECTS) {
  describe(`portal uploads and submissions with files (${dialect})`, () => {
    let h: TestApp;
    let n = 0;
    const nextIp = () => `198.51.100.${++n}`;

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
    });
    afterAll(async () => h?.close());

    const start = (fileName: string, size: number, ip: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/uploads',
        payload: { fileName, size },
        remoteAddress: ip,
      });
    const put = (id: string, bytes: Buffer, first: number, total: number, ip: string) =>
      h.app.inject({
        method: 'PUT',
        url: `/api/public/uploads/${id}`,
        payload: bytes,
        remoteAddress: ip,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `bytes ${first}-${first + bytes.length - 1}/${total}`,
        },
      });

    /** A whole file uploaded in chunks of `chunk` bytes; its upload id. */
    async function upload(name: string, bytes: Buffer, ip: string, chunk = 1024): Promise<string> {
      const res = await start(name, bytes.length, ip);
      expect(res.statusCode).toBe(201);
      const id = res.json().id as string;
      for (let at = 0; at < bytes.length; at += chunk) {
        const r = await put(id, bytes.subarray(at, at + chunk), at, bytes.length, ip);
        expect(r.statusCode, r.body).toBe(200);
      }
      return id;
    }

    const submission = (phone: string, files: { uploadId: string; component: string }[]) => {
      const base = buildIntake();
      return {
        unitCode: '25000',
        procedureCode: base.procedureCode,
        applicant: { ...base.applicant, phone },
        files,
      };
    };

    it('refuses a file whose first bytes are not PDF, JPEG or PNG, naming the file and the rule', async () => {
      const ip = nextIp();
      const res = await start('don.pdf', EXE.length, ip);
      const id = res.json().id as string;
      const refused = await put(id, EXE, 0, EXE.length, ip);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toMatchObject({
        fileName: 'don.pdf',
        issues: [{ path: '(body)', rule: 'file.type' }],
      });
      // forgotten at once: the id no longer answers
      expect(
        (await h.app.inject({ method: 'HEAD', url: `/api/public/uploads/${id}`, remoteAddress: ip }))
          .statusCode,
      ).toBe(404);
    });

    it('refuses a file over the size limit when it is declared, and a chunk over the chunk limit', async () => {
      const ip = nextIp();
      const big = await start('scan.pdf', UPLOAD.fileBytes + 1, ip);
      expect(big.statusCode).toBe(400);
      expect(big.json().error.details).toMatchObject({
        fileName: 'scan.pdf',
        issues: [{ path: 'size', rule: 'upload.fileTooLarge' }],
      });
      const id = (await start('scan.pdf', UPLOAD.chunkBytes + 10, ip)).json().id as string;
      const chunk = Buffer.concat([PDF.subarray(0, 8), Buffer.alloc(UPLOAD.chunkBytes + 2)]);
      const tooBig = await put(id, chunk, 0, UPLOAD.chunkBytes + 10, ip);
      expect(tooBig.statusCode).toBe(413);
    });

    it('bounds what one address may keep waiting in unfinished uploads', async () => {
      const ip = nextIp();
      const each = UPLOAD.fileBytes;
      const fits = Math.floor(UPLOAD.pendingBytesPerAddress / each);
      for (let i = 0; i < fits; i++) expect((await start(`scan-${i}.pdf`, each, ip)).statusCode).toBe(201);
      const refused = await start('one-more.pdf', each, ip);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toMatchObject({
        fileName: 'one-more.pdf',
        issues: [{ path: 'size', rule: 'upload.pendingTooLarge' }],
      });
      expect((await start('one-more.pdf', each, nextIp())).statusCode).toBe(201);
    });

    it('resumes after a cut: the offset is asked with HEAD and a chunk at the wrong offset is refused', async () => {
      const ip = nextIp();
      const res = await start('giay-to.pdf', PDF.length, ip);
      const id = res.json().id as string;
      expect((await put(id, PDF.subarray(0, 1000), 0, PDF.length, ip)).json().offset).toBe(1000);
      // the link drops: the client does not know whether the second chunk arrived, and asks
      const head = await h.app.inject({
        method: 'HEAD',
        url: `/api/public/uploads/${id}`,
        remoteAddress: ip,
      });
      expect(head.statusCode).toBe(200);
      expect(head.headers['upload-offset']).toBe('1000');
      expect(head.headers['upload-length']).toBe(String(PDF.length));
      // a chunk that skips ahead is refused with the offset to resume from
      const skipped = await put(id, PDF.subarray(2000, 2500), 2000, PDF.length, ip);
      expect(skipped.statusCode).toBe(409);
      expect(skipped.json().error.details).toMatchObject({ offset: 1000, rule: 'upload.offset' });
      // a Content-Range that does not match the bytes
      const lying = await h.app.inject({
        method: 'PUT',
        url: `/api/public/uploads/${id}`,
        payload: PDF.subarray(1000, 1100),
        remoteAddress: ip,
        headers: {
          'content-type': 'application/octet-stream',
          'content-range': `bytes 1000-1999/${PDF.length}`,
        },
      });
      expect(lying.statusCode).toBe(400);
      expect(lying.json().error.details.issues[0]).toMatchObject({
        path: 'content-range',
        rule: 'upload.range',
      });
      const rest = await put(id, PDF.subarray(1000), 1000, PDF.length, ip);
      expect(rest.json()).toMatchObject({ offset: PDF.length, complete: true, mediaType: 'application/pdf' });

      // the file, whole, becomes the dossier's attachment
      const sub = await h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: submission('0913000001', [{ uploadId: id, component: 'Tờ khai' }]),
        remoteAddress: ip,
      });
      expect(sub.statusCode, sub.body).toBe(201);
      const rows = await h.t.db
        .selectFrom('attachments')
        .innerJoin('dossiers', 'dossiers.id', 'attachments.dossier_id')
        .select([
          'attachments.file_name',
          'attachments.size',
          'attachments.media_type',
          'attachments.uploaded_by',
        ])
        .where('dossiers.code', '=', sub.json().code)
        .execute();
      expect(rows.map((r) => ({ ...r, size: Number(r.size) }))).toEqual([
        { file_name: 'giay-to.pdf', size: PDF.length, media_type: 'application/pdf', uploaded_by: null },
      ]);
      const stored = await h.t.db
        .selectFrom('attachments')
        .select('sha256')
        .where('file_name', '=', 'giay-to.pdf')
        .executeTakeFirstOrThrow();
      expect((await h.app.files.get(stored.sha256)).equals(PDF)).toBe(true);
    });

    it('answers a replayed submission with the same dossier, its files attached once', async () => {
      const ip = nextIp();
      const a = await upload('cccd.png', PNG, ip, 256);
      const b = await upload('don.pdf', PDF, ip);
      const body = submission('0913000002', [
        { uploadId: a, component: 'Bản sao CCCD' },
        { uploadId: b, component: 'Tờ khai' },
      ]);
      const send = () =>
        h.app.inject({
          method: 'POST',
          url: '/api/public/dossiers',
          payload: body,
          remoteAddress: ip,
          headers: { 'idempotency-key': 'portal-files-1' },
        });
      const first = await send();
      expect(first.statusCode, first.body).toBe(201);
      const again = await send();
      expect(again.statusCode).toBe(201);
      expect(again.json().code).toBe(first.json().code);
      const d = await h.t.db
        .selectFrom('dossiers')
        .select(['id', 'status', 'channel'])
        .where('code', '=', first.json().code)
        .executeTakeFirstOrThrow();
      expect(d).toMatchObject({ status: 'submitted', channel: 'online' });
      const count = await h.t.db
        .selectFrom('attachments')
        .select(['component'])
        .where('dossier_id', '=', d.id)
        .orderBy('component')
        .execute();
      expect(count.map((c) => c.component)).toEqual(['Bản sao CCCD', 'Tờ khai']);
      // the uploads were taken: a new submission naming them is refused
      const reuse = await h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: submission('0913000003', [{ uploadId: a, component: 'x' }]),
        remoteAddress: ip,
      });
      expect(reuse.statusCode).toBe(400);
      expect(reuse.json().error.details.issues[0]).toMatchObject({
        path: 'files.0.uploadId',
        rule: 'upload.unknown',
      });
      // and it waits in the counter's online-intake queue
      const counter = await h.login('tiepnhan.dilinh');
      const queue = await h.app.inject({
        method: 'GET',
        url: '/api/dossiers?status=submitted',
        headers: { cookie: counter },
      });
      expect(queue.json().items.map((i: { code: string }) => i.code)).toContain(first.json().code);
    });

    it('refuses an unfinished upload and leaves no dossier behind', async () => {
      const ip = nextIp();
      const id = (await start('don.pdf', PDF.length, ip)).json().id as string;
      await put(id, PDF.subarray(0, 100), 0, PDF.length, ip);
      const before = await h.t.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/public/dossiers',
        payload: submission('0913000004', [{ uploadId: id, component: 'Tờ khai' }]),
        remoteAddress: ip,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toMatchObject({
        fileName: 'don.pdf',
        issues: [{ path: 'files.0.uploadId', rule: 'upload.incomplete' }],
      });
      const after = await h.t.db
        .selectFrom('dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });
}
