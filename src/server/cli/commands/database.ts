import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { seedDemoActivity } from '../../demo/demo-activity.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseCommandArgs('migrate', args, {});
  const handle = await openDatabase(loadConfig(), { log: io.out, clock: io.clock });
  io.out(`Database ${handle.dialect} (${handle.location}) is up to date.`);
  await handle.close();
  return 0;
}

export async function seedCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('seed', args, { demo: { type: 'boolean', default: false } });
  if (!values.demo) throw new CliUsageError('seed: only --demo is available');
  const config = loadConfig();
  const handle = await openDatabase(config, { log: io.out, clock: io.clock });
  try {
    const created = await seedDemo(handle.db, config.MOTCUA_DEMO_PASSWORD, io.clock.now());
    if (created.length === 0) io.out('The database already has accounts; demo not seeded.');
    else {
      const activity = await seedDemoActivity(
        handle.db,
        config.MOTCUA_AGENCY_FALLBACK_PREFIX,
        io.clock.now(),
      );
      io.out(
        `Demo seeded: ${created.map((a) => a.username).join(', ')} (password "${config.MOTCUA_DEMO_PASSWORD}"); ${activity.dossiers} dossiers, ${activity.petitions} petitions, ${activity.tasks} tasks.`,
      );
    }
  } finally {
    await handle.close();
  }
  return 0;
}
