import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { formatImportReport, runUnitsImport } from '../units/unit.import.ts';
import { ensureCatalog } from '../procedures/procedure.service.ts';

/**
 * Loads reference data on first start: the administrative units (needed before any account can exist) and the
 * built-in procedure catalog.
 */
export async function ensureReferenceData(
  db: Kysely<Database>,
  now: number,
  log?: (line: string) => void,
): Promise<void> {
  const any = await db.selectFrom('unit_versions').select('code').limit(1).executeTakeFirst();
  if (!any) {
    const report = await runUnitsImport(db, { now });
    log?.(formatImportReport(report).split('\n')[0] ?? 'Administrative units imported');
  }
  const procedures = await ensureCatalog(db, now);
  if (procedures) log?.(`Procedure catalog loaded: ${procedures} procedures`);
}
