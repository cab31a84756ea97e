import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { applyUnitChangeSet, type TUnitChangeSet } from './unit.changeset.ts';
import { getUnit } from './unit.service.ts';
import { openImportedDb } from './unit.test-helpers.ts';

const LAM_DONG = 'Quyết định 2284/QĐ-UBND ngày 25/11/2025 của Ủy ban nhân dân tỉnh Lâm Đồng';

/**
 * Issue 11: a unit version carries its area classification (mountainous, border, island, hardship) and the act that
 * made it. The national import applies the shipped classification (Di Linh, Gia Hiệp); a later change set sets or
 * clears it as a new version, never in place.
 */
for (const dialect of DIALECTS) {
  describe(`area classification of units on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      ({ t } = await openImportedDb(dialect));
    });
    afterAll(async () => t?.dispose());

    const cases = [
      { code: '25000', name: 'Xã Di Linh', classes: ['mountainous'], source: LAM_DONG },
      { code: '25015', name: 'Xã Gia Hiệp', classes: ['mountainous'], source: LAM_DONG },
      { code: '00004', name: 'Phường Ba Đình', classes: [], source: null },
      { code: '68', name: 'Tỉnh Lâm Đồng', classes: [], source: null },
    ];
    for (const c of cases)
      it(`imports ${c.name} with classes [${c.classes.join(', ')}]`, async () => {
        const unit = await getUnit(t.db, c.code, { asOf: '2026-01-01' });
        expect(unit.name).toBe(c.name);
        expect(unit.areaClasses).toEqual(c.classes);
        expect(unit.areaClassSource).toBe(c.source);
      });

    const apply = (set: TUnitChangeSet) =>
      t.db.transaction().execute((trx) => applyUnitChangeSet(trx, set, { now: TEST_NOW }));

    it('refuses a classification without the act that made it', async () => {
      await expect(
        apply({
          id: 'no-source',
          name: 'Phân loại không căn cứ',
          effectiveDate: '2026-02-01',
          source: 'test',
          changes: [{ kind: 'update', code: '00004', profile: { areaClasses: ['island'] } }],
        }),
      ).rejects.toThrow(/rule\.areaClassSource/);
    });

    it('sets a classification as a new version, keeps it through later changes, and clears it', async () => {
      await apply({
        id: 'ba-dinh-hardship',
        name: 'Phân loại xã khó khăn (thử)',
        effectiveDate: '2026-02-01',
        source: 'synthetic test decision',
        changes: [
          {
            kind: 'update',
            code: '00004',
            profile: { areaClasses: ['hardship'], areaClassSource: 'Quyết định thử số 1' },
          },
        ],
      });
      expect((await getUnit(t.db, '00004', { asOf: '2026-01-31' })).areaClasses).toEqual([]);
      const classified = await getUnit(t.db, '00004', { asOf: '2026-02-01' });
      expect(classified).toMatchObject({ areaClasses: ['hardship'], areaClassSource: 'Quyết định thử số 1' });

      await apply({
        id: 'ba-dinh-population',
        name: 'Số liệu mới (thử)',
        effectiveDate: '2026-03-01',
        source: 'test',
        changes: [{ kind: 'update', code: '00004', profile: { population: 1000 } }],
      });
      expect(await getUnit(t.db, '00004', { asOf: '2026-03-01' })).toMatchObject({
        population: 1000,
        areaClasses: ['hardship'],
      });

      await apply({
        id: 'ba-dinh-cleared',
        name: 'Bỏ phân loại (thử)',
        effectiveDate: '2026-04-01',
        source: 'test',
        changes: [{ kind: 'update', code: '00004', profile: { areaClasses: [] } }],
      });
      expect(await getUnit(t.db, '00004', { asOf: '2026-04-01' })).toMatchObject({
        areaClasses: [],
        areaClassSource: null,
      });
      const versions = await t.db
        .selectFrom('unit_versions')
        .select(['valid_from', 'area_classes'])
        .where('code', '=', '00004')
        .orderBy('valid_from')
        .execute();
      expect(versions.map((v) => [v.valid_from, JSON.parse(v.area_classes)])).toEqual([
        ['2025-07-01', []],
        ['2026-02-01', ['hardship']],
        ['2026-03-01', ['hardship']],
        ['2026-04-01', []],
      ]);
    });
  });
}
