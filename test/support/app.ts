import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifySerializerCompiler, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { DialectName } from '../../src/server/db/connect.ts';
import { createUser } from '../../src/server/accounts/account.service.ts';
import type { Role } from '../../src/server/accounts/roles.ts';
import { openTestDb, openTestSqliteFile, type TestDb } from './db.ts';
import { openSqliteReadWorkers, type ReadWorkersHandle } from '../../src/server/db/sqlite-worker-dialect.ts';
import type { ManualClock } from '../../src/server/platform/clock.ts';
import { testClock } from './clock.ts';
import type { StoreFileSystem } from '../../src/server/attachments/file-store.ts';
import type { ResultSigning } from '../../src/server/results/result.signing.ts';

export const TEST_PASSWORD = 'test-password';

export interface TestApp {
  app: FastifyInstance;
  t: TestDb;
  /** The app's clock, at TEST_NOW until a test moves it. */
  clock: ManualClock;
  /** The read workers `app.reportDb` runs on (option sqliteReadWorkers). */
  readWorkers?: ReadWorkersHandle;
  /** Creates an account (password TEST_PASSWORD). */
  user(username: string, unitCode: string, roles: Role[]): Promise<void>;
  /** Signs in and returns the session cookie header value. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Settings besides the test defaults (environment variable names, as strings). */
  env?: Record<string, string>;
  /** The attachment store's file operations (e.g. a disk that fills up). */
  fileSystem?: StoreFileSystem;
  /** A database the reports read instead of the test database (a stand-in for DATABASE_REPLICA_URL). */
  reportDb?: Kysely<Database>;
  /** The app's signing of results (results/result.signing.ts); none configured when omitted. */
  signing?: ResultSigning;
  /**
   * SQLite only: the database in a file, and the reports reading it through this many read workers
   * (db/sqlite-worker-dialect.ts), as `motcua serve` does; they are closed with the app.
   */
  sqliteReadWorkers?: number;
  /** The prefix of the app's Redis keys when MOTCUA_REDIS_URL is set (test/support/redis.ts testPrefix). */
  redisPrefix?: string;
  /** Writes the answers instead of the app's compiled serialisers (platform/response-serializer.test.ts). */
  serializerCompiler?: FastifySerializerCompiler<unknown>;
}

let logins = 0;
/**
 * Each test sign-in comes from a loopback address of its own: sign-in is limited per address (60 a minute,
 * accounts/public-routes.ts) and a test's clock stands still, so a file signing in often would otherwise meet the
 * limit. Tests of the limit and of the throttle send their own requests with the address they mean.
 */
const nextLoginAddress = (): string => {
  logins += 1;
  return `127.77.${(logins >> 8) & 255}.${logins & 255}`;
};

export async function openTestApp(
  dialect: DialectName,
  seed?: (t: TestDb) => Promise<unknown>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  if (options.sqliteReadWorkers !== undefined && dialect !== 'sqlite')
    throw new Error('sqliteReadWorkers: SQLite only');
  const t = options.sqliteReadWorkers !== undefined ? await openTestSqliteFile() : await openTestDb(dialect);
  if (seed) await seed(t);
  const readWorkers =
    options.sqliteReadWorkers !== undefined
      ? await openSqliteReadWorkers(t.location, options.sqliteReadWorkers)
      : undefined;
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    MOTCUA_FILES_DIR: mkdtempSync(join(tmpdir(), 'motcua-files-')),
    MOTCUA_MAX_UPLOAD_MB: '1',
    MOTCUA_MIN_FREE_MB: '0',
    ...options.env,
  });
  const clock = testClock();
  const app = await buildApp({
    db: t.db,
    dialect: t.dialect,
    config,
    clock,
    fileSystem: options.fileSystem,
    reportDb: readWorkers?.db ?? options.reportDb,
    signing: options.signing,
    redisPrefix: options.redisPrefix,
    serializerCompiler: options.serializerCompiler,
  });
  return {
    app,
    t,
    clock,
    ...(readWorkers ? { readWorkers } : {}),
    async user(username, unitCode, roles) {
      await t.db.transaction().execute((trx) =>
        createUser(
          trx,
          null,
          {
            username,
            displayName: username,
            password: TEST_PASSWORD,
            unitCode,
            roles,
          },
          clock.now(),
        ),
      );
    },
    async login(username) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: TEST_PASSWORD },
        remoteAddress: nextLoginAddress(),
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return sessionCookie(res);
    },
    async close() {
      await app.close();
      await readWorkers?.close();
      await t.dispose();
    },
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'motcua_session');
  if (!cookie) throw new Error('no session cookie');
  return `motcua_session=${cookie.value}`;
}
