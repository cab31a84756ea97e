/**
 * The period report as an Excel workbook in the layout of Biểu 06 (Circular 01/2020/TT-VPCP): title, unit,
 * period, the merged three-row heading, the numbered columns row (1)…(16), one row per field and a total row;
 * MộtCửa's additions (awaiting supplement, returned, withdrawn) after the official columns. A province report
 * has a second sheet with one row per commune. Layout in docs/REPORTS.md.
 */
import ExcelJS from 'exceljs';
import { todayInVietnam } from '../platform/clock.ts';
import {
  FORM_BASIS,
  FORM_NAME,
  FORM_NOTES,
  FORM_TITLE,
  HEADING_GROUPS,
  rowValues,
  VALUE_COLUMNS,
  viDate,
} from './report-layout.ts';
import type { PeriodReport, ReportCounts } from './report.types.ts';

/** First row of the heading, first data row, columns. */
export const XLSX_LAYOUT = {
  headingRow: 6,
  numbersRow: 9,
  firstDataRow: 10,
  lastColumn: 2 + VALUE_COLUMNS,
} as const;

const FONT = 'Times New Roman';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleBox(cell: ExcelJS.Cell, bold = false): void {
  cell.font = { name: FONT, size: 11, bold };
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function writeTitle(ws: ExcelJS.Worksheet, report: PeriodReport, lineTitle: string): void {
  const last = XLSX_LAYOUT.lastColumn;
  const put = (
    row: number,
    from: number,
    to: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: 'left' | 'center' | 'right',
  ) => {
    ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 11, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  put(1, 1, 4, FORM_NAME, { bold: true }, 'left');
  put(1, 10, last, FORM_BASIS, { italic: true, size: 9 }, 'right');
  put(2, 1, last, FORM_TITLE, { bold: true, size: 13 }, 'center');
  put(
    3,
    1,
    last,
    `Kỳ báo cáo: từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}`,
    { italic: true },
    'center',
  );
  put(4, 1, 9, `Đơn vị báo cáo: ${report.unit.name} (mã ${report.unit.code}) — ${lineTitle}`, {}, 'left');
  put(4, 10, last, 'Đơn vị tính: số hồ sơ thủ tục hành chính', { italic: true }, 'right');
  ws.getRow(2).height = 36;
}

/** The three heading rows and the numbered row. */
function writeHeading(ws: ExcelJS.Worksheet, lineTitle: string): void {
  const top = XLSX_LAYOUT.headingRow;
  const box = (r1: number, c1: number, r2: number, c2: number, text: string) => {
    if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
    ws.getCell(r1, c1).value = text;
    for (let r = r1; r <= r2; r += 1) for (let c = c1; c <= c2; c += 1) styleBox(ws.getCell(r, c), true);
  };
  box(top, 1, top + 2, 1, 'STT');
  box(top, 2, top + 2, 2, lineTitle);
  let col = 3;
  for (const g of HEADING_GROUPS) {
    if (g.single) {
      box(top, col, top, col + g.single.length - 1, g.title);
      g.single.forEach((t, i) => box(top + 1, col + i, top + 2, col + i, t));
      col += g.single.length;
      continue;
    }
    const detail = g.detail ?? [];
    box(top, col, top, col + detail.length, g.title);
    box(top + 1, col, top + 2, col, g.total ?? 'Tổng số');
    box(top + 1, col + 1, top + 1, col + detail.length, 'Trong đó');
    detail.forEach((t, i) => box(top + 2, col + 1 + i, top + 2, col + 1 + i, t));
    col += 1 + detail.length;
  }
  const numbers = ws.getRow(XLSX_LAYOUT.numbersRow);
  for (let c = 1; c <= XLSX_LAYOUT.lastColumn; c += 1) {
    numbers.getCell(c).value = `(${c})`;
    styleBox(numbers.getCell(c));
    numbers.getCell(c).font = { name: FONT, size: 10, italic: true };
  }
  ws.getRow(top + 2).height = 66;
}

function writeLines(
  ws: ExcelJS.Worksheet,
  lines: { label: string; counts: ReportCounts }[],
  total: ReportCounts,
): number {
  let r = XLSX_LAYOUT.firstDataRow;
  const put = (stt: string | number, label: string, counts: ReportCounts, bold: boolean) => {
    const row = ws.getRow(r);
    row.getCell(1).value = stt;
    row.getCell(2).value = label;
    rowValues(counts).forEach((v, i) => (row.getCell(3 + i).value = v));
    for (let c = 1; c <= XLSX_LAYOUT.lastColumn; c += 1) styleBox(row.getCell(c), bold);
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    r += 1;
  };
  lines.forEach((l, i) => put(i + 1, l.label, l.counts, false));
  put('', 'Tổng cộng', total, true);
  return r;
}

function writeNotes(ws: ExcelJS.Worksheet, row: number, now: number): void {
  const notes = [...FORM_NOTES, `Lập bởi MộtCửa ngày ${viDate(todayInVietnam(now))}.`];
  notes.forEach((text, i) => {
    ws.mergeCells(row + 1 + i, 1, row + 1 + i, XLSX_LAYOUT.lastColumn);
    const cell = ws.getCell(row + 1 + i, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 10, italic: true };
  });
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  report: PeriodReport,
  lineTitle: string,
  lines: { label: string; counts: ReportCounts }[],
  now: number,
) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: XLSX_LAYOUT.numbersRow }],
  });
  ws.columns = [{ width: 6 }, { width: 30 }, ...Array.from({ length: VALUE_COLUMNS }, () => ({ width: 11 }))];
  writeTitle(ws, report, lineTitle);
  writeHeading(ws, lineTitle);
  const end = writeLines(ws, lines, report.totals);
  writeNotes(ws, end, now);
}

/** The workbook of a period report, stamped with the day it was made (`now`). */
export async function periodReportXlsx(report: PeriodReport, now: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MộtCửa';
  wb.created = new Date(now);
  addSheet(
    wb,
    'Biểu 06',
    report,
    'Lĩnh vực',
    report.byField.map((f) => ({ label: f.field, counts: f })),
    now,
  );
  if (report.byUnit)
    addSheet(
      wb,
      'Theo đơn vị',
      report,
      'Đơn vị (xã, phường, đặc khu)',
      report.byUnit.map((u) => ({ label: `${u.unit.name} (${u.unit.code})`, counts: u })),
      now,
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
