/**
 * Types of the built-in procedure catalog (danh mục thủ tục hành chính).
 * Other modules code against these shapes: change them only together with their users.
 */
import type { AreaLimit } from '../../../shared/area/area-limit.ts';

/** Who decides: the commune, the province, a delegated body, or a vertical sector (police, tax, social insurance). */
export type Competence = 'commune' | 'province' | 'delegated' | 'vertical';

/** Unit of a processing limit; see DOMAIN.md section 3 (D2-D5). */
export type LimitUnit = 'working_day' | 'working_hour' | 'calendar_day';

/** Area classes and area limits: see src/shared/area/area-limit.ts. */
export type { AreaClass, AreaLimit } from '../../../shared/area/area-limit.ts';

/** Internal processing steps that share the limit. */
export type StepKey = 'receive' | 'assign' | 'appraise' | 'approve' | 'sign' | 'return';

export interface CatalogComponent {
  /** Vietnamese, as published ("Tờ khai đăng ký khai sinh theo mẫu"). */
  name: string;
  /** Số lượng. */
  copies: number;
  /** Bản chính / bản sao / bản chính hoặc bản sao / xuất trình. */
  kind: 'original' | 'copy' | 'original_or_copy' | 'presented';
  /** Form template code if any, e.g. "Mẫu TP/HT-2020-KS.1" or a Circular reference. */
  form?: string;
  required: boolean;
}

export interface CatalogProcedure {
  /** National code from the National Public Service Portal (Cổng DVC quốc gia), e.g. "1.001193". */
  code: string;
  /** Official Vietnamese name. */
  name: string;
  /** Lĩnh vực, one of CATALOG_FIELDS. */
  field: string;
  competence: Competence;
  /** E.g. "Ủy ban nhân dân cấp xã", "Sở Nông nghiệp và Môi trường", "Công an cấp xã". */
  competentAgency: string;
  /** value 0 + working_day = same day ("trong ngày"), with an optional cut-off such as "15:00". */
  limit: { value: number; unit: LimitUnit; cutoff?: string };
  /** A longer limit for mountainous, border, island or hardship communes, when the law grants one. */
  areaLimit?: AreaLimit;
  /** amount in VND (0 = free / miễn lệ phí); text as published. */
  fee: { amount: number; text: string };
  components: CatalogComponent[];
  /** DVC trực tuyến toàn trình / một phần. */
  onlineLevel: 'full' | 'partial';
  /** Share of the limit allotted to each internal step; shares sum to 1. */
  steps: { key: StepKey; share: number }[];
  /** E.g. ["Luật Hộ tịch 2014", "Nghị định 123/2015/NĐ-CP", "Thông tư 04/2020/TT-BTP"]. */
  legalBasis: string[];
  /** Where the data comes from (decision announcing the procedure set, or the portal). */
  source: string;
  /** YYYY-MM-DD of that source. */
  sourceDate: string;
  /** Citizen words that should find it ("làm giấy khai sinh", "đăng ký kết hôn"). */
  keywords?: string[];
}
