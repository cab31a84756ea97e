import { buildApp } from '../../app.ts';
import { loadConfig, type AppConfig } from '../../config.ts';
import { connect, type DbHandle } from '../../db/connect.ts';
import { replicaStatus } from '../../db/replica.ts';
import { openSqliteReadWorkers } from '../../db/sqlite-worker-dialect.ts';
import { isDemoDatabase } from '../../demo/demo.repository.ts';
import { openDatabase } from '../../bootstrap.ts';
import { anyUser } from '../../accounts/account.repository.ts';
import { DEMO_DAYS } from '../../demo/demo-activity.ts';
import { scheduleJobs } from '../../platform/job-runner.ts';
import { SERVER_JOBS } from '../../jobs/jobs.ts';
import { deliverNotificationsJob } from '../../notifications/notification.delivery.ts';
import { sendersFromConfig } from '../../notifications/notification.senders.ts';
import { setApplicantPhoneChannels } from '../../notifications/notification.service.ts';
import { parseCommandArgs, parseIntOption } from '../args.ts';
import type { CliIo } from '../cli-error.ts';
import { openDemoDatabase } from '../open-demo-database.ts';

/**
 * `motcua serve` runs a real server: it migrates, never seeds, and listens on HOST (every interface by default).
 * `motcua serve --demo` (`npm start`) runs the demo: its own SQLite file, seeded when empty, on 127.0.0.1 by
 * default (config.ts MODE_DEFAULTS); it refuses a database that is not the demo's (open-demo-database.ts).
 */
/** The demo's database, seeded if empty, with its accounts printed. */
async function openDemo(config: AppConfig, io: CliIo): Promise<DbHandle> {
  const { handle, loaded } = await openDemoDatabase('serve --demo', config, io);
  if (loaded) {
    io.out(`Demo loaded. Accounts (password "${config.MOTCUA_DEMO_PASSWORD}"):`);
    for (const a of loaded.accounts)
      io.out(`  ${a.username.padEnd(20)} ${a.roles.join(',').padEnd(20)} unit ${a.unitCode}`);
    const { dossiers, petitions, tasks } = loaded.activity;
    io.out(
      `Demo activity (Di Linh, Gia Hiệp; last ${DEMO_DAYS} working days): ${dossiers} dossiers, ${petitions} petitions, ${tasks} tasks.`,
    );
  } else
    io.out(`Demo accounts already present (password set by MOTCUA_DEMO_PASSWORD, default "motcua-demo").`);
  return handle;
}

/** A real server's database: migrated, never seeded; says what to do when it has no account yet. */
async function openServer(config: AppConfig, io: CliIo): Promise<DbHandle> {
  const handle = await openDatabase(config, { log: io.out, clock: io.clock });
  if (await isDemoDatabase(handle.db))
    io.err(
      'Warning: this is a demo database, its accounts share a public password; serve it on 127.0.0.1 only.',
    );
  else if (!(await anyUser(handle.db)))
    io.out('No account yet: create the first administrator with motcua init --admin-username U --unit CODE.');
  return handle;
}

/** The reports' read replica (DATABASE_REPLICA_URL), checked to be a PostgreSQL standby; none when unset. */
async function openReplica(config: AppConfig, primary: DbHandle, io: CliIo): Promise<DbHandle | undefined> {
  const url = config.DATABASE_REPLICA_URL;
  if (!url) return undefined;
  if (primary.dialect !== 'postgres') throw new Error('DATABASE_REPLICA_URL: the primary must be PostgreSQL');
  const replica = await connect(url, { poolSize: 5 });
  const status = await replicaStatus(replica.db);
  if (!status.replica)
    io.err(`Warning: DATABASE_REPLICA_URL (${replica.location}) is not in recovery: reports read a primary.`);
  io.out(`Reports and dashboards read the replica ${replica.location} (lag ${status.lagMs ?? '?'} ms).`);
  return replica;
}

/** What the reports read when it is not the primary connection: a replica or SQLite's read workers. */
interface ReportReads {
  db: DbHandle['db'];
  close(): Promise<void>;
}

/**
 * The reports' reads: the replica when configured; on a SQLite file, MOTCUA_SQLITE_READ_WORKERS worker threads
 * with read-only connections (db/sqlite-worker-dialect.ts), so reports never stall the requests on the main
 * connection; none (the primary) when that is 0, or for PostgreSQL without a replica.
 */
async function openReportReads(
  config: AppConfig,
  primary: DbHandle,
  io: CliIo,
): Promise<ReportReads | undefined> {
  const replica = await openReplica(config, primary, io);
  if (replica) return replica;
  const workers = config.MOTCUA_SQLITE_READ_WORKERS;
  if (primary.dialect !== 'sqlite' || primary.location === ':memory:' || workers === 0) return undefined;
  const reads = await openSqliteReadWorkers(primary.location, workers);
  io.out(`Reports, dashboards and exports read through ${workers} read-only SQLite worker(s).`);
  return reads;
}

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean', default: false },
  });
  const port = parseIntOption('serve', 'port', values.port, 0, 65535);
  const config = loadConfig(process.env, values.demo ? 'demo' : 'server');
  const host = values.host ?? config.HOST;
  const handle = values.demo ? await openDemo(config, io) : await openServer(config, io);
  const reportReads = await openReportReads(config, handle, io);
  const app = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    reportDb: reportReads?.db,
    config,
    logger: true,
    clock: io.clock,
  });
  let stopJobs = () => {};
  const stop = async () => {
    stopJobs();
    await app.close();
    await reportReads?.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ port: port ?? config.PORT, host });
  // Jobs start once the server answers, their first run a little later: after a large import thousands of
  // dossiers may be due for return, and the first requests must not wait behind them.
  // Notices are delivered by their own job, with the senders the configuration names (docs/NOTIFICATIONS.md).
  const log = (line: string) => app.log.info(line);
  setApplicantPhoneChannels(config.MOTCUA_ZALO_ADAPTER === 'none' ? ['sms'] : ['sms', 'zalo']);
  const jobs = [
    ...SERVER_JOBS,
    deliverNotificationsJob(sendersFromConfig(config, log), { publicUrl: config.MOTCUA_PUBLIC_URL }),
  ];
  stopJobs = scheduleJobs(handle.db, jobs, io.clock, log);
  io.out(
    `MộtCửa ${values.demo ? 'demo, ' : ''}${handle.dialect} (${handle.location}) listening on ${address.replace('0.0.0.0', 'localhost')}`,
  );
  return new Promise<number>(() => undefined);
}
