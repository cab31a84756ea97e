/**
 * The demo's database for `serve --demo` and `seed --demo`: checked before anything is written to it, then
 * migrated, then seeded if empty. The demo's accounts share a public password, so it runs only on a SQLite file
 * of its own (./data/demo.db unless DATABASE_URL names another) and refuses a PostgreSQL database and any database
 * holding data it did not make (src/server/demo/demo-guard.ts): one line, exit code 2.
 */
import { openDatabase } from '../bootstrap.ts';
import type { AppConfig } from '../config.ts';
import { connect, parseDatabaseUrl, type DbHandle } from '../db/connect.ts';
import { seedDemoActivity, type DemoActivity } from '../demo/demo-activity.ts';
import { demoRefusal } from '../demo/demo-guard.ts';
import { DEMO_USERNAMES, seedDemo, type DemoAccount } from '../demo/demo-seed.ts';
import { probeDemoDatabase } from '../demo/demo.repository.ts';
import { CliUsageError, type CliIo } from './cli-error.ts';

export interface DemoDatabase {
  handle: DbHandle;
  /** What was seeded now; absent when the database already held the demo. */
  loaded?: { accounts: DemoAccount[]; activity: DemoActivity };
}

/** Refuses (CliUsageError) a database the demo must not use, before migrating or writing anything. */
async function checkDemoDatabase(command: string, url: string): Promise<void> {
  if (parseDatabaseUrl(url).dialect !== 'sqlite')
    throw new CliUsageError(
      `${command}: the demo runs on a SQLite file of its own, never on PostgreSQL (DATABASE_URL); ` +
        'a real server starts with motcua migrate, motcua init and motcua serve',
    );
  const probe = await connect(url);
  let refusal: string | undefined;
  try {
    refusal = demoRefusal(await probeDemoDatabase(probe.db, DEMO_USERNAMES));
  } finally {
    await probe.close();
  }
  if (refusal)
    throw new CliUsageError(
      `${command}: ${probe.location} ${refusal}; the demo needs a database of its own ` +
        '(leave DATABASE_URL unset for ./data/demo.db, or name a new SQLite file)',
    );
}

export async function openDemoDatabase(command: string, config: AppConfig, io: CliIo): Promise<DemoDatabase> {
  await checkDemoDatabase(command, config.DATABASE_URL);
  const handle = await openDatabase(config, { log: io.out, clock: io.clock });
  try {
    const accounts = await seedDemo(handle.db, config.MOTCUA_DEMO_PASSWORD, io.clock.now());
    if (!accounts.length) return { handle };
    const activity = await seedDemoActivity(handle.db, config.MOTCUA_AGENCY_FALLBACK_PREFIX, io.clock.now());
    return { handle, loaded: { accounts, activity } };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
