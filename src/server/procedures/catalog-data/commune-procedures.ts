/**
 * Commune-level procedures (thẩm quyền cấp xã) commonly handled at a commune Public Administrative
 * Service Centre under the two-tier local government model (from 1 July 2025).
 *
 * Codes are the national codes of the National Public Service Portal (Cổng Dịch vụ công quốc gia).
 * Where a code, limit or name could not be checked against a published source while compiling, the entry
 * carries a `// verify` comment; fees set by provincial People's Council resolutions are typical defaults
 * (see CATALOG_SOURCE_NOTE in index.ts). Processing limits are the statutory/published ones; the 2025-2026
 * programme of cutting processing times (Nghị quyết 66/NQ-CP 2025) lets provinces publish shorter ones.
 */
import type { CatalogProcedure } from './catalog.types.ts';
import { HO_TICH } from './commune-civil-status.ts';
import { CHUNG_THUC } from './commune-certification.ts';
import { XA_HOI } from './commune-social.ts';
import { DAT_DAI, HO_KINH_DOANH, KHAC } from './commune-land-business-other.ts';

/** Common commune-level procedures (competence 'commune' or 'delegated'). */
export const COMMUNE_PROCEDURES: CatalogProcedure[] = [
  ...HO_TICH,
  ...CHUNG_THUC,
  ...XA_HOI,
  ...DAT_DAI,
  ...HO_KINH_DOANH,
  ...KHAC,
];
