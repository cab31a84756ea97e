/**
 * `npx tsx bench/serialize/serialize.bench.ts [database]`: the CPU time of a queue page's answer, 50 real dossiers
 * of one commune from the load benchmark's database (bench/load/tmp/base-20000.db, `npm run bench:load -- --quick`
 * builds it): presenting them (one policy per dossier, as before, and per page) and writing the JSON (zod's
 * serializer, and the compiled one of platform/response-serializer.ts). CPU time (process.cpuUsage), not wall
 * time, so other work on the machine changes it little; the median of 7 batches.
 */
import Database from 'better-sqlite3';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { ROOT } from '../load/server.ts';
import type { Actor } from '../../src/server/accounts/roles.ts';
import type { DossierRow } from '../../src/server/dossiers/dossier.table.ts';
import { ZQueueResponse } from '../../src/server/dossiers/dossier.schemas.ts';
import { presentDossier, presentDossiers } from '../../src/server/dossiers/dossier.presenter.ts';
import { compileZodSerializer } from '../../src/server/platform/response-serializer.ts';

const file = process.argv[2] ?? join(ROOT, 'bench/load/tmp/base-20000.db');
const db = new Database(file, { readonly: true });
const unit = db
  .prepare(
    "SELECT unit_code FROM dossiers GROUP BY unit_code ORDER BY MAX(source = 'live') DESC, COUNT(*) DESC LIMIT 1",
  )
  .get() as {
  unit_code: string;
};
const rows = db
  .prepare('SELECT * FROM dossiers WHERE unit_code = ? ORDER BY created_at DESC LIMIT 50')
  .all(unit.unit_code) as DossierRow[];
const province = rows[0]!.province_code;
db.close();
const leader: Actor = {
  id: 'bench-leader',
  username: 'lanhdao',
  displayName: 'Lãnh đạo',
  roles: ['commune_leader'],
  unitCode: unit.unit_code,
  provinceCode: province,
};
const names = new Map<string, { username: string; name: string }>();

/** Median CPU microseconds per call of `fn` over 7 batches of `n` calls. */
function cpuMicros(fn: () => unknown, n: number): number {
  for (let i = 0; i < n; i++) fn(); // warm
  const batches: number[] = [];
  for (let b = 0; b < 7; b++) {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const used = process.cpuUsage(start);
    batches.push((used.user + used.system) / n);
  }
  return batches.sort((x, y) => x - y)[3]!;
}

const page = { items: presentDossiers(rows, leader, names), nextCursor: 'abc' };
const zod = zodSerializerCompiler({ schema: ZQueueResponse, method: 'GET', url: '/api/dossiers' } as never);
const compiled = compileZodSerializer(ZQueueResponse);
if (!compiled.compiled) throw new Error(`not compiled: ${compiled.why}`);
if (JSON.stringify(JSON.parse(zod(page))) !== JSON.stringify(JSON.parse(compiled.stringify(page))))
  throw new Error('the two serialisers differ');

const N = 400;
const results = [
  [
    'present 50 dossiers, a policy per dossier',
    cpuMicros(() => rows.map((d) => presentDossier(d, leader, names)), N),
  ],
  [
    'present 50 dossiers, a policy per page (presentDossiers)',
    cpuMicros(() => presentDossiers(rows, leader, names), N),
  ],
  ['write the page: zod serializer', cpuMicros(() => zod(page), N)],
  ['write the page: compiled (fast-json-stringify)', cpuMicros(() => compiled.stringify(page), N)],
] as const;
console.log(`queue page: 50 dossiers of commune ${unit.unit_code}, ${zod(page).length} bytes of JSON`);
for (const [what, us] of results) console.log(`${what.padEnd(58)} ${us.toFixed(0).padStart(6)} µs CPU`);
