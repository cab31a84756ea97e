/** The internal documents: control sheet (Form 06, A4 portrait) and register (Form 07, A4 landscape). */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ControlSheetData, RegisterData } from './document.types.ts';
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  codeWithQr,
  documentOf,
  formNumber,
  heading,
  line,
  placeDate,
  title,
} from './pdf.layout.ts';
import { qrDataUrl } from './pdf.printer.ts';

const headerCells = (labels: string[]): TableCell[] => labels.map((text) => ({ text, style: 'tableHeader' }));
const centred = (text: string | number): TableCell => ({ text: String(text), alignment: 'center' });

/** Form 06: every step of the dossier, who gave it, who took it, when, and what came of it. */
export async function controlSheetPdf(d: ControlSheetData): Promise<TDocumentDefinitions> {
  const body: TableCell[][] = [
    headerCells(['STT', 'Bước xử lý', 'Bên giao', 'Bên nhận', 'Thời gian giao, nhận', 'Kết quả', 'Ghi chú']),
    ...d.rows.map((r) => [centred(r.no), r.step, r.from, r.to, centred(r.at), r.result, r.note]),
  ];
  const content: Content[] = [
    formNumber(d.formNumber),
    heading(d.header, A4_PORTRAIT),
    title(d.title, `(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: ${d.dossierCode})`),
    codeWithQr(d.dossierCode, await qrDataUrl(d.lookupUrl), d.lookupUrl),
    line(
      'Người nộp hồ sơ',
      d.applicant.idNumberMasked
        ? `${d.applicant.name} (số định danh: ${d.applicant.idNumberMasked})`
        : d.applicant.name,
    ),
    line('Thủ tục hành chính', d.procedureName),
    line('Thời gian nhận hồ sơ', d.receivedAt),
    line('Thời hạn trả kết quả', d.dueAt),
    line('Cơ quan (bộ phận) giải quyết hồ sơ', d.leadAgency),
    line(
      'Cơ quan phối hợp giải quyết hồ sơ',
      d.coordinatingAgencies.length ? d.coordinatingAgencies.join('; ') : '—',
    ),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [22, 78, 66, 66, 58, '*', 60], body },
      fontSize: 9.5,
      margin: [0, 8, 0, 4],
    },
    placeDate(d.placeDate),
  ];
  return documentOf(
    A4_PORTRAIT,
    { title: `${d.title} — ${d.dossierCode}`, subject: `Mẫu số ${d.formNumber}` },
    content,
  );
}

export const REGISTER_COLUMNS = [
  'STT',
  'Mã hồ sơ',
  'Thủ tục hành chính',
  'Người nộp (số định danh)',
  'Ngày nhận',
  'Hẹn trả',
  'Ngày kết thúc',
  'Kết quả',
  'Trạng thái',
] as const;

/** Form 07: the register of a unit over a period, one row per dossier received. */
export function registerPdf(d: RegisterData): TDocumentDefinitions {
  const body: TableCell[][] = [
    headerCells([...REGISTER_COLUMNS]),
    ...d.rows.map((r) => [
      centred(r.no),
      r.code,
      r.procedure,
      {
        text: [r.applicant, ...(r.idNumberMasked ? [{ text: `\n${r.idNumberMasked}`, fontSize: 8.5 }] : [])],
      },
      centred(r.receivedAt),
      centred(r.dueAt),
      centred(r.ended),
      r.result,
      r.status,
    ]),
  ];
  if (d.rows.length === 0)
    body.push([
      { text: 'Không có hồ sơ trong kỳ', colSpan: 9, alignment: 'center', italics: true },
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  const content: Content[] = [
    formNumber(d.formNumber),
    heading(d.header, A4_LANDSCAPE),
    title(d.title, `Từ ngày ${d.from} đến ngày ${d.to} — ${d.header.communeName}, ${d.header.provinceName}`),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [24, 112, '*', 100, 56, 56, 56, 74, 70], body },
      fontSize: 8.5,
      lineHeight: 1.05,
    },
    { text: `Tổng số: ${d.rows.length} hồ sơ`, bold: true, margin: [0, 6, 0, 0] },
    placeDate(d.placeDate),
  ];
  return documentOf(
    A4_LANDSCAPE,
    { title: `${d.title} ${d.from} - ${d.to}`, subject: `Mẫu số ${d.formNumber}` },
    content,
  );
}
