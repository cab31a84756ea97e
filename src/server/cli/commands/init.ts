import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import * as accounts from '../../accounts/account.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { EVERY_TENANT } from '../../platform/tenant.ts';
import { parseCommandArgs, requireString } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';
import { readPassword } from './users.ts';

const USAGE =
  'init: usage: motcua init --admin-username U --unit CODE [--name "Full name"] [--password P] ' +
  '(password from --password, MOTCUA_PASSWORD or one line of standard input)';

/** The usernames of the system administrators, disabled ones included. */
async function systemAdmins(db: Kysely<Database>): Promise<string[]> {
  // The whole system's accounts: a handful on a new installation, read once.
  const users = await accounts.listUsers(db, EVERY_TENANT);
  return users
    .filter((u) => (JSON.parse(u.roles) as string[]).includes('system_admin'))
    .map((u) => u.username);
}

const refusal = (admins: string[]) =>
  new CliUsageError(
    `init: refused, the system already has an administrator (${admins.join(', ')}); ` +
      'add accounts with motcua users create, or reset a password with motcua users passwd',
  );

/**
 * `motcua init`: creates the first system administrator of a new installation, once. It refuses when any
 * system_admin exists, so it cannot be used to add a second one behind the first's back (that is `users
 * create`, audited like any account change). The password is never printed.
 */
export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', args, {
    'admin-username': { type: 'string' },
    unit: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  });
  if (positionals.length) throw new CliUsageError(USAGE);
  const username = requireString('init', 'admin-username', values['admin-username']);
  const unitCode = requireString('init', 'unit', values.unit);
  const config = loadConfig();
  const handle = await openDatabase(config, { log: io.out, clock: io.clock });
  try {
    const existing = await systemAdmins(handle.db);
    if (existing.length) throw refusal(existing);
    const password = await readPassword(values.password);
    await handle.db
      .transaction()
      .execute(async (trx) => {
        const raced = await systemAdmins(trx);
        if (raced.length) throw refusal(raced);
        await accounts.createUser(
          trx,
          null,
          { username, displayName: values.name ?? username, unitCode, roles: ['system_admin'], password },
          io.clock.now(),
        );
      })
      .catch(describe);
    io.out(`Created the first administrator ${username} (system_admin) in unit ${unitCode}.`);
    io.out('Next:');
    io.out(
      `  1. Start the server: motcua serve (HOST ${config.HOST}, PORT ${config.PORT}; behind a TLS proxy set MOTCUA_TRUST_PROXY=1).`,
    );
    io.out(
      `  2. Sign in as ${username} at ${config.MOTCUA_PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'this-server' : config.HOST}:${config.PORT}`} and create the staff accounts there or with motcua users create.`,
    );
    io.out('  3. Back up every day with motcua backup (docs/OPERATIONS.md).');
  } finally {
    await handle.close();
  }
  return 0;
}

/** AppErrors (a short password, an unknown unit) become one readable line. */
function describe(e: unknown): never {
  if (e instanceof AppError) {
    const detail = e.issues.map(
      (i) => `${i.path}: ${i.message.startsWith('@') ? translate('en', i.message.slice(1)) : i.message}`,
    );
    throw new CliUsageError(`init: ${detail.join('; ') || translate('en', e.code, e.params)}`);
  }
  throw e;
}
