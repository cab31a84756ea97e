import type { AreaClass } from '../../shared/area/area-limit.ts';

/**
 * Reference data shipped with MộtCửa and applied on import: the published profile of a commune (area,
 * population, share of ethnic minorities) and the former units it is known to be made of. The import checks
 * the package's lineage against `formerUnits` and corrects it (reporting the correction) when they differ.
 */
export interface ReferenceFormerUnit {
  code: string;
  name: string;
  districtName: string | null;
  provinceName: string | null;
}

export interface UnitProfile {
  areaKm2: number;
  population: number;
  /** Percent, 0-100. */
  ethnicMinorityShare: number;
}

/** How the province classified the commune for area limits, and the act that did it. */
export interface UnitAreaClassification {
  classes: AreaClass[];
  source: string;
}

export interface UnitReference {
  code: string;
  name: string;
  provinceCode: string;
  /** The complete list of former units; null when the reference says nothing about lineage. */
  formerUnits: ReferenceFormerUnit[] | null;
  profile: UnitProfile | null;
  areaClassification?: UnitAreaClassification;
  source: string;
}

const DI_LINH = { districtName: 'Huyện Di Linh', provinceName: 'Tỉnh Lâm Đồng' };

/**
 * Di Linh and Gia Hiệp are mountainous communes: Quyết định 2284/QĐ-UBND ngày 25/11/2025 of the Lâm Đồng People's
 * Committee, as cited in issue 11. verify: the decision's text could not be read (docs/UNITS.md).
 */
const LAM_DONG_MOUNTAINOUS: UnitAreaClassification = {
  classes: ['mountainous'],
  source: 'Quyết định 2284/QĐ-UBND ngày 25/11/2025 của Ủy ban nhân dân tỉnh Lâm Đồng',
};

export const UNIT_REFERENCES: readonly UnitReference[] = [
  {
    code: '25015',
    name: 'Xã Gia Hiệp',
    provinceCode: '68',
    formerUnits: [
      { code: '25015', name: 'Xã Gia Hiệp', ...DI_LINH },
      { code: '25021', name: 'Xã Tam Bố', ...DI_LINH },
    ],
    profile: { areaKm2: 324.43, population: 21_462, ethnicMinorityShare: 33.58 },
    areaClassification: LAM_DONG_MOUNTAINOUS,
    source: "DOMAIN.md §1 (the commune's published profile, 2025)",
  },
  {
    code: '25000',
    name: 'Xã Di Linh',
    provinceCode: '68',
    formerUnits: [
      { code: '25000', name: 'Thị trấn Di Linh', ...DI_LINH },
      { code: '25009', name: 'Xã Tân Châu', ...DI_LINH },
      { code: '25027', name: 'Xã Liên Đầm', ...DI_LINH },
      { code: '25030', name: 'Xã Gung Ré', ...DI_LINH },
    ],
    // 26,828 ha = 268.28 km²
    profile: { areaKm2: 268.28, population: 64_179, ethnicMinorityShare: 35.4 },
    areaClassification: LAM_DONG_MOUNTAINOUS,
    source: "DOMAIN.md §1 (the commune's published profile, 2025)",
  },
  {
    code: '23938',
    name: 'Xã Ia Mơ',
    provinceCode: '52',
    formerUnits: [
      { code: '23938', name: 'Xã Ia Mơ', districtName: 'Huyện Chư Prông', provinceName: 'Tỉnh Gia Lai' },
    ],
    profile: null,
    source:
      'Resolution 1664/NQ-UBTVQH15 Art. 1.127 (Ia Mơ is one of the 9 Gia Lai communes not rearranged); ' +
      'code 23938 per the official correction of the 1027/CTK-CSCL list (23737 was Ia Mơ Nông, now in Ia Ly)',
  },
];
