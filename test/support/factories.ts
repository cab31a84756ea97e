import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { foldVietnamese } from '../../src/shared/text/fold.ts';

export const TEST_CHANGE_SET = 'test-units';

/** Inserts current units without the full national import (fast unit tests). */
export async function insertUnits(
  db: Kysely<Database>,
  units: {
    code: string;
    name: string;
    provinceCode: string;
    type?: string;
    areaKm2?: number;
    population?: number;
    ethnicMinorityShare?: number;
    areaClasses?: string[];
    areaClassSource?: string;
  }[],
): Promise<void> {
  await db
    .insertInto('unit_change_sets')
    .values({
      id: TEST_CHANGE_SET,
      name: 'test',
      effective_date: '2025-07-01',
      source: 'test',
      report: '{}',
      imported_at: 0,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('unit_versions')
    .values(
      units.map((u) => ({
        id: `${u.code}@2025-07-01`,
        code: u.code,
        name: u.name,
        name_folded: foldVietnamese(u.name),
        type: u.type ?? (u.code.length === 2 ? 'province' : 'commune'),
        province_code: u.provinceCode,
        valid_from: '2025-07-01',
        valid_to: null,
        change_set_id: TEST_CHANGE_SET,
        area_km2: u.areaKm2 ?? null,
        population: u.population ?? null,
        ethnic_minority_share: u.ethnicMinorityShare ?? null,
        area_classes: JSON.stringify(u.areaClasses ?? []),
        area_class_source: u.areaClassSource ?? null,
      })),
    )
    .execute();
}

const LAM_DONG_MOUNTAINOUS = {
  areaClasses: ['mountainous'],
  areaClassSource: 'Quyết định 2284/QĐ-UBND ngày 25/11/2025 của Ủy ban nhân dân tỉnh Lâm Đồng',
};

export const LAM_DONG_SAMPLE = [
  { code: '68', name: 'Tỉnh Lâm Đồng', provinceCode: '68' },
  // Mountainous communes: Quyết định 2284/QĐ-UBND ngày 25/11/2025 of Lâm Đồng (src/server/units/unit.profiles.ts)
  { code: '25000', name: 'Xã Di Linh', provinceCode: '68', ...LAM_DONG_MOUNTAINOUS },
  { code: '25015', name: 'Xã Gia Hiệp', provinceCode: '68', ...LAM_DONG_MOUNTAINOUS },
  { code: '01', name: 'Thành phố Hà Nội', provinceCode: '01', type: 'city' },
  { code: '00004', name: 'Phường Ba Đình', provinceCode: '01', type: 'ward' },
];
