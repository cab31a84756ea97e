/**
 * A commune imports its open dossiers from the former system and carries on in MộtCửa: the imported history (kept on
 * the dossier row, without due rows while the due never changed) and the live actions after it read as one history,
 * and the reports judge every instant by the due in effect then — before and after the first live due change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/shared/calendar/index.ts';
import { applyAction } from '../../src/server/dossiers/dossier.action.service.ts';
import { listActions, listDues } from '../../src/server/dossiers/dossier.repository.ts';
import { legacyLine, writeJsonl } from '../../src/server/legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../../src/server/legacy/legacy.import.ts';
import { workloadAt } from '../../src/server/reports/dashboard.repository.ts';
import { periodReport } from '../../src/server/reports/period-report.ts';
import { DIALECTS, openTestDb, type TestDb } from '../support/db.ts';
import { at, seedCentre, type Staff } from '../support/dossiers.ts';
import { TEST_NOW } from '../support/clock.ts';

const PROCEDURE = {
  procedureCode: '1.004873',
  procedureName: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
};
const iso = formatInstant;
const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`imported dossiers carried on live (${dialect})`, () => {
    let t: TestDb;
    let staff: Staff;
    const supplementAt = at(2026, 3, 10, 10);

    beforeAll(async () => {
      t = await openTestDb(dialect);
      staff = await seedCentre(t.db);
      const file = writeJsonl([
        // A: overdue on 3 March (legacy fact), then a supplement requested; received live on 10 March.
        legacyLine({
          code: 'IMP-A',
          ...PROCEDURE,
          receivedAt: iso(at(2026, 3, 2, 9)),
          dueAt: iso(at(2026, 3, 3, 17)),
          events: [{ type: 'supplement_requested', at: iso(at(2026, 3, 4, 9)) }],
        }),
        // B: in progress, due on 5 March.
        legacyLine({
          code: 'IMP-B',
          ...PROCEDURE,
          receivedAt: iso(at(2026, 3, 2, 10)),
          dueAt: iso(at(2026, 3, 5, 17)),
        }),
      ]);
      expect(await importLegacyDossiers(t.db, file, { now: TEST_NOW })).toMatchObject({
        status: 'imported',
        imported: 2,
      });
      await t.db
        .transaction()
        .execute((trx) =>
          applyAction(trx, staff.counter, 'IMP-A', { type: 'receive_supplement' }, { now: supplementAt }),
        );
    });
    afterAll(async () => {
      await t?.dispose();
    });

    const dossier = (code: string) =>
      t.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

    it('lists the imported actions, then the live ones numbered after them', async () => {
      const d = await dossier('IMP-A');
      expect(d.action_count).toBe(3);
      expect((await listActions(t.db, d)).map((a) => [a.seq, a.type, a.actor_name, a.to_status])).toEqual([
        [1, 'imported', 'legacy-import', 'processing'],
        [2, 'request_supplement', 'legacy-import', 'supplement_requested'],
        [3, 'receive_supplement', staff.counter.displayName, 'processing'],
      ]);
    });

    it('writes the imported receipt due before the first live due change', async () => {
      const d = await dossier('IMP-A');
      const dues = await listDues(t.db, d);
      expect(dues.map((u) => u.reason)).toEqual(['import', 'supplement_received']);
      expect(dues[0]).toEqual({ set_at: at(2026, 3, 2, 9), due_at: at(2026, 3, 3, 17), reason: 'import' });
      expect(dues[1]?.set_at).toBe(supplementAt);
      expect(d.due_at).toBe(dues[1]?.due_at);
      expect(d.due_at).toBeGreaterThan(supplementAt);
    });

    /** Period end (`to`) → in progress at E = `to` + 1 day: [within, overdue, awaiting] of the two dossiers. */
    const AT_END: [to: string, why: string, within: number, overdue: number, awaiting: number][] = [
      ['2026-03-03', 'A overdue (due 3 March 17:00, the request came later), B within', 1, 1, 0],
      ['2026-03-06', 'A awaits its supplement, B overdue (due 5 March 17:00)', 1, 1, 1],
      ['2026-03-10', 'A runs on its new due, B still overdue', 1, 1, 0],
    ];
    it.each(AT_END)(
      'judges the end of the period to %s by the due in effect then: %s',
      async (to, _why, ...n) => {
        const report = await periodReport(t.db, { unitCode: '25000', from: '2026-03-01', to }, TEST_NOW);
        const [withinDeadline, overdue, awaitingSupplement] = n;
        expect(report.totals.inProgress).toEqual({ total: 2, withinDeadline, overdue, awaitingSupplement });
      },
    );

    it('counts the workload at an instant the same way', async () => {
      const scope = { kind: 'units' as const, provinceCode: '68', unitCodes: ['25000'] };
      expect(await workloadAt(t.db, scope, at(2026, 3, 4), 48 * HOUR)).toEqual([
        { assigneeId: null, open: 2, dueSoon: 1, overdue: 1 },
      ]);
      expect(await workloadAt(t.db, scope, at(2026, 3, 6), 48 * HOUR)).toEqual([
        { assigneeId: null, open: 2, dueSoon: 0, overdue: 1 },
      ]);
    });
  });
}
