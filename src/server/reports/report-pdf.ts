/**
 * The period report as a PDF (A4 landscape, Tinos): the Biểu 06 table of the Excel export, then simple bar
 * charts drawn as vector canvas (received vs ended per field; how the resolved were returned; the state of those
 * in progress). A province report adds the table and chart per commune.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT, renderPdf } from '../documents/pdf.printer.ts';
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
import type { PeriodReport, ReportCounts, UnitRow } from './report.types.ts';

const PAGE_WIDTH = 841.89 - 56;
const COLORS = {
  early: '#1b7837',
  onTime: '#7fbf7b',
  late: '#d73027',
  within: '#4575b4',
  overdue: '#f46d43',
  closed: '#999999',
  received: '#4575b4',
} as const;

interface Line {
  label: string;
  counts: ReportCounts;
}

const cell = (text: string | number, extra: Partial<TableCell> = {}): TableCell =>
  ({ text: String(text), alignment: 'center', ...extra }) as TableCell;
const blank = (): TableCell => ({}) as TableCell;

/** The three heading rows and the numbers row (rowSpan/colSpan as in the Excel sheet). */
function headingRows(lineTitle: string): TableCell[][] {
  const width = 2 + VALUE_COLUMNS;
  const rows: TableCell[][] = [0, 1, 2].map(() => Array.from({ length: width }, blank));
  const put = (r: number, c: number, text: string, rowSpan = 1, colSpan = 1) => {
    (rows[r] as TableCell[])[c] = cell(text, { bold: true, rowSpan, colSpan });
  };
  put(0, 0, 'STT', 3);
  put(0, 1, lineTitle, 3);
  let c = 2;
  for (const g of HEADING_GROUPS) {
    if (g.single) {
      put(0, c, g.title, 1, g.single.length);
      g.single.forEach((t, i) => put(1, c + i, t, 2));
      c += g.single.length;
      continue;
    }
    const detail = g.detail ?? [];
    put(0, c, g.title, 1, detail.length + 1);
    put(1, c, g.total ?? 'Tổng số', 2);
    put(1, c + 1, 'Trong đó', 1, detail.length);
    detail.forEach((t, i) => put(2, c + 1 + i, t));
    c += 1 + detail.length;
  }
  rows.push(Array.from({ length: width }, (_, i) => cell(`(${i + 1})`, { italics: true })));
  return rows;
}

function formTable(lineTitle: string, lines: Line[], total: ReportCounts): Content {
  const body: TableCell[][] = headingRows(lineTitle);
  lines.forEach((l, i) =>
    body.push([
      cell(i + 1),
      cell(l.label, { alignment: 'left' }),
      ...rowValues(l.counts).map((v) => cell(v)),
    ]),
  );
  body.push([
    cell(''),
    cell('Tổng cộng', { bold: true, alignment: 'left' }),
    ...rowValues(total).map((v) => cell(v, { bold: true })),
  ]);
  return {
    table: { headerRows: 4, widths: [18, 120, ...Array.from({ length: VALUE_COLUMNS }, () => '*')], body },
    fontSize: 8,
    layout: { paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 2, paddingBottom: () => 2 },
  };
}

/** One horizontal stacked bar per line, scaled to the longest; the figures are written after the bar. */
function barChart(
  title: string,
  lines: { label: string; parts: number[] }[],
  colors: string[],
  legend: string[],
): Content {
  const barWidth = PAGE_WIDTH - 260;
  const max = Math.max(1, ...lines.map((l) => l.parts.reduce((s, p) => s + p, 0)));
  const rows: TableCell[][] = lines.map((l) => {
    let x = 0;
    const rects = l.parts.map((p, i) => {
      const w = (p / max) * barWidth;
      const rect = { type: 'rect' as const, x, y: 1, w, h: 9, color: colors[i] ?? '#777777' };
      x += w;
      return rect;
    });
    return [
      { text: l.label, fontSize: 8 } as TableCell,
      {
        canvas: rects.length ? rects : [{ type: 'rect', x: 0, y: 1, w: 0.1, h: 9, color: '#ffffff' }],
      } as TableCell,
      { text: l.parts.join(' / '), fontSize: 8 } as TableCell,
    ];
  });
  const key: Content = {
    columns: legend.map((name, i) => ({
      columns: [
        { canvas: [{ type: 'rect', x: 0, y: 2, w: 8, h: 8, color: colors[i] ?? '#777777' }], width: 12 },
        { text: name, fontSize: 8 },
      ],
    })),
    margin: [0, 2, 0, 4],
  };
  return {
    stack: [
      { text: title, bold: true, margin: [0, 8, 0, 2] },
      key,
      { table: { widths: [150, barWidth, '*'], body: rows }, layout: 'noBorders' },
    ],
    unbreakable: lines.length <= 20,
  };
}

function charts(lines: Line[], total: ReportCounts): Content[] {
  const all = [...lines, { label: 'Tổng cộng', counts: total }];
  return [
    barChart(
      'Hồ sơ đã giải quyết theo kết quả trả (trước hạn / đúng hạn / quá hạn)',
      all.map((l) => ({
        label: l.label,
        parts: [l.counts.resolved.early, l.counts.resolved.onTime, l.counts.resolved.late],
      })),
      [COLORS.early, COLORS.onTime, COLORS.late],
      ['Trả trước hạn', 'Trả đúng hạn', 'Trả quá hạn'],
    ),
    barChart(
      'Hồ sơ đang giải quyết cuối kỳ (trong hạn / quá hạn) và kết thúc không có kết quả',
      all.map((l) => ({
        label: l.label,
        parts: [
          l.counts.inProgress.withinDeadline,
          l.counts.inProgress.overdue,
          l.counts.closedWithoutResult.total,
        ],
      })),
      [COLORS.within, COLORS.overdue, COLORS.closed],
      ['Đang giải quyết, trong hạn', 'Đang giải quyết, quá hạn', 'Trả lại / rút hồ sơ'],
    ),
  ];
}

function titleBlock(report: PeriodReport): Content[] {
  return [
    {
      columns: [
        { text: FORM_NAME, bold: true },
        { text: FORM_BASIS, italics: true, fontSize: 8, alignment: 'right' },
      ],
    },
    { text: FORM_TITLE, bold: true, fontSize: 12, alignment: 'center', margin: [0, 6, 0, 2] },
    {
      text: `Kỳ báo cáo: từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}`,
      italics: true,
      alignment: 'center',
    },
    {
      columns: [
        { text: `Đơn vị báo cáo: ${report.unit.name} (mã ${report.unit.code})` },
        { text: 'Đơn vị tính: số hồ sơ thủ tục hành chính', italics: true, alignment: 'right' },
      ],
      margin: [0, 4, 0, 4],
    },
  ];
}

/** A commune with nothing in the period: nothing received, resolved, in progress at its end, or closed. */
export const hasActivity = (c: ReportCounts): boolean =>
  c.received.total + c.resolved.total + c.inProgress.total + c.closedWithoutResult.total > 0;

/** The communes of a province report with activity (the table's rows) and without (one summary line). */
export function splitByActivity(rows: UnitRow[]): { active: UnitRow[]; idle: UnitRow[] } {
  return { active: rows.filter(hasActivity), idle: rows.filter((u) => !hasActivity(u)) };
}

/** The one line that stands for the communes left out of the table, with their names. */
function idleLine(idle: UnitRow[]): Content {
  return {
    text: [
      { text: `Không phát sinh hồ sơ trong kỳ: ${idle.length} đơn vị cấp xã`, bold: true },
      ` (${idle.map((u) => u.unit.name).join(', ')}).`,
    ],
    fontSize: 8,
    margin: [0, 4, 0, 0],
  };
}

export function periodReportPdfDefinition(report: PeriodReport): TDocumentDefinitions {
  const fields: Line[] = report.byField.map((f) => ({ label: f.field, counts: f }));
  const content: Content[] = [
    ...titleBlock(report),
    formTable('Lĩnh vực', fields, report.totals),
    { text: FORM_NOTES.join('\n'), italics: true, fontSize: 8, margin: [0, 4, 0, 0] },
    { text: 'Biểu đồ theo lĩnh vực', bold: true, fontSize: 11, pageBreak: 'before' },
    ...charts(fields, report.totals),
  ];
  if (report.byUnit) {
    const { active, idle } = splitByActivity(report.byUnit);
    const units: Line[] = active.map((u) => ({ label: `${u.unit.name} (${u.unit.code})`, counts: u }));
    content.push(
      {
        text: 'Theo đơn vị hành chính cấp xã',
        bold: true,
        fontSize: 11,
        pageBreak: 'before',
        margin: [0, 0, 0, 4],
      },
      formTable('Đơn vị', units, report.totals),
      ...(idle.length ? [idleLine(idle)] : []),
      ...charts(units, report.totals).slice(0, 1),
    );
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 32],
    info: {
      title: `${FORM_NAME} — ${report.unit.name} — ${report.period.from}..${report.period.to}`,
      creator: 'MộtCửa',
    },
    defaultStyle: { font: FONT, fontSize: 9 },
    footer: (page, pages) => ({ text: `${page}/${pages}`, alignment: 'center', fontSize: 8 }),
    content,
  };
}

export function periodReportPdf(report: PeriodReport): Promise<Buffer> {
  return renderPdf(periodReportPdfDefinition(report));
}
