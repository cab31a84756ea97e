/** Shared helpers and constants of the built-in commune catalog (see commune-procedures.ts). */
import type { CatalogComponent, CatalogProcedure } from './catalog.types.ts';

export type Limit = CatalogProcedure['limit'];
export type Steps = CatalogProcedure['steps'];

export const CUTOFF = '15:00';

/** "Ngay trong ngày; sau 15 giờ thì trả trong ngày làm việc tiếp theo". */
export const sameDay = (): Limit => ({ value: 0, unit: 'working_day', cutoff: CUTOFF });
export const workingDays = (value: number): Limit => ({ value, unit: 'working_day' });
export const calendarDays = (value: number): Limit => ({ value, unit: 'calendar_day' });

/** Counter procedures signed at once (chứng thực, trích lục). */
export const counterSteps = (): Steps => [
  { key: 'receive', share: 0.1 },
  { key: 'appraise', share: 0.4 },
  { key: 'sign', share: 0.4 },
  { key: 'return', share: 0.1 },
];
/** Ordinary procedures: officer appraises, the leader approves and signs. */
export const standardSteps = (): Steps => [
  { key: 'receive', share: 0.05 },
  { key: 'assign', share: 0.05 },
  { key: 'appraise', share: 0.5 },
  { key: 'approve', share: 0.2 },
  { key: 'sign', share: 0.1 },
  { key: 'return', share: 0.1 },
];
/** Long procedures with verification, posting (niêm yết) or a council. */
export const longSteps = (): Steps => [
  { key: 'receive', share: 0.05 },
  { key: 'assign', share: 0.05 },
  { key: 'appraise', share: 0.6 },
  { key: 'approve', share: 0.15 },
  { key: 'sign', share: 0.1 },
  { key: 'return', share: 0.05 },
];

export const doc = (
  name: string,
  kind: CatalogComponent['kind'] = 'original',
  extra: { copies?: number; form?: string; required?: boolean } = {},
): CatalogComponent => ({
  name,
  copies: extra.copies ?? 1,
  kind,
  ...(extra.form === undefined ? {} : { form: extra.form }),
  required: extra.required ?? true,
});

export const optional = (name: string, kind: CatalogComponent['kind'] = 'original'): CatalogComponent =>
  doc(name, kind, { required: false });

// ---------------------------------------------------------------------------------------------------------
// Shared wording
// ---------------------------------------------------------------------------------------------------------
export const UBND_XA = 'Ủy ban nhân dân cấp xã';
export const CHU_TICH_XA = 'Chủ tịch Ủy ban nhân dân cấp xã';
export const HT_FORMS = 'Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP)';
export const ID_PRESENTED = doc(
  'Giấy tờ tùy thân (hộ chiếu, thẻ căn cước hoặc giấy tờ có ảnh do cơ quan có thẩm quyền cấp, còn giá trị sử dụng) của người yêu cầu',
  'presented',
);
export const RESIDENCE_OPTIONAL = optional(
  'Giấy tờ chứng minh nơi cư trú (khi cơ quan đăng ký hộ tịch không khai thác được thông tin cư trú)',
  'presented',
);
export const AUTHORISATION_OPTIONAL = optional(
  'Văn bản ủy quyền theo quy định (trường hợp ủy quyền thực hiện thủ tục; không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)',
);

export const HO_TICH_BASIS = [
  'Luật Hộ tịch 2014',
  'Nghị định 123/2015/NĐ-CP (sửa đổi bởi Nghị định 07/2025/NĐ-CP)',
  'Thông tư 04/2020/TT-BTP',
  'Thông tư 85/2019/TT-BTC',
  'Nghị định 120/2025/NĐ-CP',
];
export const HO_TICH_SOURCE =
  'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực hộ tịch của Bộ Tư pháp); thẩm quyền cấp xã theo Nghị định 120/2025/NĐ-CP';
export const HO_TICH_DATE = '2025-06-11'; // Nghị định 120/2025/NĐ-CP, 11/6/2025

export const HDND_FEE = 'Lệ phí theo mức thu do Hội đồng nhân dân cấp tỉnh quy định';
export const HT_EXEMPT =
  'miễn lệ phí cho người thuộc gia đình có công với cách mạng, người thuộc hộ nghèo, người khuyết tật';

export const CHUNG_THUC_BASIS = [
  'Nghị định 23/2015/NĐ-CP',
  'Nghị định 07/2025/NĐ-CP (09/01/2025, sửa đổi các nghị định về hộ tịch, quốc tịch, chứng thực)',
  'Thông tư 01/2020/TT-BTP',
  'Thông tư 226/2016/TT-BTC',
  'Nghị định 120/2025/NĐ-CP',
];
export const CHUNG_THUC_SOURCE =
  'Cổng Dịch vụ công quốc gia (bộ TTHC lĩnh vực chứng thực của Bộ Tư pháp); thẩm quyền theo Nghị định 23/2015/NĐ-CP và Nghị định 120/2025/NĐ-CP';
export const COPY_FEE = {
  amount: 2000,
  text: '2.000 đồng/trang; từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa không quá 200.000 đồng/bản',
};

export const BTXH_BASIS = [
  'Luật Người cao tuổi 2009',
  'Luật Người khuyết tật 2010',
  'Nghị định 20/2021/NĐ-CP',
];
export const HKD_BASIS = ['Luật Doanh nghiệp 2020', 'Nghị định 168/2025/NĐ-CP'];
export const HKD_SOURCE =
  'Cổng Dịch vụ công quốc gia; cơ quan đăng ký kinh doanh cấp xã theo Nghị định 168/2025/NĐ-CP';
export const HKD_DATE = '2025-06-30'; // Nghị định 168/2025/NĐ-CP, 30/6/2025

// ---------------------------------------------------------------------------------------------------------
// Hộ tịch
// ---------------------------------------------------------------------------------------------------------
