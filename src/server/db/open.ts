import type { AppConfig } from '../config.ts';
import { connect, type DbHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { ensureReferenceData } from '../demo/reference-data.ts';

export interface OpenOptions {
  /** Print progress lines (CLI). */
  log?: (line: string) => void;
}

/** Connects, applies pending migrations and loads reference data (the administrative units) if missing. */
export async function openDatabase(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  options: OpenOptions = {},
): Promise<DbHandle> {
  const handle = await connect(config.DATABASE_URL);
  try {
    const { applied } = await migrateToLatest(
      handle.db,
      handle.dialect === 'postgres' ? handle.schema : undefined,
    );
    if (applied.length) options.log?.(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    await ensureReferenceData(handle.db, options.log);
    return handle;
  } catch (e) {
    await handle.close();
    throw e;
  }
}
