/**
 * The parts every form shares (Decree 30/2020/NĐ-CP presentation): the form number, the agency block on the
 * left and the national motto on the right (each underlined), the title, the place and date line, signature
 * blocks and the QR code that opens the public lookup page.
 */
import type {
  Column,
  Content,
  Margins,
  PageOrientation,
  PageSize,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import type { AgencyHeader } from './document.types.ts';
import { FONT } from './pdf.printer.ts';

export interface Page {
  size: PageSize;
  orientation: PageOrientation;
  /** Width of the content area in pt. */
  width: number;
  margins: [number, number, number, number];
  fontSize: number;
  /** Font size of the agency block and the motto. */
  headingSize: number;
  /** Share of the width given to the agency block. */
  agencyShare: number;
}

const A5_WIDTH = 419.53;
const A4_WIDTH = 595.28;
const A4_HEIGHT = 841.89;

export const A5_PORTRAIT: Page = {
  size: 'A5',
  orientation: 'portrait',
  width: A5_WIDTH - 58,
  margins: [32, 22, 26, 26],
  fontSize: 10.5,
  headingSize: 9,
  agencyShare: 0.37,
};
export const A4_PORTRAIT: Page = {
  size: 'A4',
  orientation: 'portrait',
  width: A4_WIDTH - 100,
  margins: [60, 36, 40, 40],
  fontSize: 12,
  headingSize: 10.5,
  agencyShare: 0.47,
};
export const A4_LANDSCAPE: Page = {
  size: 'A4',
  orientation: 'landscape',
  width: A4_HEIGHT - 80,
  margins: [40, 30, 40, 40],
  fontSize: 10,
  headingSize: 11,
  agencyShare: 0.42,
};

const STYLES: StyleDictionary = {
  formNumber: { bold: true, alignment: 'right' },
  title: { bold: true, alignment: 'center' },
  label: { bold: true },
  italic: { italics: true },
  tableHeader: { bold: true, alignment: 'center' },
};

/** A short line, `length` long, centred by the column's alignment (pdfmake centres a canvas on its width). */
function rule(length: number): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }],
    margin: [0, 4, 0, 0],
  };
}

/** Agency block (left) and national motto (right), the motto underlined over its own length. */
export function heading(h: AgencyHeader, page: Page): Content {
  const left = page.width * page.agencyShare;
  const size = page.headingSize;
  return {
    columns: [
      {
        width: left,
        alignment: 'center',
        fontSize: size,
        stack: [h.agencyName, { text: h.centreName, bold: true }, rule(left * 0.35)],
      },
      {
        width: '*',
        alignment: 'center',
        fontSize: size,
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, decoration: 'underline', fontSize: size + 1 },
        ],
      },
    ],
    columnGap: 6,
  };
}

/** The right-aligned italic date line: "Di Linh, ngày 02 tháng 3 năm 2026". */
export const placeDate = (line: string, margin: Margins = [0, 8, 0, 4]): Content => ({
  text: line,
  italics: true,
  alignment: 'right',
  margin,
});

export const title = (text: string, extra?: string): Content => ({
  stack: [
    { text, style: 'title', fontSize: 13 },
    ...(extra ? [{ text: extra, alignment: 'center' as const, italics: true }] : []),
  ],
  margin: [0, 12, 0, 8],
});

/** "Label: value" with the label in bold; a missing value prints a dotted blank to fill by hand. */
export function line(label: string, value: string | null | undefined): Content {
  return {
    text: [{ text: `${label}: `, bold: true }, value && value.trim() ? value : '……………………………'],
    margin: [0, 1, 0, 1],
  };
}

export interface Signature {
  role: string;
  hint?: string;
  name?: string;
}

/**
 * Signature blocks side by side: role, "(Ký và ghi rõ họ tên)", room to sign, the printed name. A single
 * signer signs on the right half, under the date line.
 */
export function signatures(blocks: Signature[], options: { room?: number } = {}): Content {
  const signed: Column[] = blocks.map((b) => ({
    width: '*',
    alignment: 'center',
    stack: [
      { text: b.role, bold: true },
      { text: b.hint ?? '(Ký và ghi rõ họ tên)', italics: true },
      { text: ' ', margin: [0, options.room ?? 26, 0, 0] },
      { text: b.name ?? '', bold: true },
    ],
  }));
  return {
    columns: blocks.length === 1 ? [{ width: '*', text: '' }, ...signed] : signed,
    margin: [0, 4, 0, 0],
    unbreakable: true,
  };
}

/** The dossier code and a QR code (`size` pt square) opening the public lookup page. */
export function codeWithQr(code: string, qr: string, url: string, size = 58): Content {
  return {
    columns: [
      {
        width: '*',
        stack: [
          {
            text: [
              { text: 'Mã hồ sơ: ', bold: true },
              { text: code, bold: true },
            ],
          },
          {
            text: 'Quét mã QR hoặc truy cập địa chỉ dưới đây để tra cứu tình trạng hồ sơ:',
            italics: true,
            fontSize: 9,
            margin: [0, 3, 0, 0],
          },
          { text: url, fontSize: 8.5, color: '#1a1a1a' },
        ],
      },
      { width: size, image: qr, fit: [size, size] },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 6],
  };
}

/** A numbered list of items: "1. …". */
export const numbered = (items: string[]): Content => ({
  ol: items.length ? items : ['……………………………'],
  margin: [12, 2, 0, 4],
});

const pageNumbers = (current: number, total: number): Content => ({
  text: `Trang ${current}/${total}`,
  alignment: 'center',
  fontSize: 8,
  margin: [0, 12, 0, 0],
});

export interface DocumentMeta {
  title: string;
  subject: string;
}

/** A whole document: page, fonts, styles, metadata, page numbers. */
export function documentOf(page: Page, meta: DocumentMeta, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: page.size,
    pageOrientation: page.orientation,
    pageMargins: page.margins,
    info: {
      title: meta.title,
      subject: meta.subject,
      author: 'MộtCửa',
      creator: 'MộtCửa',
      producer: 'MộtCửa (pdfmake)',
    },
    defaultStyle: { font: FONT, fontSize: page.fontSize, lineHeight: 1.1 },
    styles: STYLES,
    footer: pageNumbers,
    content,
  };
}

/** The form number in the top right corner: "Mẫu số 01". */
export const formNumber = (n: string, margin: Margins = [0, 0, 0, 4]): Content => ({
  text: `Mẫu số ${n}`,
  style: 'formNumber',
  fontSize: 10,
  margin,
});
