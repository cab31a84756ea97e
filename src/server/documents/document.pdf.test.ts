import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { dossierFormJob, loadDossierDocumentInput, loadRegister } from './document.service.ts';
import { dossierFormPdf, registerPdfBytes } from './document.render.ts';
import { makeHistories, type Histories } from './document.test-helpers.ts';
import type { DossierForm } from './document.types.ts';
import { pdfPageCount, pdfPageSize, pdfText } from './pdf.inspect.ts';
import { REGISTER_COLUMNS } from './pdf.sheets.ts';
import { REGISTER_HEADER_ROW, registerXlsx } from './register.xlsx.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

/** poppler's pdftotext, when the machine has it (poppler-utils); the built-in reader runs either way. */
const HAS_PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;
const popplerText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const flat = (s: string): string => s.replace(/\s+/g, ' ');

const A5: [number, number] = [419.53, 595.28];
const A4: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

function expectPdf(pdf: Buffer, size: [number, number]): string {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-6).toString('latin1').trim().endsWith('%%EOF')).toBe(true);
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
  expect(pdfPageSize(pdf)).toEqual(size);
  return pdfText(pdf);
}

for (const dialect of DIALECTS) {
  describe(`document PDFs and Excel on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    let h: Histories;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
      h = await makeHistories(t.db, s);
    });
    afterAll(async () => t?.dispose());

    const cases: [DossierForm, keyof Histories, [number, number], string[]][] = [
      [
        'receipt',
        'received',
        A5,
        [
          'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
          '17 giờ 30 phút, ngày 05 tháng 3 năm 2026',
          'Mười lăm nghìn đồng',
        ],
      ],
      [
        'supplement',
        'intakeSupplement',
        A5,
        [
          'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
          'Bản sao trích lục ghi chú ly hôn',
          'Giấy tờ chứng minh nơi cư trú',
        ],
      ],
      [
        'refusal',
        'refused',
        A5,
        ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Yêu cầu không thuộc danh mục'],
      ],
      [
        'extension',
        'extended',
        A5,
        ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'ngày 14 tháng 4 năm 2026', 'Cần xác minh'],
      ],
      [
        'stop',
        'stopped',
        A5,
        ['THÔNG BÁO DỪNG GIẢI QUYẾT, TRẢ LẠI HỒ SƠ', 'Không thuộc thẩm quyền giải quyết'],
      ],
      [
        'control',
        'complete',
        A4,
        ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Trình phê duyệt', '068*******34'],
      ],
    ];

    it.each(cases)(
      'renders %s (from the %s dossier) on its page size, with its code and text',
      async (form, which, size, phrases) => {
        const d: DossierRow = h[which];
        const input = await loadDossierDocumentInput(
          t.db,
          s.counter,
          d.code,
          'http://localhost:3000',
          TEST_NOW,
        );
        const { job, fileName } = dossierFormJob(input, form);
        const doc = { fileName, bytes: await dossierFormPdf(job) };
        expect(doc.fileName).toMatch(new RegExp(`^mau-0\\d-[a-z-]+-${d.code.replace(/\./g, '\\.')}\\.pdf$`));
        const text = expectPdf(doc.bytes, size);
        for (const phrase of [
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'UBND XÃ DI LINH',
          d.code,
          'Nguyễn Văn An',
          ...phrases,
        ])
          expect(text).toContain(phrase);
        expect(text).not.toContain('068090001234'); // never the full ID number
        if (HAS_PDFTOTEXT) {
          const poppler = flat(popplerText(doc.bytes));
          expect(poppler).toContain(d.code);
          expect(poppler).toContain('Nguyễn Văn An');
        }
      },
    );

    it('renders the register (Form 07) on A4 landscape, and over pages when long', async () => {
      const reg = await loadRegister(t.db, s.counter, {
        unitCode: '25000',
        fromMs: at(2026, 3, 1),
        endMs: at(2026, 5, 1),
        now: at(2026, 5, 1, 8),
        maxRows: 100,
      });
      const text = expectPdf(await registerPdfBytes(reg.data), A4_LANDSCAPE);
      expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(text).toContain('Từ ngày 01/03/2026 đến ngày 30/04/2026');
      for (const d of [h.received, h.stopped, h.complete, h.extended]) expect(text).toContain(d.code);
      expect(text).not.toContain('068090001234');
      const many = {
        ...reg.data,
        rows: Array.from({ length: 120 }, (_, i) => ({ ...reg.data.rows[0]!, no: i + 1 })),
      };
      expect(pdfPageCount(await registerPdfBytes(many))).toBeGreaterThan(2);
      const empty = await registerPdfBytes({ ...reg.data, rows: [] });
      expect(pdfText(empty)).toContain('Không có hồ sơ trong kỳ');
    });

    it('writes the register as an Excel workbook with the same columns and one row per dossier', async () => {
      const reg = await loadRegister(t.db, s.counter, {
        unitCode: '25000',
        fromMs: at(2026, 3, 1),
        endMs: at(2026, 4, 1),
        now: at(2026, 4, 1, 8),
        maxRows: 100,
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await registerXlsx(reg.data)) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell(3, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
      expect(ws.getRow(REGISTER_HEADER_ROW).values).toEqual([undefined, ...REGISTER_COLUMNS]);
      const rows = [];
      for (let r = REGISTER_HEADER_ROW + 1; r <= ws.rowCount; r += 1)
        rows.push((ws.getRow(r).values as unknown[]).slice(1));
      expect(rows.map((r) => r[1])).toEqual([h.received.code, h.stopped.code, h.complete.code]);
      expect(rows[0]).toEqual([
        1,
        h.received.code,
        'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
        'Nguyễn Văn An (068*******34)',
        '02/03/2026 09:00',
        '05/03/2026 17:30',
        undefined,
        undefined,
        'Đã tiếp nhận',
      ]);
      expect(rows[1]).toContain('Trả lại hồ sơ');
    });
  });
}
