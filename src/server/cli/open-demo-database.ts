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
import { resolveSigningKey, useSigningKey } from '../signing/signing-key.ts';
import { addTrustedRoot } from '../signing/trusted-roots.ts';
import { CliUsageError, type CliIo } from './cli-error.ts';
import { demoSigners } from '../demo/demo-seed.ts';

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
    await openDemoSigning(handle, config, io);
    if (!accounts.length) return { handle };
    const activity = await seedDemoActivity(handle.db, config.MOTCUA_AGENCY_FALLBACK_PREFIX, io.clock.now());
    return { handle, loaded: { accounts, activity } };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * The demo signs out of the box (docs/SIGNING.md, "Demo"): its signing key is made beside its database unless
 * MOTCUA_SIGNING_KEY(_FILE) is set, its certificates are issued by a local root CA at first start, and that root is
 * trusted while the demo runs.
 */
async function openDemoSigning(handle: DbHandle, config: AppConfig, io: CliIo): Promise<void> {
  const path = parseDatabaseUrl(config.DATABASE_URL).target;
  const key = resolveSigningKey(config, config.MOTCUA_SIGNING_KEY_FILE ? undefined : `${path}.signing-key`);
  if (!key) return;
  useSigningKey(key);
  // The demo's keys are made with the signing code, loaded only here (plain `motcua serve` does not load it at start).
  const { seedDemoSigning } = await import('../signing/demo-signing.ts');
  const root = await seedDemoSigning(handle.db, await demoSigners(handle.db), {
    key,
    now: io.clock.now(),
    rootFile: `${path}.demo-root-ca.pem`,
  });
  if (root) addTrustedRoot(root);
}
