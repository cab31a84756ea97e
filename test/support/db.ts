import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type DbHandle, type DialectName } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ephemeralAuditKey, useAuditKey } from '../../src/server/audit/audit-key.ts';

// Every test database of this process chains its audit entries under one random key (bootstrap loads a file).
useAuditKey(ephemeralAuditKey());

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export const DIALECTS: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends DbHandle {
  /** Drops what the test created (the PostgreSQL schema) and closes the connection. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database: in-memory SQLite, or a uniquely named PostgreSQL schema. */
export async function openTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const handle = await connect('sqlite::memory:');
    await migrateToLatest(handle.db);
    return { ...handle, dispose: () => handle.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = await connect(url, { schema, poolSize: 20 });
  await migrateWithRetry(handle.db, schema);
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A fresh, migrated SQLite database in a file of its own (a temporary directory, removed by dispose): for what an
 * in-memory database cannot do, such as the read workers' second connection (db/sqlite-worker-dialect.ts).
 */
export async function openTestSqliteFile(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-db-'));
  const handle = await connect(`sqlite:${join(dir, 'motcua.db')}`);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async dispose() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Kysely's migrator lists the tables of every schema (its PostgreSQL introspector calls pg_get_serial_sequence on
 * each), and test files running in parallel drop their own schemas when they end: a schema dropped during that
 * listing fails it with 'schema "t_…" does not exist'. That race is the harness's, not the code's: try again.
 */
async function migrateWithRetry(db: DbHandle['db'], schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db, schema);
      return;
    } catch (e) {
      const raced = e instanceof Error && /schema "t_[0-9a-f]+" does not exist/.test(e.message);
      if (!raced || attempt === 5) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
