/**
 * The database connection of a bulk import. For SQLite the better-sqlite3 connection is opened here (same
 * pragmas as db/connect.ts) so that the import can reuse prepared statements on the very connection under the
 * Kysely instance; PostgreSQL goes through db/connect.ts unchanged.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { connect, parseDatabaseUrl, type DbHandle } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

export interface ImportDbHandle extends DbHandle {
  sqlite?: SQLite.Database;
}

export async function openImportDatabase(url: string): Promise<ImportDbHandle> {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect !== 'sqlite') return connect(url);
  const file = target === ':memory:' ? target : resolve(target);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, schema: 'main', sqlite, close: () => db.destroy() };
}
