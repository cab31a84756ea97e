import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import type { AppInstance } from '../platform/types.ts';
import { documentRoutesWith } from './document.routes.ts';
import { makeHistories, type Histories } from './document.test-helpers.ts';
import { pdfText } from './pdf.inspect.ts';
import { REGISTER_HEADER_ROW, XLSX_TYPE } from './register.xlsx.ts';

const BASE = 'https://motcua.example.vn';

for (const dialect of DIALECTS) {
  describe(`document routes on ${dialect}`, () => {
    let app: TestApp;
    let h: Histories;
    let counter: string;
    let other: string;
    let supervisor: string;
    let baseUrl: string;
    beforeAll(async () => {
      app = await openTestApp(dialect, async (t) => {
        h = await makeHistories(t.db, await seedCentre(t.db));
      });
      // Registered here until app.ts lists documentRoutes (then the lead's registration is used, with its base URL).
      const registered = app.app.hasRoute({
        method: 'GET',
        url: '/api/dossiers/:code/documents/receipt.pdf',
      });
      if (!registered) await documentRoutesWith({ publicBaseUrl: BASE })(app.app as unknown as AppInstance);
      baseUrl = registered ? '' : BASE;
      counter = await app.login('tiepnhan.dilinh');
      other = await app.login('tiepnhan.giahiep');
      supervisor = await app.login('tinh.lamdong');
    });
    afterAll(async () => app?.close());

    const get = (url: string, cookie?: string) =>
      app.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const doc = (code: string, file: string) => `/api/dossiers/${code}/documents/${file}`;

    it.each([
      ['receipt.pdf', 'received', 'mau-01-tiep-nhan-hen-tra'],
      ['supplement-request.pdf', 'intakeSupplement', 'mau-02-yeu-cau-bo-sung'],
      ['refusal.pdf', 'refused', 'mau-03-tu-choi-tiep-nhan'],
      ['extension.pdf', 'extended', 'mau-04-xin-loi-hen-lai'],
      ['stop-notice.pdf', 'stopped', 'mau-05-dung-tra-lai-ho-so'],
      ['control-sheet.pdf', 'complete', 'mau-06-phieu-kiem-soat'],
    ] as const)('GET %s answers a PDF named after the form and the dossier', async (file, which, stem) => {
      const code = h[which].code;
      const res = await get(doc(code, file), counter);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="${stem}-${code}.pdf"`);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(res.rawPayload)).toContain(code);
    });

    it('puts the public lookup URL in the document and audits every document issued', async () => {
      const res = await get(doc(h.received.code, 'receipt.pdf'), counter);
      expect(pdfText(res.rawPayload)).toContain(`${baseUrl}/tra-cuu?code=${h.received.code}`);
      const audit = await app.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'document.issue')
        .where('target_id', '=', h.received.code)
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(2);
      expect(JSON.parse(audit[0]!.details)).toEqual({ form: '01', document: 'receipt' });
    });

    it('answers 401 without a session', async () => {
      expect((await get(doc(h.received.code, 'receipt.pdf'))).statusCode).toBe(401);
      expect((await get('/api/registers/dossiers.pdf?from=2026-03-01&to=2026-03-31')).statusCode).toBe(401);
      expect((await get('/api/registers/dossiers.xlsx?from=2026-03-01&to=2026-03-31')).statusCode).toBe(401);
    });

    it('answers 404 for a dossier of another commune (and an unknown code), 200 for the province', async () => {
      const res = await get(doc(h.received.code, 'receipt.pdf'), other);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await get(doc('000.00.68.25000-260302-9999', 'receipt.pdf'), counter)).statusCode).toBe(404);
      expect((await get(doc(h.received.code, 'receipt.pdf'), supervisor)).statusCode).toBe(200);
    });

    it.each([
      ['extension.pdf', 'received', '04'],
      ['receipt.pdf', 'refused', '01'],
      ['refusal.pdf', 'received', '03'],
      ['supplement-request.pdf', 'received', '02'],
      ['stop-notice.pdf', 'complete', '05'],
      ['control-sheet.pdf', 'intakeSupplement', '06'],
    ] as const)('answers 409 document.not_applicable for %s of the %s dossier', async (file, which, form) => {
      const res = await get(doc(h[which].code, file), counter);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'RULE_VIOLATION',
        details: { rule: 'document.not_applicable', form },
      });
    });

    it('GET /api/registers/dossiers.pdf and .xlsx give the commune register for the period', async () => {
      const pdf = await get('/api/registers/dossiers.pdf?from=2026-03-01&to=2026-03-31', counter);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        'inline; filename="mau-07-so-theo-doi-25000-2026-03-01-2026-03-31.pdf"',
      );
      expect(pdfText(pdf.rawPayload)).toContain(h.complete.code);
      const xlsx = await get(
        '/api/registers/dossiers.xlsx?unit=25000&from=2026-04-01&to=2026-04-30',
        supervisor,
      );
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
      expect(xlsx.headers['content-disposition']).toBe(
        'attachment; filename="mau-07-so-theo-doi-25000-2026-04-01-2026-04-30.xlsx"',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(REGISTER_HEADER_ROW + 1);
      expect(ws.getCell(REGISTER_HEADER_ROW + 1, 2).value).toBe(h.extended.code);
    });

    it('keeps the register to the commune: 403 for another commune, 400 for bad dates or a province', async () => {
      const forbidden = await get(
        '/api/registers/dossiers.pdf?unit=25000&from=2026-03-01&to=2026-03-31',
        other,
      );
      expect(forbidden.statusCode).toBe(403);
      const own = await get('/api/registers/dossiers.xlsx?from=2026-03-01&to=2026-03-31', other);
      expect(own.statusCode).toBe(200); // their own commune, empty
      for (const q of [
        'from=2026-03-31&to=2026-03-01',
        'from=2026-02-30&to=2026-03-01',
        'from=yesterday&to=2026-03-01',
        'to=2026-03-01',
      ])
        expect((await get(`/api/registers/dossiers.pdf?${q}`, counter)).statusCode).toBe(400);
      expect(
        (await get('/api/registers/dossiers.pdf?from=2026-03-01&to=2026-03-31', supervisor)).statusCode,
      ).toBe(400); // a province is no register unit
    });
  });
}
