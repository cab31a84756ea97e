/** The applicant's slips, Forms 01-05, on A5 portrait. Each prints its data object and nothing else. */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type {
  ExtensionData,
  ReceiptData,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
} from './document.types.ts';
import {
  A5_PORTRAIT,
  codeWithQr,
  documentOf,
  formNumber,
  heading,
  line,
  numbered,
  placeDate,
  signatures,
  title,
  type Signature,
} from './pdf.layout.ts';
import { qrDataUrl } from './pdf.printer.ts';

type Slip = ReceiptData | SupplementRequestData | RefusalData | ExtensionData | StopNoticeData;

const para = (text: string | Content[]): Content => ({ text, margin: [0, 2, 0, 2], alignment: 'justify' });

/** Form number, heading, title, code and QR: the top of every slip. */
async function top(d: Slip): Promise<Content[]> {
  return [
    formNumber(d.formNumber),
    heading(d.header, A5_PORTRAIT),
    title(d.title),
    codeWithQr(d.dossierCode, await qrDataUrl(d.lookupUrl), d.lookupUrl),
  ];
}

const slip = (d: Slip, content: Content[]): TDocumentDefinitions =>
  documentOf(
    A5_PORTRAIT,
    { title: `${d.title} — ${d.dossierCode}`, subject: `Mẫu số ${d.formNumber}` },
    content,
  );

function applicantLines(d: Slip, lead: string): Content[] {
  return [
    line(lead, d.applicant.name),
    line('Địa chỉ', d.applicant.address),
    line('Số điện thoại', d.applicant.phone),
    line('Nội dung yêu cầu giải quyết', d.procedureName),
  ];
}

/**
 * How dense Form 01 is set. The receipt is laid out at the first density, and again at the next ones while it
 * takes more than one page with up to RECEIPT_ONE_PAGE_COMPONENTS components (document.render.ts): font and
 * table sizes shrink a little, never below 8 pt, and the QR code and the room to sign with them.
 * RECEIPT_ONE_PAGE_COMPONENTS is the promise; more short components fit as well.
 */
export interface ReceiptDensity {
  fontSize: number;
  tableFontSize: number;
  qr: number;
  signRoom: number;
  /** Vertical padding of a table cell, and the gap above the title and the date line. */
  padding: number;
  gap: number;
}
export const RECEIPT_DENSITIES: readonly ReceiptDensity[] = [
  { fontSize: 10.5, tableFontSize: 10, qr: 58, signRoom: 26, padding: 2, gap: 8 },
  { fontSize: 9.5, tableFontSize: 9, qr: 50, signRoom: 24, padding: 1.5, gap: 6 },
  { fontSize: 9, tableFontSize: 8.5, qr: 46, signRoom: 22, padding: 1, gap: 4 },
  { fontSize: 8.5, tableFontSize: 8, qr: 44, signRoom: 22, padding: 0.5, gap: 3 },
];
/** Up to this many components with the catalog's names, Form 01 fits one A5 page (receipt.fit.test.ts). */
export const RECEIPT_ONE_PAGE_COMPONENTS = 6;

type Cell = TableCell;

function componentRows(d: ReceiptData): Cell[][] {
  if (!d.components.length) return [[{ text: '—', colSpan: 4, alignment: 'center' as const }, '', '', '']];
  return d.components.map((c, i) => [
    { text: String(i + 1), alignment: 'center' as const },
    c.name,
    c.kind,
    { text: String(c.copies), alignment: 'center' as const },
  ]);
}

function componentsTable(rows: Cell[][], withHeader: boolean, density: ReceiptDensity): Content {
  const header = ['STT', 'Tên giấy tờ', 'Hình thức', 'Số lượng'].map((text) => ({
    text,
    style: 'tableHeader',
  }));
  return {
    table: {
      headerRows: withHeader ? 1 : 0,
      widths: [18, '*', 58, 32],
      body: withHeader ? [header, ...rows] : rows,
    },
    layout: {
      paddingTop: () => density.padding,
      paddingBottom: () => density.padding,
    },
    fontSize: density.tableFontSize,
    margin: [0, withHeader ? 2 : 0, 0, withHeader ? 0 : 3],
  };
}

function feeLine(d: ReceiptData): Content {
  if (!d.fee) return line('6. Phí, lệ phí', null);
  if (d.fee.amount === 0) return line('6. Phí, lệ phí', 'Không thu phí, lệ phí');
  return line('6. Phí, lệ phí', `${d.fee.amountText} (${d.fee.inWords})`);
}

/**
 * Form 01: receipt and appointment slip. The last component row, the lines after the table, the date line and
 * the signature blocks are one unbreakable group: when the list runs onto a second page, the signatures never
 * stand there alone.
 */
export async function receiptPdf(
  d: ReceiptData,
  density: ReceiptDensity = RECEIPT_DENSITIES[0]!,
): Promise<TDocumentDefinitions> {
  const rows = componentRows(d);
  const head = rows.slice(0, -1);
  const tail = rows.slice(-1);
  return documentOf(
    { ...A5_PORTRAIT, fontSize: density.fontSize },
    { title: `${d.title} — ${d.dossierCode}`, subject: `Mẫu số ${d.formNumber}` },
    [
      formNumber(d.formNumber, [0, 0, 0, density.gap / 2]),
      heading(d.header, A5_PORTRAIT),
      { text: d.title, style: 'title', fontSize: 13, margin: [0, density.gap + 2, 0, density.gap] },
      {
        // The QR code beside the code, the lookup link and the applicant: no row of its own.
        columns: [
          {
            width: '*',
            stack: [
              {
                text: [
                  { text: 'Mã hồ sơ: ', bold: true },
                  { text: d.dossierCode, bold: true },
                ],
              },
              { text: `Tra cứu tình trạng hồ sơ: ${d.lookupUrl}`, fontSize: 8, italics: true },
              para(`Bộ phận tiếp nhận và trả kết quả, ${d.header.centreInText}`),
              line('Tiếp nhận hồ sơ của', d.applicant.name),
              line('Địa chỉ', d.applicant.address),
            ],
          },
          { width: density.qr, image: await qrDataUrl(d.lookupUrl), fit: [density.qr, density.qr] },
        ],
        columnGap: 8,
      },
      {
        columns: [line('Số điện thoại', d.applicant.phone), line('Hình thức nộp', d.channel)],
        columnGap: 8,
      },
      line('Nội dung yêu cầu giải quyết', d.procedureName),
      { text: '1. Thành phần hồ sơ nộp gồm:', bold: true, margin: [0, 2, 0, 0] },
      ...(head.length ? [componentsTable(head, true, density)] : []),
      {
        unbreakable: true,
        stack: [
          componentsTable(tail, head.length === 0, density),
          {
            columns: [line('2. Thời hạn giải quyết', d.limit), line('3. Thời gian nhận hồ sơ', d.receivedAt)],
            columnGap: 8,
          },
          line('4. Thời gian trả kết quả giải quyết hồ sơ', d.appointmentAt),
          line('5. Nơi trả kết quả', d.returnPlace),
          feeLine(d),
          placeDate(d.placeDate, [0, density.gap, 0, density.gap / 2]),
          signatures([{ role: 'NGƯỜI NỘP HỒ SƠ' }, { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: d.officer }], {
            room: density.signRoom,
          }),
        ],
      },
    ],
  );
}

const STAGE_NOTE: Record<SupplementRequestData['stage'], string> = {
  intake:
    'Hồ sơ chưa được tiếp nhận. Ông/Bà vui lòng bổ sung, hoàn thiện đầy đủ các nội dung trên để được tiếp nhận.',
  appraisal:
    'Thời hạn giải quyết tạm dừng từ ngày yêu cầu bổ sung và được tính lại từ đầu khi nhận đủ hồ sơ bổ sung. Quá 15 ngày không bổ sung, hồ sơ được trả lại.',
  online:
    'Hồ sơ nộp trực tuyến chưa được tiếp nhận. Ông/Bà vui lòng sửa đổi, bổ sung trên Cổng dịch vụ công.',
};

/** Form 02: supplement request, every missing item at once. */
export async function supplementRequestPdf(d: SupplementRequestData): Promise<TDocumentDefinitions> {
  return slip(d, [
    ...(await top(d)),
    ...applicantLines(d, 'Hồ sơ của'),
    { text: 'Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', bold: true, margin: [0, 4, 0, 0] },
    numbered(d.missing),
    ...(d.note ? [line('Ghi chú', d.note)] : []),
    line('Thời điểm yêu cầu', d.requestedAt),
    para(STAGE_NOTE[d.stage]),
    para(
      `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả, ${d.header.centreInText} để được hướng dẫn.`,
    ),
    placeDate(d.placeDate),
    signatures([{ role: 'NGƯỜI HƯỚNG DẪN', name: d.officer }]),
  ]);
}

/** Form 03: refusal to receive, with the reason. */
export async function refusalPdf(d: RefusalData): Promise<TDocumentDefinitions> {
  return slip(d, [
    ...(await top(d)),
    ...applicantLines(d, 'Tiếp nhận hồ sơ của'),
    para(
      `Qua xem xét, ${d.header.committeeInText} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    ),
    { text: d.reason, bold: true, margin: [12, 2, 0, 4] },
    line('Thời điểm', d.refusedAt),
    para('Xin thông báo cho Ông/Bà được biết và thực hiện./.'),
    placeDate(d.placeDate),
    signatures([{ role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: d.officer }]),
  ]);
}

const HEAD_SIGNATURE = { role: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký, ghi rõ họ tên và đóng dấu)' };

/** Form 04: apology and the new date. */
export async function extensionPdf(d: ExtensionData): Promise<TDocumentDefinitions> {
  const who = d.header.committeeInText;
  return slip(d, [
    ...(await top(d)),
    {
      text: [{ text: 'Kính gửi: ', bold: true }, `Ông/Bà ${d.applicant.name}`],
      alignment: 'center',
      margin: [0, 0, 0, 4],
    },
    line('Địa chỉ', d.applicant.address),
    para(
      `${capitalise(d.receivedOn)}, ${who} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ ${d.dossierCode}, nội dung yêu cầu giải quyết: ${d.procedureName}.`,
    ),
    para([
      { text: 'Thời hạn trả kết quả giải quyết hồ sơ: ' },
      { text: d.previousAppointmentAt || '……………', bold: true },
      { text: '.' },
    ]),
    para(`Tuy nhiên đến nay, ${who} chưa trả kết quả giải quyết hồ sơ của Ông/Bà với lý do: ${d.reason}.`),
    para([
      {
        text: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${who} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào lúc `,
      },
      { text: d.newAppointmentAt, bold: true },
      { text: '.' },
    ]),
    para('Mong nhận được sự thông cảm của Ông/Bà./.'),
    placeDate(d.placeDate),
    signatures([{ ...HEAD_SIGNATURE, name: d.signer }]),
  ]);
}

/** Form 05, the sentence that says why the dossier is returned, by ground. */
function stopSentences(d: StopNoticeData): Content[] {
  const who = d.header.committeeInText;
  if (d.ground === 'applicant_request')
    return [
      para(
        `Theo đề nghị của Ông/Bà về việc dừng giải quyết hồ sơ nêu trên, ${who} thông báo dừng giải quyết và trả lại hồ sơ cho Ông/Bà.`,
      ),
      line('Lý do Ông/Bà đề nghị dừng', d.reason),
      line('Thời điểm dừng', d.stoppedAt),
      para(
        'Ông/Bà vui lòng liên hệ Bộ phận tiếp nhận và trả kết quả để nhận lại hồ sơ. Khi có nhu cầu, Ông/Bà có thể nộp lại hồ sơ để được giải quyết theo quy định./.',
      ),
    ];
  if (d.ground === 'supplement_not_received')
    return [
      para(
        `Hồ sơ nêu trên đã được yêu cầu bổ sung, hoàn thiện. Quá thời hạn mà không nhận được hồ sơ bổ sung, ${d.issuer ?? who} thông báo dừng giải quyết và trả lại hồ sơ.`,
      ),
      line('Thời điểm trả lại', d.stoppedAt),
      para(
        'Ông/Bà vui lòng liên hệ Bộ phận tiếp nhận và trả kết quả để nhận lại hồ sơ; khi đã đủ giấy tờ, Ông/Bà có thể nộp lại hồ sơ./.',
      ),
    ];
  return [
    para(`${who} thông báo dừng giải quyết và trả lại hồ sơ nêu trên.`),
    line('Căn cứ', d.stopKind),
    line('Lý do', d.reason),
    line('Thời điểm dừng', d.stoppedAt),
    para('Ông/Bà vui lòng liên hệ Bộ phận tiếp nhận và trả kết quả để nhận lại hồ sơ./.'),
  ];
}

/** The signer of Form 05: the head of the agency, or the one-stop department's officer on duty (automatic return). */
const stopSignature = (d: StopNoticeData): Signature =>
  d.ground === 'supplement_not_received'
    ? { role: 'BỘ PHẬN MỘT CỬA', hint: '(Công chức trực, ký và ghi rõ họ tên)', name: d.signer }
    : { ...HEAD_SIGNATURE, name: d.signer };

/** Form 05: processing stopped and the dossier returned (the applicant's request, the agency's ground, or no supplement). */
export async function stopNoticePdf(d: StopNoticeData): Promise<TDocumentDefinitions> {
  const who =
    d.ground === 'supplement_not_received'
      ? (d.issuer ?? d.header.committeeInText)
      : d.header.committeeInText;
  const received = d.receivedOn
    ? `${capitalise(d.receivedOn)}, ${d.header.committeeInText} tiếp nhận hồ sơ của Ông/Bà`
    : `${who} đã nhận hồ sơ của Ông/Bà`;
  return slip(d, [
    ...(await top(d)),
    {
      text: [{ text: 'Kính gửi: ', bold: true }, `Ông/Bà ${d.applicant.name}`],
      alignment: 'center',
      margin: [0, 0, 0, 4],
    },
    line('Địa chỉ', d.applicant.address),
    para(`${received}, mã hồ sơ ${d.dossierCode}, nội dung yêu cầu giải quyết: ${d.procedureName}.`),
    ...stopSentences(d),
    placeDate(d.placeDate),
    signatures([stopSignature(d)]),
  ]);
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
