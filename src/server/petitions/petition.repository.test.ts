import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { pageOf, type PageKey } from '../platform/cursor.ts';
import { EVERY_TENANT, type Scope } from '../platform/tenant.ts';
import { findPetitionByCode, findPetitions, insertPetition } from './petition.repository.ts';
import type { PetitionRow, PetitionTable } from './petition.table.ts';

const HOUR = 3_600_000;
const DI_LINH: Scope = { kind: 'unit', provinceCode: '68', unitCode: '25000' };
const GIA_HIEP: Scope = { kind: 'unit', provinceCode: '68', unitCode: '25015' };
const LAM_DONG: Scope = { kind: 'province', provinceCode: '68' };

/** A received feedback petition; `n` makes its id and code unique, `hoursAgo` its receipt. */
function buildPetition(n: number, unitCode: string, provinceCode: string, hoursAgo: number): PetitionTable {
  const at = TEST_NOW - hoursAgo * HOUR;
  return {
    id: `p-${String(n).padStart(3, '0')}`,
    code: `T.DT-261208-${String(n).padStart(4, '0')}`,
    province_code: provinceCode,
    unit_code: unitCode,
    kind: 'feedback',
    instance: 1,
    complex: 0,
    remote: 0,
    multi_place: 0,
    channel: 'direct',
    dossier_id: null,
    subject: 'Chậm trả kết quả',
    content: 'Hồ sơ quá hạn nhưng chưa được trả kết quả.',
    petitioner_name: 'Nguyễn Văn An',
    petitioner_id_number: null,
    petitioner_phone: null,
    petitioner_address: null,
    status: 'received',
    received_at: at,
    known_at: null,
    lodged_late: 0,
    respond_by: at + 48 * HOUR,
    info_by: null,
    accepted_at: null,
    due_at: null,
    extension_count: 0,
    ended_at: null,
    conclusion: null,
    result: null,
    publish_by: null,
    published_at: null,
    assignee_id: null,
    action_count: 1,
    created_at: at,
    updated_at: at,
  };
}

/** Every page of the register in turn, `limit` at a time, as the route pages it (limit + 1, then pageOf). */
async function everyPage(t: TestDb, scope: Scope, limit: number): Promise<PetitionRow[]> {
  const seen: PetitionRow[] = [];
  let after: PageKey | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const rows = await findPetitions(t.db, { scope, after, limit: limit + 1 });
    const { page } = pageOf(rows, limit, (p) => ({ at: p.received_at, id: p.id }));
    seen.push(...page);
    if (rows.length <= limit) return seen;
    const last = page[page.length - 1]!;
    after = { at: last.received_at, id: last.id };
  }
  throw new Error('the register did not end');
}

for (const dialect of DIALECTS) {
  describe(`petition repository on ${dialect}`, () => {
    let t: TestDb;
    const rows: PetitionTable[] = [];

    beforeAll(async () => {
      t = await openTestDb(dialect);
      // Di Linh and Gia Hiệp (Lâm Đồng) and Ba Đình (Hà Nội) in turn, six at a time received at the same instant
      // (two per commune), so that paging must break ties on the id.
      const communes = [
        ['25000', '68'],
        ['25015', '68'],
        ['00004', '01'],
      ] as const;
      for (let n = 1; n <= 30; n++) {
        const [unit, province] = communes[n % 3]!;
        rows.push(buildPetition(n, unit, province, Math.floor(n / 6)));
      }
      for (const row of rows) await insertPetition(t.db, row);
    });
    afterAll(async () => t?.dispose());

    const idsOf = (scope: Scope) =>
      rows
        .filter((r) => scope.kind === 'all' || r.province_code === scope.provinceCode)
        .filter((r) => scope.kind !== 'unit' || r.unit_code === scope.unitCode)
        .map((r) => r.id);

    it("never returns another commune's petitions, even when asked for that commune", async () => {
      const mine = await findPetitions(t.db, { scope: DI_LINH, limit: 100 });
      expect(mine.map((p) => p.id).sort()).toEqual(idsOf(DI_LINH).sort());
      expect(await findPetitions(t.db, { scope: DI_LINH, unit: '25015', limit: 100 })).toEqual([]);
      expect(await findPetitions(t.db, { scope: DI_LINH, unit: '01', limit: 100 })).toEqual([]);
      const province = await findPetitions(t.db, { scope: LAM_DONG, limit: 100 });
      expect(province.map((p) => p.id).sort()).toEqual(idsOf(LAM_DONG).sort());
      expect(province.every((p) => p.province_code === '68')).toBe(true);
      const other = rows.find((r) => r.unit_code === '25015')!;
      expect(await findPetitionByCode(t.db, other.code, DI_LINH)).toBeUndefined();
      expect((await findPetitionByCode(t.db, other.code, GIA_HIEP))?.id).toBe(other.id);
    });

    it('pages with after: every petition of the scope exactly once, newest first, ties by id', async () => {
      for (const [scope, limit] of [
        [EVERY_TENANT, 4],
        [LAM_DONG, 3],
        [DI_LINH, 2],
        [GIA_HIEP, 1],
      ] as const) {
        const seen = await everyPage(t, scope, limit);
        const ids = seen.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(idsOf(scope).sort());
        const order = [...seen].sort((a, b) => b.received_at - a.received_at || (b.id < a.id ? -1 : 1));
        expect(ids).toEqual(order.map((p) => p.id));
      }
    });
  });
}
