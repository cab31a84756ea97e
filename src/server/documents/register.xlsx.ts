/** Form 07 as an Excel workbook: the same columns as the PDF, one row per dossier, ready to filter. */
import ExcelJS from 'exceljs';
import type { RegisterData, RegisterRow } from './document.types.ts';
import { REGISTER_COLUMNS } from './pdf.sheets.ts';

export { XLSX_CONTENT_TYPE as XLSX_TYPE } from '../platform/content-types.ts';
/** The row of the column headers; data rows follow it. */
export const REGISTER_HEADER_ROW = 6;

const WIDTHS = [6, 30, 48, 34, 17, 17, 17, 26, 24];

/** "Nguyễn Văn An (068*******34)": the ID number is always masked in the register. */
export const applicantCell = (r: RegisterRow): string =>
  r.idNumberMasked ? `${r.applicant} (${r.idNumberMasked})` : r.applicant;

/** Empty texts become empty cells. */
const rowValues = (r: RegisterRow): (string | number | null)[] =>
  [r.no, r.code, r.procedure, applicantCell(r), r.receivedAt, r.dueAt, r.ended, r.result, r.status].map(
    (v) => (v === '' ? null : v),
  );

function titleRows(ws: ExcelJS.Worksheet, d: RegisterData): void {
  const last = REGISTER_COLUMNS.length;
  const put = (
    row: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: ExcelJS.Alignment['horizontal'] = 'center',
  ) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle' };
  };
  put(1, `Mẫu số ${d.formNumber}`, { bold: true }, 'right');
  put(2, `${d.header.agencyName} — ${d.header.centreName}`, { bold: true });
  put(3, d.title, { bold: true, size: 14 });
  put(4, `Từ ngày ${d.from} đến ngày ${d.to} — ${d.header.communeName}, ${d.header.provinceName}`, {
    italic: true,
  });
}

/** The register workbook as the bytes of an .xlsx file. */
export async function registerXlsx(d: RegisterData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MộtCửa';
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }],
  });
  titleRows(ws, d);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const header = ws.getRow(REGISTER_HEADER_ROW);
  header.values = [...REGISTER_COLUMNS];
  header.font = { name: 'Times New Roman', bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  d.rows.forEach((r, i) => {
    const row = ws.getRow(REGISTER_HEADER_ROW + 1 + i);
    row.values = rowValues(r);
    row.font = { name: 'Times New Roman' };
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = {
    from: { row: REGISTER_HEADER_ROW, column: 1 },
    to: { row: REGISTER_HEADER_ROW + d.rows.length, column: REGISTER_COLUMNS.length },
  };
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}
