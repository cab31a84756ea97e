import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPageSize, pdfText } from '../documents/pdf.inspect.ts';
import { fixtureProvinceReport, fixtureReport } from './report.fixtures.ts';
import { periodReportPdf } from './report-pdf.ts';
import { periodReportXlsx, XLSX_LAYOUT } from './report-xlsx.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

async function openXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const merges = (ws: ExcelJS.Worksheet): string[] =>
  ((ws.model as unknown as { merges: string[] }).merges ?? []).slice().sort();

describe('Excel export (Biểu 06)', () => {
  it('re-opens with the title, period, merged heading, numbered columns and the figures in place', async () => {
    const wb = await openXlsx(await periodReportXlsx(fixtureReport(), TEST_NOW));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 06']);
    const ws = wb.getWorksheet('Biểu 06') as ExcelJS.Worksheet;
    expect(String(ws.getCell('A2').value)).toMatch(/^TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH/);
    expect(String(ws.getCell('A3').value)).toBe('Kỳ báo cáo: từ ngày 09/07/2025 đến ngày 06/08/2025');
    expect(String(ws.getCell('A4').value)).toContain('Xã Di Linh');
    // Heading: rows 6-8.
    expect(ws.getCell('A6').value).toBe('STT');
    expect(ws.getCell('B6').value).toBe('Lĩnh vực');
    expect(ws.getCell('C6').value).toBe('Số hồ sơ nhận giải quyết');
    expect(ws.getCell('G6').value).toBe('Số hồ sơ đã giải quyết');
    expect(ws.getCell('K6').value).toBe('Số hồ sơ đang giải quyết');
    expect(ws.getCell('C7').value).toBe('Tổng số');
    expect(ws.getCell('D7').value).toBe('Trong đó');
    expect(ws.getCell('D8').value).toBe('Số mới tiếp nhận trực tuyến');
    expect(ws.getCell('E8').value).toBe('Số mới tiếp nhận trực tiếp, dịch vụ bưu chính');
    expect(ws.getCell('F8').value).toBe('Số kỳ trước chuyển qua');
    expect(['H8', 'I8', 'J8'].map((a) => ws.getCell(a).value)).toEqual([
      'Trả trước hạn',
      'Trả đúng hạn',
      'Trả quá hạn',
    ]);
    expect(['L8', 'M8'].map((a) => ws.getCell(a).value)).toEqual(['Trong hạn', 'Quá hạn']);
    expect(['N7', 'O7', 'P7'].map((a) => ws.getCell(a).value)).toEqual([
      'Chờ bổ sung hồ sơ (trong hạn)',
      'Trả lại, dừng giải quyết',
      'Rút hồ sơ',
    ]);
    expect(merges(ws)).toEqual(
      expect.arrayContaining([
        'A6:A8',
        'B6:B8',
        'C6:F6',
        'C7:C8',
        'D7:F7',
        'G6:J6',
        'G7:G8',
        'H7:J7',
        'K6:M6',
        'K7:K8',
        'L7:M7',
        'N6:P6',
        'N7:N8',
        'O7:O8',
        'P7:P8',
      ]),
    );
    const numbers = ws.getRow(XLSX_LAYOUT.numbersRow);
    expect(Array.from({ length: 16 }, (_, i) => numbers.getCell(i + 1).value)).toEqual(
      Array.from({ length: 16 }, (_, i) => `(${i + 1})`),
    );
    const row = (r: number) => Array.from({ length: 16 }, (_, i) => ws.getRow(r).getCell(i + 1).value);
    expect(row(10)).toEqual([1, 'Hộ tịch', 76, 18, 46, 12, 34, 6, 12, 16, 31, 18, 13, 3, 6, 5]);
    expect(row(11)).toEqual([2, 'Đất đai', 31, 4, 19, 8, 11, 2, 3, 6, 17, 6, 11, 2, 3, 0]);
    expect(row(12)).toEqual(['', 'Tổng cộng', 107, 22, 65, 20, 45, 8, 15, 22, 48, 24, 24, 5, 9, 5]);
  });

  it('a province report adds the sheet per commune', async () => {
    const wb = await openXlsx(await periodReportXlsx(fixtureProvinceReport(), TEST_NOW));
    const ws = wb.getWorksheet('Theo đơn vị') as ExcelJS.Worksheet;
    expect(ws.getCell('B10').value).toBe('Xã Di Linh (25000)');
    expect(ws.getCell('C10').value).toBe(107);
    expect(ws.getCell('B11').value).toBe('Xã Gia Hiệp (25015)');
    expect(ws.getCell('C11').value).toBe(0);
  });
});

describe('PDF export', () => {
  it('is an A4 landscape PDF whose text holds the heading and the figures', async () => {
    const pdf = await periodReportPdf(fixtureReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdfPageCount(pdf)).toBe(2);
    const [w, h] = pdfPageSize(pdf);
    expect(w).toBeGreaterThan(h);
    const text = pdfText(pdf);
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('từ ngày 09/07/2025 đến ngày 06/08/2025');
    expect(text).toContain('Xã Di Linh');
    expect(text).toContain('Số kỳ trước chuyển qua');
    // The Hộ tịch row: STT, field, then (3)…(16).
    expect(text).toContain('1Hộ tịch7618461234612163118133');
    expect(text).toContain('Tổng cộng107226520458152248242459');
    expect(text).toContain('Trả trước hạn');
  });

  it('a province report adds the communes with activity, and one line for those without', async () => {
    const pdf = await periodReportPdf(fixtureProvinceReport());
    const text = pdfText(pdf);
    expect(text).toContain('Xã Di Linh (25000)');
    expect(text).not.toContain('Xã Gia Hiệp (25015)'); // no row: nothing happened there in the period
    expect(text).toContain('Không phát sinh hồ sơ trong kỳ: 1 đơn vị cấp xã (Xã Gia Hiệp).');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  it('a province of many quiet communes: no empty rows, one summary line, no more pages than one commune', async () => {
    const r = fixtureProvinceReport();
    const quiet = r.byUnit![1]!;
    const many = {
      ...r,
      byUnit: [
        r.byUnit![0]!,
        ...Array.from({ length: 120 }, (_, i) => ({
          ...quiet,
          unit: { code: String(26000 + i), name: `Xã Yên Tĩnh ${i + 1}` },
        })),
      ],
    };
    const pdf = await periodReportPdf(many);
    const text = pdfText(pdf);
    expect(text).toContain(
      'Không phát sinh hồ sơ trong kỳ: 120 đơn vị cấp xã (Xã Yên Tĩnh 1, Xã Yên Tĩnh 2,',
    );
    expect(text).not.toContain('(26000)');
    expect(pdfPageCount(pdf)).toBe(pdfPageCount(await periodReportPdf(fixtureProvinceReport())));
  });

  it('an active commune with only dossiers carried over (in progress) keeps its row', async () => {
    const r = fixtureProvinceReport();
    const quiet = r.byUnit![1]!;
    const carried = {
      ...quiet,
      inProgress: { ...quiet.inProgress, total: 1, withinDeadline: 1 },
    };
    const text = pdfText(await periodReportPdf({ ...r, byUnit: [r.byUnit![0]!, carried] }));
    expect(text).toContain('Xã Gia Hiệp (25015)');
    expect(text).not.toContain('Không phát sinh hồ sơ trong kỳ');
  });
});
