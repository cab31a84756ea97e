/**
 * Intake with and without group commit (platform/group-commit.ts), on a SQLite file (WAL, synchronous=FULL) or on
 * PostgreSQL (`--postgres URL`): POST /api/dossiers over HTTP with autocannon, `--connections` at once (64) for
 * `--seconds` (5), once with MOTCUA_GROUP_COMMIT_MAX=1 (each intake its own transaction, as before) and once with
 * the default. A quick before/after for the change; bench/load (issue 14 item 1) gives the official figures.
 *
 *   npx tsx bench/intake/group-commit.bench.ts [--connections 64] [--seconds 5] [--postgres postgres://…/test]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { connect } from '../../src/server/db/connect.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { ephemeralAuditKey, useAuditKey } from '../../src/server/audit/audit-key.ts';
import { manualClock } from '../../src/server/platform/clock.ts';
import { buildIntake, seedCentre } from '../../test/support/dossiers.ts';
import { TEST_NOW } from '../../test/support/clock.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '5' },
    postgres: { type: 'string' },
  },
});
useAuditKey(ephemeralAuditKey());

async function run(groupMax: string) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-gc-'));
  const schema = `gc_${process.pid}_${groupMax}`;
  const handle = values.postgres
    ? await connect(values.postgres, { schema, poolSize: 20 })
    : await connect(`sqlite:${join(dir, 'bench.db')}`);
  await migrateToLatest(handle.db, values.postgres ? schema : undefined);
  await seedCentre(handle.db);
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    MOTCUA_FILES_DIR: join(dir, 'files'),
    MOTCUA_GROUP_COMMIT_MAX: groupMax,
    MOTCUA_LOG_LEVEL: 'silent',
  });
  const app = await buildApp({
    db: handle.db,
    dialect: handle.dialect,
    config,
    clock: manualClock(TEST_NOW),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tiepnhan.dilinh', password: 'test-password' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('motcua_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // autocannon in its own process (its CLI, --json), so the load does not share the server's event loop
  const { stdout } = await promisify(execFile)('node_modules/.bin/autocannon', [
    '--json',
    '-c',
    values.connections,
    '-d',
    values.seconds,
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `cookie=${cookie}`,
    '-H',
    `x-csrf-token=${csrfToken}`,
    '-b',
    JSON.stringify(buildIntake()),
    `${address}/api/dossiers`,
  ]);
  const result = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
  };
  const stored = await handle.db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await app.close();
  if (values.postgres) {
    const { sql } = await import('kysely');
    await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
  }
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    groupMax,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    stored: Number(stored.n),
  };
}

const rows = [await run('1'), await run('64')];
console.log(
  `intake on ${values.postgres ? 'PostgreSQL' : 'SQLite (WAL, synchronous=FULL)'}, ${values.connections} connections, ${values.seconds} s`,
);
console.log('| group commit | intakes/s | p50 ms | p99 ms | non-2xx | dossiers stored |');
console.log('|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.groupMax === '1' ? 'off (1 per transaction)' : `on (≤ ${r.groupMax})`} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.stored} |`,
  );
