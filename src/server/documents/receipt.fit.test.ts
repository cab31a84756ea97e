/**
 * Form 01 fits its page: one A5 page for up to 6 components with the longest names the catalog has (and the
 * longest procedure name), two pages only beyond, and the signature blocks never alone on the second page.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dossierFormPdf } from './document.render.ts';
import type { ReceiptData } from './document.types.ts';
import { pdfPageCount, pdfText } from './pdf.inspect.ts';
import { agencyHeader } from './document.data.ts';
import { ALL_CATALOG_PROCEDURES } from '../procedures/catalog-data/index.ts';

/** The text of one page (poppler's pdftotext, installed with poppler-utils). */
const pageText = (pdf: Buffer, page: number): string =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, ' ');

/** The catalog's component names, longest first (the names a counter officer ticks on the checklist). */
const LONGEST_COMPONENTS = [
  ...new Set(ALL_CATALOG_PROCEDURES.flatMap((p) => p.components.map((c) => c.name))),
].sort((x, y) => y.length - x.length);
const LONGEST_PROCEDURE = [...ALL_CATALOG_PROCEDURES].sort((x, y) => y.name.length - x.name.length)[0]!.name;

/** Component i: the i-th longest catalog name, numbered so each row can be found on its page. */
const componentName = (i: number): string =>
  `(${i + 1}) ${LONGEST_COMPONENTS[i % LONGEST_COMPONENTS.length]}`;

function receipt(components: number, name: (i: number) => string = componentName): ReceiptData {
  const header = agencyHeader({ name: 'Xã Gia Hiệp', type: 'commune', provinceName: 'Tỉnh Lâm Đồng' });
  return {
    formNumber: '01',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    header,
    dossierCode: '000.00.25000.H29-261204-0123',
    procedureName: LONGEST_PROCEDURE,
    lookupUrl: 'https://dichvucong.lamdong.gov.vn/tra-cuu?code=000.00.25000.H29-261204-0123',
    placeDate: 'Gia Hiệp, ngày 04 tháng 12 năm 2026',
    applicant: {
      name: 'Nguyễn Thị Phương Thảo Tôn Nữ Hoàng Anh',
      idNumberMasked: '068*******34',
      phone: '09******78',
      address:
        'Thôn Hiệp Thuận, xã Gia Hiệp, tỉnh Lâm Đồng (khu dân cư mới phía sau Trường Tiểu học Gia Hiệp 2)',
    },
    components: Array.from({ length: components }, (_, i) => ({
      name: name(i),
      copies: 1,
      kind: 'Bản chính hoặc bản sao',
    })),
    receivedAt: '04/12/2026 09:15',
    appointmentAt: '17 giờ 30 phút, ngày 10 tháng 12 năm 2026',
    limit: '05 ngày làm việc',
    channel: 'Trực tiếp',
    officer: 'Trần Thị Bích Ngọc',
    fee: { amount: 15000, amountText: '15.000 đồng', inWords: 'Mười lăm nghìn đồng', note: '' },
    returnPlace: `Bộ phận tiếp nhận và trả kết quả, ${header.centreInText}`,
  };
}

describe('Form 01 on its A5 page', () => {
  it("the names tested are the catalog's longest (over 100 characters each)", () => {
    expect(LONGEST_COMPONENTS.slice(0, 6).every((n) => n.length > 100)).toBe(true);
    expect(LONGEST_PROCEDURE.length).toBeGreaterThan(150);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    '%i component(s) with the longest names: one page, signatures included',
    async (n) => {
      const pdf = await dossierFormPdf({ form: 'receipt', data: receipt(n) });
      expect(pdfPageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
      expect(text).toContain('Trần Thị Bích Ngọc');
      expect(text).toContain(`(${n}) ${LONGEST_COMPONENTS[n - 1]!.split(' ').slice(0, 3).join(' ')}`);
    },
  );

  it.each([7, 9, 12, 20])(
    '%i components: two pages only beyond one, the last page has a component row above the signatures',
    async (n) => {
      const sixLongest = (i: number) => `(${i + 1}) ${LONGEST_COMPONENTS[i % 6]}`;
      const pdf = await dossierFormPdf({ form: 'receipt', data: receipt(n, sixLongest) });
      const pages = pdfPageCount(pdf);
      // Beyond six of the catalog's longest names the receipt may run on; how far depends on the catalog's longest
      // names (the 2025-2026 procedures brought longer ones): at most one page for every six more rows.
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(1 + Math.ceil((n - 6) / 6) + 1);
      const last = pageText(pdf, pages);
      expect(last).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
      expect(last).toContain(`(${n}) `); // the last component travels with the signatures
      expect(last).toContain('Thời gian trả kết quả');
      for (let p = 1; p < pages; p += 1) expect(pageText(pdf, p)).not.toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    },
  );

  it('typed-in names longer than any in the catalog: two pages, the signatures with the last row', async () => {
    const long = (i: number) => `(${i + 1}) ${LONGEST_COMPONENTS[0]} ${LONGEST_COMPONENTS[1]}`;
    const pdf = await dossierFormPdf({ form: 'receipt', data: receipt(6, long) });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(3);
    for (let p = 1; p < pages; p += 1) expect(pageText(pdf, p)).not.toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(pageText(pdf, pages)).toContain('(6) ');
    expect(pageText(pdf, pages)).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('7 components with short names still fit one page', async () => {
    const pdf = await dossierFormPdf({
      form: 'receipt',
      data: receipt(7, (i) => `(${i + 1}) Tờ khai theo mẫu`),
    });
    expect(pdfPageCount(pdf)).toBe(1);
  });
});
