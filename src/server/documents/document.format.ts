/**
 * How documents write dates, limits and labels. Local time is Vietnam's (UTC+7). Day and month follow the
 * administrative-document rule (Decree 30/2020/NĐ-CP, Appendix I): a day below 10 and a month below 3 take a
 * leading zero ("ngày 02 tháng 3", "ngày 15 tháng 02").
 */
import { formatInstant } from '../../shared/calendar/index.ts';
import type { Channel, DossierStatus } from '../../shared/dossier/status.ts';
import type { CatalogComponent } from '../procedures/catalog-data/catalog.types.ts';
import type { UnitType } from '../units/unit.table.ts';

interface LocalParts {
  year: string;
  month: number;
  day: string;
  hour: string;
  minute: string;
}

function parts(ms: number): LocalParts {
  const iso = formatInstant(ms); // 2026-03-05T17:30:00+07:00
  return {
    year: iso.slice(0, 4),
    month: Number(iso.slice(5, 7)),
    day: iso.slice(8, 10),
    hour: iso.slice(11, 13),
    minute: iso.slice(14, 16),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 05/03/2026 */
export function dateShort(ms: number): string {
  const p = parts(ms);
  return `${p.day}/${pad2(p.month)}/${p.year}`;
}

/** 05/03/2026 17:30 */
export function dateTimeShort(ms: number): string {
  const p = parts(ms);
  return `${dateShort(ms)} ${p.hour}:${p.minute}`;
}

/** "ngày 05 tháng 3 năm 2026" */
export function dateWords(ms: number): string {
  const p = parts(ms);
  return `ngày ${p.day} tháng ${p.month < 3 ? pad2(p.month) : p.month} năm ${p.year}`;
}

/** "17 giờ 30 phút, ngày 05 tháng 3 năm 2026" (the appointment line of Form 01). */
export function appointmentText(ms: number): string {
  const p = parts(ms);
  return `${p.hour} giờ ${p.minute} phút, ${dateWords(ms)}`;
}

/** "Di Linh, ngày 02 tháng 3 năm 2026" */
export function placeDateLine(place: string, ms: number): string {
  return `${place}, ${dateWords(ms)}`;
}

/** The processing limit as a procedure lists it: "03 ngày làm việc", "Trong ngày", "08 giờ làm việc". */
export function limitText(value: number, unit: string): string {
  if (unit === 'working_day' && value === 0) return 'Trong ngày';
  const n = value < 10 ? pad2(value) : String(value);
  if (unit === 'working_hour') return `${n} giờ làm việc`;
  if (unit === 'calendar_day') return `${n} ngày`;
  return `${n} ngày làm việc`;
}

export const CHANNEL_LABEL: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính công ích',
};

export const COMPONENT_KIND_LABEL: Record<CatalogComponent['kind'], string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  original_or_copy: 'Bản chính hoặc bản sao',
  presented: 'Xuất trình',
};

export const STATUS_LABEL: Record<DossierStatus, string> = {
  submitted: 'Chờ tiếp nhận',
  intake_incomplete: 'Yêu cầu bổ sung (chưa tiếp nhận)',
  intake_refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  processing: 'Đang giải quyết',
  supplement_requested: 'Chờ bổ sung',
  awaiting_approval: 'Chờ phê duyệt',
  result_ready: 'Có kết quả, chờ trả',
  delivered: 'Đã trả kết quả',
  returned: 'Dừng, trả lại hồ sơ',
  withdrawn: 'Công dân rút hồ sơ',
};

export const RESOLUTION_LABEL: Record<string, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};
export const OUTCOME_LABEL: Record<string, string> = {
  approved: 'Giải quyết',
  refused: 'Từ chối giải quyết',
};
export const STOP_KIND_LABEL: Record<string, string> = {
  no_competence: 'Không thuộc thẩm quyền giải quyết',
  procedural_error: 'Hồ sơ có sai sót về thủ tục',
  applicant_request: 'Theo đề nghị dừng giải quyết của người nộp hồ sơ',
  other: 'Lý do khác',
  supplement_not_received: 'Quá thời hạn mà không nhận được hồ sơ bổ sung',
};

const UNIT_PREFIX: Partial<Record<UnitType, string>> = {
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
};

/** "Xã Di Linh" → "Di Linh" (the place in the date line). */
export function placeName(unitName: string): string {
  return unitName.replace(/^(xã|phường|đặc khu|thị trấn)\s+/iu, '').trim();
}

/** "Xã Di Linh" → "UBND XÃ DI LINH" (the first line of the agency block). */
export function committeeName(unitName: string, type: UnitType): string {
  const name =
    UNIT_PREFIX[type] && !/^(xã|phường|đặc khu)\s/iu.test(unitName)
      ? `${UNIT_PREFIX[type]} ${unitName}`
      : unitName;
  return `UBND ${name.toLocaleUpperCase('vi')}`;
}

/** The public lookup page the QR code opens. */
export function lookupUrl(base: string, code: string): string {
  return `${base.replace(/\/+$/, '')}/tra-cuu?code=${encodeURIComponent(code)}`;
}
