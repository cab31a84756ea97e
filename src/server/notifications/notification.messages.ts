/**
 * The texts of the notices, in Vietnamese (the applicant's language), built from the dossier's data. A message
 * names the dossier by its code, procedure and the applicant's name; it never carries the identity number, the
 * address or anything the applicant did not give for this dossier (docs/SECURITY.md "Notifications").
 */

/** What a notice is about: the applicant's five, then the officer's four. */
export const APPLICANT_KINDS = [
  'receipt',
  'supplement_request',
  'extension',
  'result_ready',
  'refusal',
  'result_code',
] as const;
export const OFFICER_KINDS = ['assigned', 'supplement_received', 'due_tomorrow', 'overdue'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type OfficerKind = (typeof OFFICER_KINDS)[number];
export type NoticeKind = ApplicantKind | OfficerKind;

/** The dossier's fields a message may use. */
export interface NoticeDossier {
  code: string;
  procedure_name: string;
  applicant_name: string;
}

export interface NoticeDetails {
  /** receipt, extension: the (new) appointment for the result. */
  dueAt?: number | null;
  /** supplement_request: what to bring. */
  missing?: readonly string[];
  /** supplement_request: by when (null at the counter: the applicant comes back when complete). */
  bringBy?: number | null;
  /** extension, refusal: the reason given by the officer. */
  reason?: string | null;
  /** result_code: the one-time code for downloading the signed result (dueAt: when it expires). */
  oneTimeCode?: string;
}

export interface NoticeText {
  subject: string;
  body: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** dd/MM/yyyy, Vietnam's time (the form every paper slip uses). */
export const formatDate = (ms: number): string => DATE.format(ms);
/** HH:mm dd/MM/yyyy. */
export const formatDateTime = (ms: number): string => `${TIME.format(ms)} ngày ${DATE.format(ms)}`;

const SIGNATURE = 'Bộ phận Một cửa — MộtCửa';
/** The line of a `result_code` message that carries the code (masked where officers read the notice). */
export const ONE_TIME_CODE_LINE = '    Mã xác thực: ';
const when = (ms: number | null | undefined): string => (ms ? formatDateTime(ms) : 'chưa xác định');

/** The message to the applicant (Vietnamese). */
export function applicantMessage(kind: ApplicantKind, d: NoticeDossier, x: NoticeDetails): NoticeText {
  const hello = `Kính gửi ông/bà ${d.applicant_name},`;
  const about = `hồ sơ ${d.code} (${d.procedure_name})`;
  const lines = (...l: string[]) => [hello, '', ...l, '', SIGNATURE].join('\n');
  switch (kind) {
    case 'receipt':
      return {
        subject: `Đã tiếp nhận hồ sơ ${d.code}`,
        body: lines(
          `Bộ phận Một cửa đã tiếp nhận ${about}.`,
          `Ngày hẹn trả kết quả: ${when(x.dueAt)}.`,
          `Ông/bà tra cứu tình trạng hồ sơ bằng mã ${d.code}.`,
        ),
      };
    case 'supplement_request':
      return {
        subject: `Đề nghị bổ sung hồ sơ ${d.code}`,
        body: lines(
          `Để giải quyết ${about}, đề nghị ông/bà bổ sung:`,
          ...(x.missing ?? []).map((m) => `  - ${m}`),
          x.bringBy
            ? `Thời hạn bổ sung: trước ${formatDateTime(x.bringBy)}. Quá hạn này hồ sơ được trả lại.`
            : 'Ông/bà nộp lại hồ sơ khi đã bổ sung đủ các giấy tờ trên.',
        ),
      };
    case 'extension':
      return {
        subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${d.code}`,
        body: lines(
          `Cơ quan giải quyết chân thành xin lỗi ông/bà vì ${about} chưa có kết quả đúng hẹn.`,
          ...(x.reason ? [`Lý do: ${x.reason}.`] : []),
          `Ngày hẹn trả kết quả mới: ${when(x.dueAt)}.`,
        ),
      };
    case 'result_ready':
      return {
        subject: `Đã có kết quả hồ sơ ${d.code}`,
        body: lines(
          `${about[0]!.toUpperCase()}${about.slice(1)} đã có kết quả.`,
          'Mời ông/bà đến Bộ phận Một cửa để nhận kết quả (mang theo giấy hẹn trả kết quả).',
        ),
      };
    case 'result_code':
      return {
        subject: `Mã tải kết quả điện tử hồ sơ ${d.code}`,
        body: lines(
          `Mã xác thực để tải kết quả điện tử của ${about}:`,
          `${ONE_TIME_CODE_LINE}${x.oneTimeCode ?? ''}`,
          `Mã dùng một lần, có hiệu lực đến ${when(x.dueAt)}. Không cung cấp mã này cho người khác.`,
        ),
      };
    case 'refusal':
      return {
        subject: `Thông báo về hồ sơ ${d.code}`,
        body: lines(
          `Cơ quan có thẩm quyền từ chối giải quyết ${about}.`,
          ...(x.reason ? [`Lý do: ${x.reason}.`] : []),
          'Ông/bà đến Bộ phận Một cửa để nhận lại hồ sơ và văn bản trả lời.',
        ),
      };
  }
}

/** The public lookup page of a dossier (the QR code's address on the slips, documents/document.format.ts). */
export const lookupLink = (base: string, code: string): string =>
  `${base.replace(/\/+$/, '')}/tra-cuu?code=${encodeURIComponent(code)}`;

/**
 * The applicant's message with the lookup link, added when it is sent (the delivery job knows the public address,
 * MOTCUA_PUBLIC_URL; the row keeps the text as queued): before the signature, or at the end.
 */
export function withLookupLink(body: string, base: string, code: string): string {
  const line = `Tra cứu hồ sơ trực tuyến: ${lookupLink(base, code)}`;
  if (body.includes(lookupLink(base, code))) return body;
  const at = body.lastIndexOf(`\n\n${SIGNATURE}`);
  return at < 0 ? `${body}\n${line}` : `${body.slice(0, at)}\n${line}${body.slice(at)}`;
}

/** The in-app notice to an officer (Vietnamese, as the web app's data; the interface labels are translated). */
export function officerMessage(kind: OfficerKind, d: NoticeDossier, x: NoticeDetails): NoticeText {
  switch (kind) {
    case 'assigned':
      return {
        subject: `Hồ sơ ${d.code} được giao cho bạn`,
        body: `${d.procedure_name} — ${d.applicant_name}`,
      };
    case 'supplement_received':
      return {
        subject: `Hồ sơ ${d.code} đã được bổ sung`,
        body: `${d.procedure_name} — hạn giải quyết mới ${when(x.dueAt)}`,
      };
    case 'due_tomorrow':
      return {
        subject: `Hồ sơ ${d.code} đến hạn ngày mai`,
        body: `${d.procedure_name} — hạn ${when(x.dueAt)}`,
      };
    case 'overdue':
      return {
        subject: `Hồ sơ ${d.code} đã quá hạn`,
        body: `${d.procedure_name} — hạn ${when(x.dueAt)}`,
      };
  }
}
