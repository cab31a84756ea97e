import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDb } from '../../../test/support/db.ts';
import {
  findUnitByCode,
  findUnits,
  getUnit,
  isUnitInProvince,
  listProvinces,
  resolveUnitCode,
} from './unit.service.ts';
import { AS_OF_NOW, openImportedDb } from './unit.test-helpers.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { TEST_TODAY } from '../../../test/support/clock.ts';

const asOf = AS_OF_NOW;

for (const dialect of DIALECTS) {
  describe(`units service on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      ({ t } = await openImportedDb(dialect));
    });
    afterAll(async () => t?.dispose());

    it('gets a current commune with its province, former units and profile', async () => {
      const unit = await getUnit(t.db, '25015', { asOf });
      expect(unit).toMatchObject({
        code: '25015',
        name: 'Xã Gia Hiệp',
        type: 'commune',
        provinceCode: '68',
        provinceName: 'Tỉnh Lâm Đồng',
        areaKm2: 324.43,
        population: 21462,
        ethnicMinorityShare: 33.58,
      });
      expect(unit.resolvedFrom).toBeUndefined();
      expect(unit.formerUnits.map((f) => [f.code, f.name])).toEqual([
        ['25015', 'Xã Gia Hiệp'],
        ['25021', 'Xã Tam Bố'],
      ]);
      const diLinh = await getUnit(t.db, '25000', { asOf });
      expect(diLinh.formerUnits.map((f) => f.code)).toEqual(['25000', '25009', '25027', '25030']);
      expect(diLinh).toMatchObject({ areaKm2: 268.28, population: 64179, ethnicMinorityShare: 35.4 });
    });

    it('resolves a former code to the current unit, marked; a current code wins over a former one', async () => {
      const tamBo = await getUnit(t.db, '25021', { asOf });
      expect(tamBo).toMatchObject({ code: '25015', name: 'Xã Gia Hiệp', resolvedFrom: '25021' });
      const gungRe = await findUnitByCode(t.db, '25030', { asOf });
      expect(gungRe).toMatchObject({ code: '25000', resolvedFrom: '25030' });
      expect((await getUnit(t.db, '25015', { asOf })).resolvedFrom).toBeUndefined();
      // Ia Mơ Nông's code (the package's wrong Ia Mơ code) resolves to Ia Ly, not to Ia Mơ.
      expect(await findUnitByCode(t.db, '23737', { asOf })).toMatchObject({
        code: '23734',
        resolvedFrom: '23737',
      });
      // A split former unit resolves to the current unit that received it whole (Dịch Vọng → Cầu Giấy).
      expect(await findUnitByCode(t.db, '00167', { asOf })).toMatchObject({
        code: '00166',
        resolvedFrom: '00167',
      });
    });

    it('throws NOT_FOUND for an unknown code', async () => {
      await expect(getUnit(t.db, '99999', { asOf })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        status: 404,
      });
      expect(await findUnitByCode(t.db, '99999', { asOf })).toBeNull();
    });

    it('lists the 34 provinces by code', async () => {
      const provinces = await listProvinces(t.db, { asOf });
      expect(provinces).toHaveLength(34);
      expect(provinces[0]).toMatchObject({
        code: '01',
        name: 'Thành phố Hà Nội',
        type: 'city',
        provinceCode: '01',
      });
      expect(provinces.find((p) => p.code === '68')).toMatchObject({
        name: 'Tỉnh Lâm Đồng',
        type: 'province',
      });
      expect((await getUnit(t.db, '68', { asOf })).name).toBe('Tỉnh Lâm Đồng');
    });

    it('lists every commune of a province sorted by Vietnamese name, with former units', async () => {
      const units = await findUnits(t.db, { province: '68', asOf });
      expect(units).toHaveLength(124);
      const names = units.map((u) => u.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
      expect(units.find((u) => u.code === '25015')?.formerUnits).toHaveLength(2);
      expect(await findUnits(t.db, { province: '68', type: 'ward', asOf })).toSatisfy(
        (l: unknown[]) => l.length > 0,
      );
    });

    it.each(['di linh', 'DI LINH', 'Đi Linh', 'Dí Lính', '  xã di   linh '])(
      'finds Xã Di Linh by "%s"',
      async (q) => {
        const units = await findUnits(t.db, { q, asOf });
        expect(units[0]).toMatchObject({ code: '25000', name: 'Xã Di Linh' });
        expect(units[0]?.matchedFormerUnit).toBeUndefined();
      },
    );

    it('finds by "gia hiep" and by a code', async () => {
      expect((await findUnits(t.db, { q: 'gia hiep', asOf }))[0]?.code).toBe('25015');
      expect((await findUnits(t.db, { q: '25021', asOf })).map((u) => [u.code, u.resolvedFrom])).toEqual([
        ['25015', '25021'],
      ]);
    });

    it('finds the current unit by a former unit name, marked with the former unit', async () => {
      const units = await findUnits(t.db, { q: 'tam bo', province: '68', asOf });
      const giaHiep = units.find((u) => u.code === '25015');
      expect(giaHiep?.matchedFormerUnit).toMatchObject({ code: '25021', name: 'Xã Tam Bố' });
      const byLienDam = await findUnits(t.db, { q: 'Liên Đầm', asOf });
      expect(byLienDam.map((u) => u.code)).toContain('25000');
    });

    it('filters the search by province and type, and limits', async () => {
      const wards = await findUnits(t.db, { q: 'phuong', type: 'ward', province: '79', limit: 5, asOf });
      expect(wards).toHaveLength(5);
      expect(wards.every((u) => u.type === 'ward' && u.provinceCode === '79')).toBe(true);
      expect(await findUnits(t.db, { q: 'di linh', province: '01', asOf })).toEqual([]);
      expect(await findUnits(t.db, { q: '100%_', asOf })).toEqual([]);
    });

    it('resolves codes for the legacy import (current, former, missing zeros) and checks provinces', async () => {
      expect(await resolveUnitCode(t.db, '25015', { asOf })).toBe('25015');
      expect(await resolveUnitCode(t.db, '25027', { asOf })).toBe('25000');
      expect(await resolveUnitCode(t.db, '4', { asOf })).toBeNull();
      expect(await resolveUnitCode(t.db, '166', { asOf })).toBe('00166');
      expect(await resolveUnitCode(t.db, '68', { asOf })).toBeNull();
      expect(await resolveUnitCode(t.db, 'abc', { asOf })).toBeNull();
      expect(await resolveUnitCode(t.db, '99999', { asOf })).toBeNull();
      expect(await isUnitInProvince(t.db, '25015', '68', { asOf })).toBe(true);
      expect(await isUnitInProvince(t.db, '25021', '68', { asOf })).toBe(true);
      expect(await isUnitInProvince(t.db, '25015', '79', { asOf })).toBe(false);
    });

    it('knows nothing before the 2025 reorganisation took effect', async () => {
      expect(await findUnitByCode(t.db, '25015', { asOf: '2025-06-30' })).toBeNull();
      expect(await findUnitByCode(t.db, '25015', { asOf: TEST_TODAY })).not.toBeNull(); // today
    });
  });
}

describe('todayInVietnam', () => {
  it('uses UTC+7', () => {
    expect(todayInVietnam(Date.UTC(2026, 3, 29, 16, 59))).toBe('2026-04-29');
    expect(todayInVietnam(Date.UTC(2026, 3, 29, 17, 0))).toBe('2026-04-30');
  });
});
