/**
 * What the demo reads and writes besides the real services: its mark in `settings`, and the counts that tell a
 * demo database from one holding real data. Read before migrating (`probeDemoDatabase`), so a table may be
 * missing: SQLite only (the demo never runs on PostgreSQL).
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { EVERY_TENANT, withinScope } from '../platform/tenant.ts';
import { SHOWN, type DemoProbe } from './demo-guard.ts';

type Db = Kysely<Database>;

/** The `settings` key the demo writes when it seeds a database. */
const DEMO_MARK = 'demo';

export async function insertDemoMark(db: Db, now: number): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: DEMO_MARK, value: JSON.stringify({ seededAt: now }), updated_at: now })
    .execute();
}

/** Whether the demo seeded this (migrated) database. */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (
    (await db.selectFrom('settings').select('key').where('key', '=', DEMO_MARK).executeTakeFirst()) !==
    undefined
  );
}

async function tablesOf(db: Db): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
    db,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * What a SQLite database holds, as far as the demo cares: its mark, the accounts that are not `demoUsernames`
 * (the first SHOWN + 1), and how many accounts, dossiers (imported ones apart), petitions and tasks it has. Missing
 * tables count as empty.
 */
export async function probeDemoDatabase(db: Db, demoUsernames: readonly string[]): Promise<DemoProbe> {
  const tables = await tablesOf(db);
  const has = (...names: string[]) => names.every((n) => tables.has(n));
  const probe: DemoProbe = {
    marked: false,
    otherAccounts: [],
    accounts: 0,
    dossiers: 0,
    importedDossiers: 0,
    petitions: 0,
    tasks: 0,
  };
  if (has('settings')) probe.marked = await isDemoDatabase(db);
  if (has('users')) {
    // tenant: the whole system's accounts are checked by the demo guard, none is shown to a user
    const others = await withinScope(db.selectFrom('users').select('username'), EVERY_TENANT)
      .where('username', 'not in', [...demoUsernames])
      .orderBy('username')
      .limit(SHOWN + 1)
      .execute();
    probe.otherAccounts = others.map((u) => u.username);
    // tenant: counted for the demo guard, nothing is read
    probe.accounts = await count(withinScope(db.selectFrom('users'), EVERY_TENANT));
  }
  if (has('dossiers')) {
    // tenant: counted for the demo guard, nothing is read
    probe.dossiers = await count(withinScope(db.selectFrom('dossiers'), EVERY_TENANT));
    if (probe.marked)
      // tenant: counted for the demo guard; `source` exists in every schema that has the mark
      probe.importedDossiers = await count(
        withinScope(db.selectFrom('dossiers'), EVERY_TENANT).where('source', '=', 'import'),
      );
  }
  // tenant: counted for the demo guard, nothing is read
  if (has('petitions')) probe.petitions = await count(withinScope(db.selectFrom('petitions'), EVERY_TENANT));
  // tenant: counted for the demo guard, nothing is read
  if (has('tasks')) probe.tasks = await count(withinScope(db.selectFrom('tasks'), EVERY_TENANT));
  return probe;
}

/** The number of rows the query finds. */
async function count<T extends keyof Database>(
  query: SelectQueryBuilder<Database, T, object>,
): Promise<number> {
  const row = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The demo's own accounts by username (their ids, names and communes), for the demo PKI. */
export function demoAccountsNamed(
  db: Db,
  usernames: readonly string[],
): Promise<{ id: string; username: string; display_name: string; unit_code: string }[]> {
  return (
    db
      // tenant: the system's own demo seeding, every tenant by design
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'unit_code'])
      .where('username', 'in', [...usernames])
      .execute()
  );
}
