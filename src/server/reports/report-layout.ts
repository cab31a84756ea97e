/**
 * The table of Biểu 06 (Circular 01/2020/TT-VPCP) as MộtCửa lays it out, shared by the Excel and PDF exports:
 * the column groups, their headings, and the values of a report row in column order.
 */
import type { ReportCounts } from './report.types.ts';

export const FORM_NAME = 'Biểu số 06';
export const FORM_BASIS =
  'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ';
export const FORM_TITLE =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

/** A heading over one or more columns: `span` value columns; `sub` splits it (a lone column has no sub). */
export interface HeadingGroup {
  title: string;
  /** Either the columns directly (a "Tổng số" plus "Trong đó" subdivision), or a single column. */
  total?: string;
  detail?: string[];
  /** Columns of MộtCửa's additions (no "Trong đó" row): each spans the two lower heading rows. */
  single?: string[];
}

/** The 14 value columns after STT and the line (field or commune), as in Biểu 06, then MộtCửa's additions. */
export const HEADING_GROUPS: HeadingGroup[] = [
  {
    title: 'Số hồ sơ nhận giải quyết',
    total: 'Tổng số',
    detail: [
      'Số mới tiếp nhận trực tuyến',
      'Số mới tiếp nhận trực tiếp, dịch vụ bưu chính',
      'Số kỳ trước chuyển qua',
    ],
  },
  {
    title: 'Số hồ sơ đã giải quyết',
    total: 'Tổng số',
    detail: ['Trả trước hạn', 'Trả đúng hạn', 'Trả quá hạn'],
  },
  { title: 'Số hồ sơ đang giải quyết', total: 'Tổng số', detail: ['Trong hạn', 'Quá hạn'] },
  {
    title: 'Bổ sung của MộtCửa',
    single: ['Chờ bổ sung hồ sơ (trong hạn)', 'Trả lại, dừng giải quyết', 'Rút hồ sơ'],
  },
];

/** Number of value columns (14). */
export const VALUE_COLUMNS = HEADING_GROUPS.reduce(
  (n, g) => n + (g.single ? g.single.length : 1 + (g.detail?.length ?? 0)),
  0,
);

/** The values of a row in column order: (3)…(16) when STT is (1) and the line is (2). */
export function rowValues(c: ReportCounts): number[] {
  return [
    c.received.total,
    c.received.online,
    c.received.directOrPostal,
    c.received.carriedOver,
    c.resolved.total,
    c.resolved.early,
    c.resolved.onTime,
    c.resolved.late,
    c.inProgress.total,
    c.inProgress.withinDeadline,
    c.inProgress.overdue,
    c.inProgress.awaitingSupplement,
    c.closedWithoutResult.returned,
    c.closedWithoutResult.withdrawn,
  ];
}

export const FORM_NOTES = [
  '(3) = (4) + (5) + (6) = (7) + (11) + (15) + (16); (7) = (8) + (9) + (10); (11) = (12) + (13).',
  '(14) là số hồ sơ đang chờ công dân bổ sung tại thời điểm cuối kỳ, đã tính trong (12) "Trong hạn".',
  '(15), (16): hồ sơ kết thúc không có kết quả (trả lại, dừng giải quyết; công dân rút hồ sơ) — không thuộc Biểu 06.',
];

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'. */
export function viDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
