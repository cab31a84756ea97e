import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../bootstrap.ts';
import { AppError } from '../../platform/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import * as accounts from '../../accounts/account.service.ts';
import { ROLES, type Role } from '../../accounts/roles.ts';
import { parseCommandArgs, requireString } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE =
  'users: usage: motcua users create --username U --name "Full name" --unit CODE --role ROLE[,ROLE] [--password P] | ' +
  'passwd --username U [--password P] | list | disable --username U | enable --username U';

/** The password from --password, MOTCUA_PASSWORD, or one line of standard input. */
export async function readPassword(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.MOTCUA_PASSWORD) return process.env.MOTCUA_PASSWORD;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stderr : undefined,
  });
  try {
    const line = await rl.question(process.stdin.isTTY ? 'Password: ' : '');
    return line.trim();
  } finally {
    rl.close();
  }
}

function parseRoles(value: string): Role[] {
  const roles = value.split(',').map((r) => r.trim());
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length)
    throw new CliUsageError(`users: unknown role ${bad.join(', ')} (roles: ${ROLES.join(', ')})`);
  return roles as Role[];
}

/** AppErrors (validation, conflict) become one readable line. */
function describe(e: unknown): never {
  if (e instanceof AppError) {
    const detail = e.issues.map(
      (i) => `${i.path}: ${i.message.startsWith('@') ? translate('en', i.message.slice(1)) : i.message}`,
    );
    throw new CliUsageError(`users: ${detail.join('; ') || translate('en', e.code, e.params)}`);
  }
  throw e;
}

export async function usersCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('users', args, {
    username: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
  });
  const sub = positionals[0];
  if (!sub || positionals.length > 1 || !['create', 'passwd', 'list', 'disable', 'enable'].includes(sub))
    throw new CliUsageError(USAGE);
  const username = sub === 'list' ? '' : requireString('users', 'username', values.username);
  const create =
    sub === 'create'
      ? {
          unitCode: requireString('users', 'unit', values.unit),
          roles: parseRoles(requireString('users', 'role', values.role)),
        }
      : undefined;
  const password = sub === 'create' || sub === 'passwd' ? await readPassword(values.password) : '';
  const handle = await openDatabase(loadConfig(), { clock: io.clock });
  const db = handle.db;
  try {
    if (sub === 'list') {
      for (const u of await accounts.listUsers(db, { kind: 'all' })) {
        const state = u.disabled
          ? 'disabled'
          : u.locked_until && u.locked_until > io.clock.now()
            ? 'locked'
            : 'active';
        io.out(
          `${u.username.padEnd(22)} ${u.unit_code.padEnd(6)} ${(JSON.parse(u.roles) as string[]).join(',').padEnd(22)} ${state}  ${u.display_name}`,
        );
      }
    } else if (create) {
      await db
        .transaction()
        .execute((trx) =>
          accounts.createUser(
            trx,
            null,
            {
              username,
              displayName: values.name ?? username,
              password,
              ...create,
            },
            io.clock.now(),
          ),
        )
        .catch(describe);
      io.out(`Created ${username} (${create.roles.join(', ')}) in unit ${create.unitCode}.`);
    } else if (sub === 'passwd') {
      await db
        .transaction()
        .execute((trx) => accounts.setPassword(trx, null, username, password, io.clock.now()))
        .catch(describe);
      io.out(`Password of ${username} changed; their sessions were closed.`);
    } else {
      await db
        .transaction()
        .execute((trx) => accounts.setDisabled(trx, null, username, sub === 'disable', io.clock.now()))
        .catch(describe);
      io.out(`${username} ${sub}d.`);
    }
  } finally {
    await handle.close();
  }
  return 0;
}
