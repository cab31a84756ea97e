import { CliUsageError, processIo, type CliIo } from './cli-error.ts';

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Commands load their modules on first use, so `motcua calendar due` starts without the web server's code. */
const lazy =
  <K extends string>(load: () => Promise<Record<K, Command>>, name: K): Command =>
  async (args, io) =>
    (await load())[name](args, io);

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  serve: {
    run: lazy(() => import('./commands/serve.ts'), 'serveCommand'),
    summary:
      'serve [--port N] [--host H] [--demo]   start the web server (--demo: the demo, on ./data/demo.db)',
  },
  migrate: {
    run: lazy(() => import('./commands/database.ts'), 'migrateCommand'),
    summary: 'migrate                               apply database migrations',
  },
  init: {
    run: lazy(() => import('./commands/init.ts'), 'initCommand'),
    summary: 'init --admin-username U --unit CODE  create the first system administrator (once)',
  },
  seed: {
    run: lazy(() => import('./commands/database.ts'), 'seedCommand'),
    summary: 'seed --demo                           load the demo into its own database (./data/demo.db)',
  },
  units: {
    run: lazy(() => import('./commands/units.ts'), 'unitsCommand'),
    summary: 'units import                          (re)import the administrative units',
  },
  users: {
    run: lazy(() => import('./commands/users.ts'), 'usersCommand'),
    summary: 'users create|passwd|list|disable|enable   manage accounts',
  },
  calendar: {
    run: lazy(() => import('./commands/calendar.ts'), 'calendarCommand'),
    summary: 'calendar due|days|set|check-open      deadlines, the working calendar, dues to review',
  },
  import: {
    run: lazy(() => import('./commands/import.ts'), 'importCommand'),
    summary: 'import dossiers FILE.jsonl               import legacy dossiers (all or nothing)',
  },
  report: {
    run: lazy(() => import('./commands/report.ts'), 'reportCommand'),
    summary: 'report --unit C --from D --to D --format json|xlsx|pdf|brief [--lang vi|en|ru] [--out F]',
  },
  audit: {
    run: lazy(() => import('./commands/audit.ts'), 'auditCommand'),
    summary: 'audit verify [--against F] | checkpoint  check the keyed audit chains; sign their heads',
  },
  backup: {
    run: lazy(() => import('./commands/backup.ts'), 'backupCommand'),
    summary: 'backup [--out DIR] [--keep N]         copy the database and attachment files (server may run)',
  },
  sign: {
    run: lazy(() => import('./commands/sign.ts'), 'signCommand'),
    summary:
      'sign verify FILE.pdf [--roots B.pem]  check a signed PDF; one JSON line, exit 0 if valid and unchanged',
  },
  restore: {
    run: lazy(() => import('./commands/restore.ts'), 'restoreCommand'),
    summary: 'restore FILE [--force]                check a SQLite backup and put it back (server stopped)',
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  motcua ${c.summary}`);
  return [
    'MộtCửa — one-stop administrative service centre',
    '',
    'Usage:',
    ...lines,
    '',
    'Environment: DATABASE_URL (sqlite:<path> | postgres://…), PORT, HOST, MOTCUA_DEMO_PASSWORD',
  ].join('\n');
}

/** Runs one CLI command; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`motcua: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`motcua ${e.message}`);
      return 2;
    }
    io.err(`motcua ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
