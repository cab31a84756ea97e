import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { intake } from './dossier.intake.service.ts';
import { applyAction } from './dossier.action.service.ts';
import { down, up } from '../db/migrations/202612060901_work_due.ts';
import {
  down as downStatusIndexes,
  up as upStatusIndexes,
} from '../db/migrations/202612063501_dossiers_status_work_due.ts';

for (const dialect of DIALECTS) {
  describe(`migration 202612060901_work_due on ${dialect}`, () => {
    let t: TestDb;
    let staff: Staff;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      staff = await seedCentre(t.db);
    });
    afterAll(async () => t?.dispose());

    it('fills the queues’ key of existing dossiers as the repository keeps it', async () => {
      const run = <T>(fn: (trx: typeof t.db) => Promise<T>) => t.db.transaction().execute(fn);
      const ctx = { now: TEST_NOW, agencyPrefix: '000.00' };
      const online = await run((trx) =>
        intake(trx, null, buildIntake({ channel: 'online', unitCode: '25000' }), ctx),
      );
      const received = await run((trx) => intake(trx, staff.counter, buildIntake(), ctx));
      const refused = await run((trx) =>
        intake(
          trx,
          staff.counter,
          buildIntake({ decision: 'refuse', reason: 'Không thuộc thẩm quyền' }),
          ctx,
        ),
      );
      const ended = await run((trx) => intake(trx, staff.counter, buildIntake(), ctx));
      await run((trx) =>
        applyAction(trx, staff.counter, ended.code, { type: 'withdraw', reason: 'rút' }, { now: TEST_NOW }),
      );
      const read = async () =>
        new Map(
          (await t.db.selectFrom('dossiers').select(['code', 'work_due_at']).execute()).map((r) => [
            r.code,
            r.work_due_at === null ? null : Number(r.work_due_at),
          ]),
        );
      const kept = await read();
      const acceptBy = (JSON.parse(online.data) as { acceptBy: number }).acceptBy;
      expect(kept.get(online.code)).toBe(acceptBy);
      expect(kept.get(received.code)).toBe(Number(received.due_at));
      expect(kept.get(refused.code)).toBeNull();
      expect(kept.get(ended.code)).toBeNull();

      // A later migration indexes work_due_at too: it is undone first and redone last, as a real rollback would.
      await downStatusIndexes(t.db);
      await down(t.db);
      await up(t.db);
      await upStatusIndexes(t.db);
      expect(await read()).toEqual(kept);
    });
  });
}
