import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { CachedStatements } from './statement-cache.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** For SQLite: the file path (or ':memory:'); for PostgreSQL: the URL without password. */
  location: string;
  /** PostgreSQL: the schema in use (search_path). */
  schema: string;
  /** SQLite: the prepared statements kept across queries (statement-cache.ts). */
  statements?: CachedStatements;
  close(): Promise<void>;
}

// int8 (bigint) columns hold epoch milliseconds and counters: safe as JS numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric columns (areas, shares) as numbers.
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export interface ConnectOptions {
  /** PostgreSQL only: schema to use (created if missing); used by tests for isolation. */
  schema?: string;
  poolSize?: number;
}

export function parseDatabaseUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:')) {
    const target = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!target) throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/motcua.db');
    return { dialect: 'sqlite', target };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', target: url };
  throw new Error('DATABASE_URL: must be sqlite:<path> or postgres://…');
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<DbHandle> {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') return connectSqlite(target);
  return connectPostgres(target, options);
}

function connectSqlite(target: string): DbHandle {
  const file = target === ':memory:' ? target : resolve(target);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new CachedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return { db, dialect: 'sqlite', location: file, schema: 'main', statements, close: () => db.destroy() };
}

async function connectPostgres(target: string, options: ConnectOptions): Promise<DbHandle> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: target });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, dialect: 'postgres', location, schema: schema ?? 'public', close: () => db.destroy() };
}

/** One round trip to the database (the health check). */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
