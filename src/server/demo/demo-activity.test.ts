import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/calendar/index.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import { ensureCatalog } from '../procedures/procedure.service.ts';
import { periodReport } from '../reports/period-report.ts';
import { seedDemoActivity, type DemoActivity } from './demo-activity.ts';
import { seedDemo } from './demo-seed.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

// A fixed "today" (Thursday 12 March 2026, 10:00 local): the history is the 20 working days before it.
const NOW = Date.parse('2026-03-12T10:00:00+07:00');

for (const dialect of DIALECTS) {
  describe(`demo activity (${dialect})`, () => {
    let t: TestDb;
    let activity: DemoActivity;

    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertUnits(t.db, LAM_DONG_SAMPLE);
      await ensureCatalog(t.db, TEST_NOW);
      await seedDemo(t.db, 'motcua-demo', TEST_NOW);
      activity = await seedDemoActivity(t.db, '000.00', NOW);
    }, 120_000);
    afterAll(async () => {
      await t?.dispose();
    });

    it('fills both centres through the real services, before the demo day', async () => {
      const rows = await t.db.selectFrom('dossiers').select(['unit_code', 'status', 'received_at']).execute();
      expect(rows.length).toBe(activity.dossiers);
      expect(activity.dossiers).toBeGreaterThan(80);
      expect(new Set(rows.map((r) => r.unit_code))).toEqual(new Set(['25000', '25015']));
      expect(rows.every((r) => (r.received_at ?? 0) < NOW)).toBe(true);
      const statuses = new Set(rows.map((r) => r.status));
      for (const s of ['delivered', 'result_ready', 'processing', 'supplement_requested'])
        expect(statuses).toContain(s);
      expect(activity).toMatchObject({ petitions: 6, tasks: 4, receptions: 6 });
      const receptions = await t.db
        .selectFrom('receptions')
        .select(['unit_code', 'reply_by', 'replied_at'])
        .execute();
      expect(receptions.filter((r) => r.reply_by !== null && r.replied_at === null)).toHaveLength(2);
      const chairmen = await t.db
        .selectFrom('reception_slots')
        .select('unit_code')
        .where('host_role', '=', 'chairman')
        .execute();
      expect(chairmen.map((r) => r.unit_code).sort()).toEqual(['25000', '25015']);
      expect((await verifyAudit(t.db)).ok).toBe(true);
    });

    it('gives each commune a consistent period report with early, on-time and late results', async () => {
      const from = localDate(NOW - 40 * 86_400_000);
      const to = localDate(NOW - 86_400_000);
      for (const unitCode of ['25000', '25015']) {
        const r = await periodReport(t.db, { unitCode, from, to }, TEST_NOW);
        const { received, resolved, inProgress, closedWithoutResult } = r.totals;
        expect(received.total).toBe(resolved.total + inProgress.total + closedWithoutResult.total);
        expect(received.total).toBeGreaterThan(40);
        expect(resolved.early + resolved.onTime).toBeGreaterThan(0);
        expect(resolved.late).toBeGreaterThan(0);
        expect(inProgress.awaitingSupplement).toBeGreaterThan(0);
      }
    });

    it('leaves a published feedback, an accepted complaint, a new denunciation, a done and an open task', async () => {
      const petitions = await t.db
        .selectFrom('petitions')
        .select(['kind', 'status', 'published_at'])
        .execute();
      expect(petitions.filter((p) => p.kind === 'feedback' && p.published_at !== null)).toHaveLength(2);
      expect(petitions.filter((p) => p.kind === 'complaint' && p.status === 'accepted')).toHaveLength(2);
      expect(petitions.filter((p) => p.kind === 'denunciation' && p.status === 'received')).toHaveLength(2);
      const tasks = await t.db.selectFrom('tasks').select(['status']).execute();
      expect(tasks.map((x) => x.status).sort()).toEqual(['done', 'done', 'in_progress', 'in_progress']);
    });
  });
}
