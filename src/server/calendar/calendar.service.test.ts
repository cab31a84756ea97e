import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import {
  calendarCacheSize,
  CALENDAR_CACHE_SIZE,
  loadCalendar,
  saveCalendarOverride,
} from './calendar.service.ts';

for (const dialect of DIALECTS) {
  describe(`calendar cache on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
    });
    afterAll(async () => t?.dispose());

    it('compiles a calendar once, whichever transaction reads it (no entry per transaction)', async () => {
      const first = await loadCalendar(t.db, '68');
      const size = calendarCacheSize();
      for (let i = 0; i < 50; i++) {
        const inTrx = await t.db.transaction().execute((trx) => loadCalendar(trx, '68'));
        expect(inTrx).toBe(first);
      }
      expect(calendarCacheSize()).toBe(size);
    });

    it('a saved version gives a new calendar at once, and the cache stays bounded', async () => {
      const before = await loadCalendar(t.db, '68');
      expect(before.isWorkingDay('2027-03-10')).toBe(true);
      await t.db
        .transaction()
        .execute((trx) =>
          saveCalendarOverride(
            trx,
            null,
            '68',
            { extraDaysOff: [{ date: '2027-03-10', reason: 'Nghỉ bù (kiểm thử)' }] },
            'test',
            TEST_NOW,
          ),
        );
      const after = await loadCalendar(t.db, '68');
      expect(after).not.toBe(before);
      expect(after.isWorkingDay('2027-03-10')).toBe(false);
      expect(calendarCacheSize()).toBeLessThanOrEqual(CALENDAR_CACHE_SIZE);
    });
  });
}
