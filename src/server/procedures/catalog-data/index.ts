/**
 * Built-in procedure catalog: typed seed data for the procedure module and the competence assistant.
 * Administrators edit fees, limits and agencies per province after import; this data is a starting point.
 */
import type { CatalogProcedure } from './catalog.types.ts';
import { COMMUNE_PROCEDURES } from './commune-procedures.ts';
import { OTHER_AGENCY_PROCEDURES } from './other-agency-procedures.ts';

export type { CatalogComponent, CatalogProcedure, Competence, LimitUnit, StepKey } from './catalog.types.ts';
export { COMMUNE_PROCEDURES } from './commune-procedures.ts';
export { OTHER_AGENCY_PROCEDURES } from './other-agency-procedures.ts';

/** Every catalog entry: commune-level first, then provincial and vertical-sector ones. */
export const ALL_CATALOG_PROCEDURES: readonly CatalogProcedure[] = [
  ...COMMUNE_PROCEDURES,
  ...OTHER_AGENCY_PROCEDURES,
];

/**
 * Fields of work (lĩnh vực) used by the catalog, spelled as on the National Public Service Portal where a
 * portal name exists. Reports group dossiers by these strings (Biểu 06, Circular 01/2020/TT-VPCP).
 */
export const CATALOG_FIELDS = [
  'Hộ tịch',
  'Nuôi con nuôi',
  'Chứng thực',
  'Bảo trợ xã hội',
  'Người có công',
  'Giảm nghèo',
  'Đất đai',
  'Đăng ký biện pháp bảo đảm',
  'Thành lập và hoạt động của hộ kinh doanh',
  'Thành lập và hoạt động doanh nghiệp',
  'Hoạt động xây dựng',
  'Giáo dục và Đào tạo',
  'Văn hóa cơ sở',
  'Tài nguyên nước',
  'Đăng ký, quản lý cư trú',
  'Căn cước',
  'Quản lý xuất nhập cảnh',
  'Lý lịch tư pháp',
  'Giấy phép lái xe',
  'Việc làm',
  'Bảo hiểm xã hội',
] as const;

export type CatalogField = (typeof CATALOG_FIELDS)[number];

/**
 * Entries whose national code or official name could not be checked against a published source when the
 * catalog was compiled (each carries a `// verify` comment in the data, as do individual limits and fees).
 * Administrators confirm them against the province's decision announcing its procedure set.
 */
export const CATALOG_CODES_TO_VERIFY: readonly string[] = [
  '2.000913',
  '2.000927',
  '2.000751',
  '1.013967',
  '1.000954',
  '1.011607',
  '2.000200',
  '3.000347',
  '2.001610',
  '1.009972',
  '1.001978',
  '1.001613',
  '2.000779',
  '1.013224',
  '1.013226',
];

export const CATALOG_SOURCE_NOTE =
  'Danh mục thủ tục mẫu được biên soạn ngày 29/11/2026 từ bộ thủ tục hành chính công bố trên Cổng Dịch vụ công ' +
  'quốc gia và Cổng Dịch vụ công Bộ Công an (mã thủ tục quốc gia), đối chiếu với văn bản quy định thẩm quyền ' +
  'của chính quyền địa phương hai cấp từ ngày 01/7/2025 (Nghị định 118/2025/NĐ-CP, 120/2025/NĐ-CP, ' +
  '121/2025/NĐ-CP, 151/2025/NĐ-CP, 168/2025/NĐ-CP) và văn bản chuyên ngành (Luật Hộ tịch, Nghị định ' +
  '123/2015/NĐ-CP, Nghị định 23/2015/NĐ-CP, Thông tư 226/2016/TT-BTC, Luật Cư trú, Luật Đất đai 2024...). ' +
  'Mỗi thủ tục ghi nguồn và ngày của nguồn. Thời hạn giải quyết là thời hạn luật định hoặc đã công bố; tỉnh có ' +
  'thể công bố thời hạn ngắn hơn theo chương trình cắt giảm thời gian giải quyết thủ tục hành chính. Nhiều khoản ' +
  'phí, lệ phí (hộ tịch, đăng ký hộ kinh doanh, cấp Giấy chứng nhận quyền sử dụng đất, giấy phép xây dựng...) ' +
  'do Hội đồng nhân dân cấp tỉnh quyết định bằng nghị quyết: các con số ghi ở đây là mức thường gặp hoặc mặc ' +
  'định, quản trị viên phải chỉnh theo nghị quyết của tỉnh mình trước khi sử dụng. Các mã còn cần đối chiếu ' +
  'được liệt kê trong CATALOG_CODES_TO_VERIFY.';
