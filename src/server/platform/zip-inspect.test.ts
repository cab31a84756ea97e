import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeZip, zipBomb } from '../../../test/support/zip.ts';
import { AppError } from './app-error.ts';
import { inspectZip, requireXlsx, XLSX_LIMITS } from './zip-inspect.ts';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh mục').addRow(['Mã thủ tục', 'Tên thủ tục']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = (bytes: Buffer): AppError => {
  try {
    requireXlsx(bytes, 'file');
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
};

describe('inspectZip', () => {
  it('lists the entries of a real workbook and accepts it', async () => {
    const bytes = await workbook();
    const verdict = inspectZip(bytes, XLSX_LIMITS);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(verdict.unzippedBytes).toBe(verdict.entries.reduce((n, e) => n + e.uncompressedSize, 0));
    expect(() => requireXlsx(bytes, 'file')).not.toThrow();
  });

  it('refuses a zip bomb by its declared size, without inflating it (413 naming the field)', () => {
    const bomb = zipBomb(60);
    expect(bomb.length).toBeLessThan(200_000);
    expect(inspectZip(bomb, XLSX_LIMITS)).toMatchObject({ ok: false, rule: 'zip.too_large' });
    const e = refusal(bomb);
    expect(e).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, details: { field: 'file' } });
  });

  it('refuses an entry compressed beyond the ratio limit, and too many entries', () => {
    expect(inspectZip(zipBomb(10), XLSX_LIMITS)).toMatchObject({ ok: false, rule: 'zip.ratio' });
    const many = makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(inspectZip(many, { ...XLSX_LIMITS, maxEntries: 20 })).toMatchObject({
      ok: false,
      rule: 'zip.too_many_entries',
    });
  });

  it('sees the lie of an entry that declares a small size: the sum is what the directory says', () => {
    const liar = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 10 },
    ]);
    // The directory is all one can check without inflating; the parse then runs under the worker's heap limit.
    expect(inspectZip(liar, XLSX_LIMITS)).toMatchObject({ ok: true, unzippedBytes: 10 });
  });

  it('answers 400 naming the field for a file that is not a zip, a truncated one, or a zip that is no workbook', async () => {
    const bytes = await workbook();
    const cases = {
      text: Buffer.from('Mã thủ tục;Tên thủ tục\n1.001;Đăng ký khai sinh\n'),
      empty: Buffer.alloc(0),
      truncated: bytes.subarray(0, Math.floor(bytes.length / 2)),
      cutDirectory: bytes.subarray(0, bytes.length - 30),
    };
    for (const [what, b] of Object.entries(cases)) {
      const e = refusal(b);
      expect({ what, code: e.code, issues: e.issues }).toMatchObject({
        what,
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'file', rule: 'file.xlsx_invalid' }],
      });
    }
    const notWorkbook = makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect(refusal(notWorkbook).issues).toMatchObject([{ path: 'file', rule: 'file.not_workbook' }]);
  });
});
