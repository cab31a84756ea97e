import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { decodeCursor, pageOf } from '../platform/cursor.ts';
import type { Scope } from '../platform/tenant.ts';
import { insertTask, listTasks, type TaskFilter } from './task.repository.ts';
import type { TaskTable } from './task.table.ts';

const HOUR = 3_600_000;
const DI_LINH: Scope = { kind: 'unit', provinceCode: '68', unitCode: '25000' };
const GIA_HIEP: Scope = { kind: 'unit', provinceCode: '68', unitCode: '25015' };
const LAM_DONG: Scope = { kind: 'province', provinceCode: '68' };

/** Soonest time first, the id breaking ties: the register's order. */
const byDue = (a: TaskTable, b: TaskTable) => a.due_at - b.due_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every task of the filter, one page of `limit` at a time through the cursor a client would pass back. */
async function walk(
  t: TestDb,
  filter: Omit<TaskFilter, 'limit' | 'after'>,
  limit: number,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const after = cursor ? decodeCursor(cursor) : undefined;
    const rows = await listTasks(t.db, { ...filter, after, limit: limit + 1 });
    const { page, nextCursor } = pageOf(rows, limit, (r) => ({ at: r.due_at, id: r.id }));
    seen.push(...page.map((r) => r.id));
    if (!nextCursor) return seen;
    cursor = nextCursor;
  }
  throw new Error('paging did not end');
}

for (const dialect of DIALECTS) {
  describe(`task repository on ${dialect}`, () => {
    let t: TestDb;
    const tasks: TaskTable[] = [];
    const of = (unitCode: string) => tasks.filter((x) => x.unit_code === unitCode).sort(byDue);

    beforeAll(async () => {
      t = await openTestDb(dialect);
      const staff = await seedCentre(t.db);
      const build = (id: string, unitCode: string, assigneeId: string, dueInHours: number): TaskTable => ({
        id,
        province_code: '68',
        unit_code: unitCode,
        assignee_id: assigneeId,
        assigned_by: staff.leader.id,
        work: `Việc ${id}`,
        responsibility: 'Chịu trách nhiệm trước Chủ tịch UBND xã',
        product: 'Báo cáo',
        authority: 'Theo phân công',
        collaborators: '[]',
        dossier_id: null,
        status: 'assigned',
        assigned_at: TEST_NOW,
        due_at: TEST_NOW + dueInHours * HOUR,
        submitted_at: null,
        product_note: null,
        ended_at: null,
        extension_count: 0,
        action_count: 1,
        updated_at: TEST_NOW,
      });
      // Di Linh: seven tasks, three due at one instant (the id breaks the tie), inserted out of order; Gia Hiệp:
      // three, due between Di Linh's.
      for (const [id, hours] of [
        ['t7', 5],
        ['t2', 24],
        ['t9', 24],
        ['t4', 24],
        ['t1', 48],
        ['t8', 2],
        ['t3', 72],
      ] as const)
        tasks.push(build(id, '25000', staff.specialistA.id, hours));
      for (const [id, hours] of [
        ['g2', 24],
        ['g1', 3],
        ['g3', 50],
      ] as const)
        tasks.push(build(id, '25015', staff.otherCounter.id, hours));
      for (const row of tasks) await insertTask(t.db, row);
    });
    afterAll(async () => t?.dispose());

    it("never returns another commune's tasks", async () => {
      const ids = async (scope: Scope, extra: Partial<TaskFilter> = {}) =>
        (await listTasks(t.db, { scope, limit: 100, ...extra })).map((r) => r.id);
      expect(await ids(DI_LINH)).toEqual(of('25000').map((x) => x.id));
      expect(await ids(GIA_HIEP)).toEqual(of('25015').map((x) => x.id));
      expect((await ids(LAM_DONG)).sort()).toEqual(tasks.map((x) => x.id).sort());
      // Naming another commune's person does not reach past the scope.
      const giaHiepPerson = of('25015')[0]!.assignee_id;
      expect(await ids(DI_LINH, { assigneeId: giaHiepPerson })).toEqual([]);
      expect(await ids(DI_LINH, { onlyOf: giaHiepPerson })).toEqual([]);
    });

    it('pages with after: every task exactly once, soonest time first', async () => {
      for (const limit of [1, 2, 3]) {
        expect(await walk(t, { scope: DI_LINH }, limit)).toEqual(of('25000').map((x) => x.id));
        expect(await walk(t, { scope: LAM_DONG }, limit)).toEqual([...tasks].sort(byDue).map((x) => x.id));
      }
    });
  });
}
