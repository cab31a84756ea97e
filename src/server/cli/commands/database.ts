import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';
import { openDemoDatabase } from '../open-demo-database.ts';

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseCommandArgs('migrate', args, {});
  const handle = await openDatabase(loadConfig(), { log: io.out, clock: io.clock });
  io.out(`Database ${handle.dialect} (${handle.location}) is up to date.`);
  await handle.close();
  return 0;
}

/** `seed --demo`: the demo's database (as `serve --demo`, with the same refusals) seeded if empty. */
export async function seedCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('seed', args, { demo: { type: 'boolean', default: false } });
  if (!values.demo) throw new CliUsageError('seed: only --demo is available');
  const config = loadConfig(process.env, 'demo');
  const { handle, loaded } = await openDemoDatabase('seed --demo', config, io);
  await handle.close();
  if (!loaded) io.out(`The demo is already loaded in ${handle.location}; nothing seeded.`);
  else {
    const { accounts, activity } = loaded;
    io.out(
      `Demo seeded in ${handle.location}: ${accounts.map((a) => a.username).join(', ')} (password "${config.MOTCUA_DEMO_PASSWORD}"); ${activity.dossiers} dossiers, ${activity.petitions} petitions, ${activity.tasks} tasks.`,
    );
  }
  return 0;
}
