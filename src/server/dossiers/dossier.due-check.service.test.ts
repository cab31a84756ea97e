/**
 * `motcua calendar check-open`: after a calendar correction, the open dossiers whose stored due would differ under
 * the calendar in force are listed; stored dues are never changed (history is not rewritten).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/calendar/index.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { applyAction } from './dossier.action.service.ts';
import { intake } from './dossier.intake.service.ts';
import type { TActionRequest } from './dossier.schemas.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import { checkOpenDues } from './dossier.due-check.service.ts';
import { NATIONAL_SCOPE, saveCalendarOverride, type CalendarOverride } from '../calendar/calendar.service.ts';

for (const dialect of DIALECTS) {
  describe(`open dossiers after a calendar correction (${dialect})`, () => {
    let t: TestDb;
    let s: Staff;
    const receive = (now: number) =>
      t.db
        .transaction()
        .execute((trx) => intake(trx, s.counter, buildIntake(), { now, agencyPrefix: '000.00' }));
    const act = (code: string, req: TActionRequest, now: number) =>
      t.db.transaction().execute((trx) => applyAction(trx, s.leader, code, req, { now }));
    const saveNational = (override: CalendarOverride, now: number) =>
      t.db
        .transaction()
        .execute((trx) => saveCalendarOverride(trx, null, NATIONAL_SCOPE, override, 'test', now));

    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterAll(async () => t?.dispose());

    it('lists the dossiers whose due moves, leaves the others and the stored dues alone', async () => {
      // The calendar as it stood before the correction: 24/11/2026 worked (as the data shipped before 2026's law).
      await saveNational(
        { extraWorkingDays: [{ date: '2026-11-24', reason: 'dữ liệu cũ' }] },
        at(2026, 11, 1, 8),
      );
      const spanning = await receive(at(2026, 11, 20, 9)); // Fri; 3 working days: Mon 23, Tue 24, Wed 25
      const after = await receive(at(2026, 11, 25, 9)); // after the holiday: no change
      const withdrawn = await receive(at(2026, 11, 20, 10));
      await act(withdrawn.code, { type: 'withdraw', reason: 'Công dân rút hồ sơ' }, at(2026, 11, 20, 11));
      const extended = await receive(at(2026, 11, 20, 11));
      await act(
        extended.code,
        { type: 'extend', newDueAt: '2026-12-02T17:30:00+07:00', reason: 'Cần xác minh' },
        at(2026, 11, 23, 9),
      );
      expect(formatInstant(spanning.due_at!)).toBe('2026-11-25T17:30:00+07:00');

      // The correction: 24/11 is a holiday again (the shipped data).
      await saveNational({}, at(2026, 11, 21, 8));
      const check = await checkOpenDues(t.db, EVERY_TENANT);

      expect(check.checked).toBe(3); // spanning, after, extended (the withdrawn one has ended)
      expect(check.differences).toEqual([
        {
          code: spanning.code,
          unitCode: '25000',
          provinceCode: '68',
          procedureCode: '1.004873',
          reason: 'receipt',
          storedDue: spanning.due_at,
          currentDue: Date.parse('2026-11-26T17:30:00+07:00'),
          workingDays: 1,
        },
      ]);
      expect(check.notRecomputed).toEqual([{ code: extended.code, reason: 'extended' }]);
      expect(check.differences.map((d) => d.code)).not.toContain(after.code);

      const stored = await t.db
        .selectFrom('dossiers')
        .select('due_at')
        .where('code', '=', spanning.code)
        .executeTakeFirstOrThrow();
      expect(Number(stored.due_at)).toBe(spanning.due_at); // history is not rewritten
    });

    it('looks at one province only when asked', async () => {
      const other = await checkOpenDues(t.db, { kind: 'province', provinceCode: '01' });
      expect(other).toEqual({ checked: 0, differences: [], notRecomputed: [] });
      const lamDong = await checkOpenDues(t.db, { kind: 'province', provinceCode: '68' });
      expect(lamDong.checked).toBe(3);
    });
  });
}
