import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { periodReport } from '../reports/period-report.ts';
import { importLegacyDossiers } from './legacy.import.ts';
import { insertReportUnits } from './legacy.fixtures.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLES = resolve(repoRoot, 'test/fixtures');
const SAMPLE = resolve(SAMPLES, 'legacy-dilinh.jsonl');
const EXPECTED = resolve(SAMPLES, 'legacy-dilinh.expected.json');

for (const dialect of DIALECTS) {
  describe(`legacy sample of Di Linh (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(t.db);
    });
    afterAll(async () => t.dispose());

    it('imports 300 dossiers, resolving the former unit codes', async () => {
      const result = await importLegacyDossiers(t.db, SAMPLE, { now: TEST_NOW });
      expect(result.status).toBe('imported');
      if (result.status !== 'imported') return;
      expect(result.imported).toBe(300);
      expect(result.skipped).toBe(0);
      expect(result.formerCodes).toEqual({ '25009': '25000', '25027': '25000', '25030': '25000' });
      const units = await t.db.selectFrom('dossiers').select('unit_code').distinct().execute();
      expect(units).toEqual([{ unit_code: '25000' }]);
    });

    it('reports 2025-07-09..2025-08-06 exactly as expected', async () => {
      const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, unknown>;
      const report = await periodReport(
        t.db,
        { unitCode: '25000', from: '2025-07-09', to: '2025-08-06' },
        TEST_NOW,
      );
      expect(report.unit).toEqual({ code: '25000', name: 'Xã Di Linh' });
      // The expected file names the unit by code only; everything else must match exactly, key order included.
      const { unit: _unit, ...rest } = report;
      const { unit: expectedUnit, ...expectedRest } = expected;
      expect(expectedUnit).toEqual({ code: report.unit.code });
      expect(rest).toStrictEqual(expectedRest);
      expect(JSON.stringify(rest)).toBe(JSON.stringify(expectedRest));
    });

    it('parsing in a worker thread gives the same rows (re-import: all skipped)', async () => {
      const again = await importLegacyDossiers(t.db, SAMPLE, { worker: true, now: TEST_NOW });
      expect(again).toMatchObject({ status: 'imported', imported: 0, skipped: 300, dossiers: 300 });
    });

    it('re-importing the same file changes nothing', async () => {
      const count = async () =>
        Promise.all(
          (['dossiers', 'dossier_actions', 'dossier_dues', 'dossier_suspensions', 'procedures'] as const).map(
            async (tb) =>
              Number(
                (
                  await t.db
                    .selectFrom(tb)
                    .select((eb) => eb.fn.countAll().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
          ),
        );
      const before = await count();
      const again = await importLegacyDossiers(t.db, SAMPLE, { now: TEST_NOW });
      expect(again.status === 'imported' && again.skipped).toBe(300);
      expect(again.status === 'imported' && again.imported).toBe(0);
      expect(await count()).toEqual(before);
    });
  });
}
