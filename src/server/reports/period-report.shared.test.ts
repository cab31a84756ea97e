/**
 * Province officers opening the same report at once share one computation (platform/single-flight.ts,
 * docs/PERFORMANCE.md): the database sees one report's queries, every caller gets an equal answer of its own,
 * and a report asked after it has finished is computed again (nothing is cached).
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { insertReportUnits, legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { resolvePeriod } from '../platform/period.ts';
import { buildPeriodReport, resolveReportUnit } from './period-report.ts';

class CountQueries implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

for (const dialect of DIALECTS) {
  describe(`the same report asked at once (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(t.db);
      const lines = Array.from({ length: 12 }, (_, i) =>
        legacyLine({
          code: `SHARED-${i}`,
          field: `F${i % 3}`,
          receivedAt: `2025-07-${String(10 + i).padStart(2, '0')}T08:00:00+07:00`,
          dueAt: '2025-07-30T17:30:00+07:00',
          events: i % 2 ? [{ type: 'resolved', at: '2025-07-25T09:00:00+07:00', outcome: 'approved' }] : [],
        }),
      );
      expect((await importLegacyDossiers(t.db, writeJsonl(lines), { now: TEST_NOW })).status).toBe(
        'imported',
      );
    });
    afterAll(async () => t.dispose());

    it('six callers, one report computed; each gets its own equal copy; a later call computes again', async () => {
      const target = await resolveReportUnit(t.db, '25000', TEST_NOW);
      const period = resolvePeriod('2025-07-01', '2025-07-31');
      const alone = new CountQueries();
      const expected = await buildPeriodReport(t.db.withPlugin(alone), target, period);
      expect(alone.count).toBeGreaterThan(0);

      const together = new CountQueries();
      const db = t.db.withPlugin(together);
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => buildPeriodReport(db, target, period)),
      );
      expect(together.count).toBe(alone.count);
      for (const a of answers) expect(a).toEqual(expected);
      expect(new Set(answers).size).toBe(6);
      expect(expected.byField.map((f) => f.field).sort()).toEqual(['F0', 'F1', 'F2']);
      answers[0]!.byField.length = 0;
      expect(answers[1]!.byField).toHaveLength(3);

      await buildPeriodReport(db, target, period);
      expect(together.count).toBe(2 * alone.count);
    });

    it('another period is not shared', async () => {
      const target = await resolveReportUnit(t.db, '25000', TEST_NOW);
      const counter = new CountQueries();
      const db = t.db.withPlugin(counter);
      const [july, august] = await Promise.all([
        buildPeriodReport(db, target, resolvePeriod('2025-07-01', '2025-07-31')),
        buildPeriodReport(db, target, resolvePeriod('2025-08-01', '2025-08-31')),
      ]);
      const alone = new CountQueries();
      await buildPeriodReport(t.db.withPlugin(alone), target, resolvePeriod('2025-07-01', '2025-07-31'));
      expect(counter.count).toBe(2 * alone.count);
      expect(july.period.to).toBe('2025-07-31');
      expect(august.period.to).toBe('2025-08-31');
    });
  });
}
