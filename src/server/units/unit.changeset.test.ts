import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDb } from '../../../test/support/db.ts';
import { applyUnitChangeSet, type TUnitChangeSet } from './unit.changeset.ts';
import { findUnitByCode, findUnits, getUnit } from './unit.service.ts';
import { openImportedDb } from './unit.test-helpers.ts';
import type { UnitVersionRow } from './unit.table.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const D = '2026-04-30';
const AFTER = { asOf: '2026-05-01' };
const BEFORE = { asOf: '2026-04-29' };

for (const dialect of DIALECTS) {
  describe(`a later change set on ${dialect}`, () => {
    let t: TestDb;
    let a: UnitVersionRow, b: UnitVersionRow, c: UnitVersionRow, d: UnitVersionRow;
    let before: UnitVersionRow[];
    let changeSet: TUnitChangeSet;

    beforeAll(async () => {
      ({ t } = await openImportedDb(dialect));
      // Four Đồng Nai communes (xã) that were each formed from several coded former units.
      const merged = await t.db
        .selectFrom('unit_lineage')
        .select('current_code')
        .where('former_code', 'is not', null)
        .whereRef('former_code', '!=', 'current_code')
        .execute();
      const withFormers = new Set(merged.map((r) => r.current_code));
      const dongNai = await t.db
        .selectFrom('unit_versions')
        .selectAll()
        .where('province_code', '=', '75')
        .where('type', '=', 'commune')
        .orderBy('code')
        .execute();
      [a, b, c, d] = dongNai.filter((v) => withFormers.has(v.code)) as [
        UnitVersionRow,
        UnitVersionRow,
        UnitVersionRow,
        UnitVersionRow,
      ];
      before = await t.db.selectFrom('unit_versions').selectAll().orderBy('id').execute();
      changeSet = {
        id: 'dong-nai-2026-04-30',
        name: 'Điều chỉnh đơn vị hành chính cấp xã tỉnh Đồng Nai (thử)',
        effectiveDate: D,
        source: 'synthetic test change',
        changes: [
          {
            kind: 'merge',
            from: [a.code, b.code],
            into: { code: a.code, profile: { areaKm2: 200.5, population: 40000 } },
          },
          { kind: 'rename', code: c.code, name: c.name.replace(/^Xã /, 'Phường ') },
          { kind: 'add', code: '99001', name: 'Xã Thử Nghiệm', provinceCode: '75' },
          { kind: 'update', code: d.code, profile: { population: 12345 } },
        ],
      };
    });
    afterAll(async () => t?.dispose());

    it('closes the affected versions and opens new ones, in one transaction', async () => {
      const outcome = await t.db
        .transaction()
        .execute((trx) => applyUnitChangeSet(trx, changeSet, { now: TEST_NOW }));
      expect(outcome.status).toBe('applied');
      expect(outcome.closed.sort()).toEqual([a, b, c, d].map((v) => v.id).sort());
      expect(outcome.opened.sort()).toEqual(
        [`${a.code}@${D}`, `${c.code}@${D}`, `${d.code}@${D}`, `99001@${D}`].sort(),
      );
      const closed = await t.db
        .selectFrom('unit_versions')
        .selectAll()
        .where('valid_to', '=', D)
        .orderBy('id')
        .execute();
      expect(closed.map((v) => v.id)).toEqual(outcome.closed.sort());
    });

    it('never edits history: old versions keep every field but valid_to', async () => {
      const after = await t.db
        .selectFrom('unit_versions')
        .selectAll()
        .where('valid_from', '<', D)
        .orderBy('id')
        .execute();
      const strip = (v: UnitVersionRow) => ({
        ...v,
        valid_to: null,
        area_km2: Number(v.area_km2),
        population: Number(v.population),
      });
      expect(after.map(strip)).toEqual(before.map(strip));
    });

    it('answers for the right date: before and after the change', async () => {
      expect(await findUnitByCode(t.db, b.code, BEFORE)).toMatchObject({ code: b.code, name: b.name });
      expect(await findUnitByCode(t.db, b.code, AFTER)).toMatchObject({ code: a.code, resolvedFrom: b.code });
      const merged = await getUnit(t.db, a.code, AFTER);
      expect(merged).toMatchObject({
        name: a.name,
        areaKm2: 200.5,
        population: 40000,
        ethnicMinorityShare: null,
      });
      expect(merged.formerUnits.map((f) => f.code)).toContain(b.code);
      expect(await getUnit(t.db, c.code, AFTER)).toMatchObject({
        type: 'ward',
        name: c.name.replace(/^Xã /, 'Phường '),
      });
      expect(await getUnit(t.db, c.code, BEFORE)).toMatchObject({ type: 'commune', name: c.name });
      expect((await getUnit(t.db, d.code, AFTER)).population).toBe(12345);
      expect(await findUnitByCode(t.db, '99001', BEFORE)).toBeNull();
      expect(await getUnit(t.db, '99001', AFTER)).toMatchObject({
        name: 'Xã Thử Nghiệm',
        type: 'commune',
        provinceCode: '75',
      });
      expect(await findUnits(t.db, { province: '75', ...AFTER })).toHaveLength(95);
    });

    it('follows lineage through both change sets (2025 former unit → merged in 2026)', async () => {
      const former = await t.db
        .selectFrom('unit_lineage')
        .select('former_code')
        .where('current_code', '=', b.code)
        .where('former_code', '!=', b.code)
        .where('effective_from', '=', '2025-07-01')
        .executeTakeFirstOrThrow();
      const code = former.former_code ?? '';
      expect(await findUnitByCode(t.db, code, BEFORE)).toMatchObject({ code: b.code, resolvedFrom: code });
      expect(await findUnitByCode(t.db, code, AFTER)).toMatchObject({ code: a.code, resolvedFrom: code });
    });

    it('finds a renamed unit by its former name', async () => {
      const oldName = c.name.replace(/^Xã /, '');
      const found = await findUnits(t.db, { q: oldName, province: '75', ...AFTER });
      expect(found.map((u) => u.code)).toContain(c.code);
    });

    it('is idempotent by id, and refuses the same id with other content', async () => {
      const again = await t.db
        .transaction()
        .execute((trx) => applyUnitChangeSet(trx, changeSet, { now: TEST_NOW }));
      expect(again.status).toBe('unchanged');
      const other = { ...changeSet, name: 'something else' };
      await expect(
        t.db.transaction().execute((trx) => applyUnitChangeSet(trx, other, { now: TEST_NOW })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('refuses a change dated before a later version (history is append-only) and rolls it back', async () => {
      const early: TUnitChangeSet = {
        id: 'too-early',
        name: 'Backdated change',
        effectiveDate: '2026-01-01',
        source: 'test',
        changes: [
          { kind: 'rename', code: d.code, name: 'Xã Đổi Tên' },
          { kind: 'update', code: c.code, profile: { population: 1 } },
        ],
      };
      await expect(
        t.db.transaction().execute((trx) => applyUnitChangeSet(trx, early, { now: TEST_NOW })),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(
        await t.db.selectFrom('unit_change_sets').select('id').where('id', '=', 'too-early').execute(),
      ).toEqual([]);
    });

    it('validates the changes against the units in force', async () => {
      const bad = (changes: TUnitChangeSet['changes']) =>
        t.db.transaction().execute((trx) =>
          applyUnitChangeSet(
            trx,
            {
              id: 'bad-change',
              name: 'Bad',
              effectiveDate: '2026-06-01',
              source: 'test',
              changes,
            },
            { now: TEST_NOW },
          ),
        );
      await expect(bad([{ kind: 'rename', code: b.code, name: 'Xã Không Còn' }])).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'changes.0.code', rule: 'unit.not_current' }],
      });
      await expect(
        bad([{ kind: 'add', code: a.code, name: 'Xã Trùng', provinceCode: '75' }]),
      ).rejects.toMatchObject({
        issues: [{ rule: 'unit.exists' }],
      });
      await expect(bad([{ kind: 'rename', code: a.code, name: 'Không có loại' }])).rejects.toMatchObject({
        issues: [{ rule: 'unit.name_type' }],
      });
      await expect(
        bad([
          { kind: 'rename', code: a.code, name: 'Xã Một' },
          { kind: 'update', code: a.code, profile: { population: 2 } },
        ]),
      ).rejects.toMatchObject({ issues: [{ rule: 'unit.touched_twice' }] });
    });
  });
}
