import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import type { CatalogProcedure } from './catalog-data/catalog.types.ts';
import { CATALOG_CODES_TO_VERIFY } from './catalog-data/index.ts';
import { toCatalogProcedure } from './procedure.model.ts';
import { ensureCatalog, getProcedure } from './procedure.service.ts';

/**
 * Issue 11, "Catalog": one row per rule, read back from the stored catalog (what intake and the API use), so each
 * rule is checked on SQLite and PostgreSQL. The citation each rule rests on is part of the row.
 */
interface Rule {
  rule: string;
  code: string;
  check: (p: CatalogProcedure) => void;
}

const LAND_AREAS = ['mountainous', 'border', 'island', 'hardship'];
const text = (p: CatalogProcedure) => [p.name, ...p.components.map((c) => c.name)].join(' | ');

const RULES: Rule[] = [
  {
    rule: 'marriage with a foreign party: 5 working days (Decree 120/2025 Appendix I.1.b)',
    code: '2.000806',
    check: (p) => {
      expect(p.limit).toEqual({ value: 5, unit: 'working_day' });
      expect(p.competence).toBe('commune');
      expect(p.legalBasis).toContain('Nghị định 120/2025/NĐ-CP');
    },
  },
  {
    rule: 'foreign-element recognition of parent/child at the commune: 10 working days incl. 5 days posting',
    code: '2.000779',
    check: (p) => {
      expect(p.limit).toEqual({ value: 10, unit: 'working_day' });
      expect(p.competence).toBe('commune');
      expect(p.name).toContain('có yếu tố nước ngoài');
      expect(p.legalBasis).toContain('Nghị định 120/2025/NĐ-CP');
      expect(CATALOG_CODES_TO_VERIFY).toContain(p.code);
    },
  },
  {
    rule: 'domestic marriage: no marital-status certificate when the registry can look it up (Decree 07/2025)',
    code: '1.000894',
    check: (p) => {
      const certificate = p.components.filter((c) => c.name.includes('xác nhận tình trạng hôn nhân'));
      expect(certificate).toHaveLength(1);
      expect(certificate[0]!.required).toBe(false);
      expect(certificate[0]!.name).toContain('không khai thác được');
      expect(p.legalBasis.join(' ')).toContain('Nghị định 07/2025/NĐ-CP');
    },
  },
  {
    rule: 'building permit, single house: 7 working days (Decree 217/2026 Art. 54)',
    code: '1.013225',
    check: (p) => {
      expect(p.limit).toEqual({ value: 7, unit: 'working_day' });
      expect(p.name).toContain('nhà ở riêng lẻ');
      expect(p.legalBasis.join(' ')).toContain('Nghị định 217/2026/NĐ-CP');
      expect(p.legalBasis).not.toContain('Nghị định 175/2024/NĐ-CP');
    },
  },
  {
    rule: 'building permit, other works: 10 working days (Decree 217/2026 Art. 54)',
    code: '1.013224',
    check: (p) => {
      expect(p.limit).toEqual({ value: 10, unit: 'working_day' });
      expect(p.legalBasis.join(' ')).toContain('Nghị định 217/2026/NĐ-CP');
    },
  },
  {
    rule: 'building permit adjustment: 9 working days (Decree 217/2026 Art. 54)',
    code: '1.013226',
    check: (p) => {
      expect(p.limit).toEqual({ value: 9, unit: 'working_day' });
      expect(p.name).toMatch(/^Điều chỉnh giấy phép xây dựng/);
    },
  },
  {
    rule: '3.000722 (Decree 63/2024): no ID card in the name or the components',
    code: '3.000722',
    check: (p) => {
      expect(text(p)).not.toMatch(/căn cước/i);
      expect(p.name).toContain('bảo hiểm y tế');
      expect(p.legalBasis).toContain('Nghị định 63/2024/NĐ-CP');
    },
  },
  {
    rule: 'first land certificate: 20 working days, 30 in mountainous, border, island or hardship communes',
    code: '1.013978',
    check: (p) => {
      expect(p.limit).toEqual({ value: 20, unit: 'working_day' });
      expect(p.areaLimit).toMatchObject({ value: 30, unit: 'working_day' });
      expect([...p.areaLimit!.areas].sort()).toEqual([...LAND_AREAS].sort());
      expect(p.areaLimit!.basis).toContain('2304/QĐ-BNNMT');
    },
  },
  {
    rule: 'death registration: same day, no verification extension (Law on Civil Status Art. 34)',
    code: '1.000656',
    check: (p) => {
      expect(p.limit).toEqual({ value: 0, unit: 'working_day', cutoff: '15:00' });
      expect(p.areaLimit).toBeUndefined();
    },
  },
  {
    rule: 'certification cites Decree 07/2025 (amending Decree 23/2015)',
    code: '2.000815',
    check: (p) => {
      expect(p.legalBasis[0]).toBe('Nghị định 23/2015/NĐ-CP');
      expect(p.legalBasis.join(' ')).toContain('Nghị định 07/2025/NĐ-CP');
    },
  },
];

for (const dialect of DIALECTS) {
  describe(`catalog after the 2025-2026 decrees on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await ensureCatalog(t.db, TEST_NOW);
    });
    afterAll(async () => t?.dispose());

    for (const r of RULES)
      it(`${r.code}: ${r.rule}`, async () => {
        r.check(toCatalogProcedure(await getProcedure(t.db, r.code)));
      });

    it('stores no area limit on procedures the law gives none', async () => {
      const rows = await t.db.selectFrom('procedures').select(['code', 'area_limit']).execute();
      expect(rows.filter((row) => row.area_limit !== null).map((row) => row.code)).toEqual(['1.013978']);
    });
  });
}
