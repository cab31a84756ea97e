import type { DialectName } from '../db/connect.ts';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { cleanUnitData, type CleanUnitData } from './unit.clean.ts';
import { persistUnitImport, type ImportReport } from './unit.import.ts';
import { loadUnitSources, type RawUnitSources } from './unit.sources.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

let sources: Promise<RawUnitSources> | undefined;
let cleaned: Promise<CleanUnitData> | undefined;

/** The package data, read once per test file. */
export const testSources = (): Promise<RawUnitSources> => (sources ??= loadUnitSources());

/** The cleaned package data, computed once per test file. */
export const testCleanData = (): Promise<CleanUnitData> =>
  (cleaned ??= testSources().then((raw) => cleanUnitData(raw)));

/** A fresh database of the dialect with the 2025 units imported. */
export async function openImportedDb(dialect: DialectName): Promise<{ t: TestDb; report: ImportReport }> {
  const t = await openTestDb(dialect);
  const data = await testCleanData();
  const report = await t.db.transaction().execute((trx) => persistUnitImport(trx, data, { now: TEST_NOW }));
  return { t, report };
}

/** A date safely after every change set used in the tests. */
export const AS_OF_NOW = '2026-11-29';
