import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { DEMO_DAYS, seedDemoActivity } from '../../demo/demo-activity.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import { scheduleJobs } from '../../platform/job-runner.ts';
import { SERVER_JOBS } from '../../jobs/jobs.ts';
import { parseCommandArgs, parseIntOption } from '../args.ts';
import type { CliIo } from '../cli-error.ts';

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean', default: false },
  });
  const config = loadConfig();
  const port = parseIntOption('serve', 'port', values.port, 0, 65535) ?? config.PORT;
  const host = values.host ?? config.HOST;
  const handle = await openDatabase(config, { log: io.out, clock: io.clock });
  if (values.demo) {
    const created = await seedDemo(handle.db, config.MOTCUA_DEMO_PASSWORD, io.clock.now());
    if (created.length) {
      io.out(`Demo loaded. Accounts (password "${config.MOTCUA_DEMO_PASSWORD}"):`);
      for (const a of created)
        io.out(`  ${a.username.padEnd(20)} ${a.roles.join(',').padEnd(20)} unit ${a.unitCode}`);
      const activity = await seedDemoActivity(
        handle.db,
        config.MOTCUA_AGENCY_FALLBACK_PREFIX,
        io.clock.now(),
      );
      io.out(
        `Demo activity (Di Linh, Gia Hiệp; last ${DEMO_DAYS} working days): ${activity.dossiers} dossiers, ${activity.petitions} petitions, ${activity.tasks} tasks.`,
      );
    } else
      io.out(`Demo accounts already present (password set by MOTCUA_DEMO_PASSWORD, default "motcua-demo").`);
  }
  const app = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    config,
    logger: true,
    clock: io.clock,
  });
  let stopJobs = () => {};
  const stop = async () => {
    stopJobs();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ port, host });
  // Jobs start once the server answers, their first run a little later: after a large import thousands of
  // dossiers may be due for return, and the first requests must not wait behind them.
  stopJobs = scheduleJobs(handle.db, SERVER_JOBS, io.clock, (line) => app.log.info(line));
  io.out(
    `MộtCửa ${handle.dialect} (${handle.location}) listening on ${address.replace('0.0.0.0', 'localhost')}`,
  );
  return new Promise<number>(() => undefined);
}
