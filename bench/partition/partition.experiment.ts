/**
 * Partitioning by province, an experiment (issue 14 item 7; docs/OPERATIONS.md "Beyond one province"): the same
 * synthetic dossiers in a plain table and in one `PARTITION BY LIST (province_code)`, both with the queue's and the
 * report's indexes; then a commune's queue first page and a province's period counts on each, timed, with the plan
 * of the partitioned one (which partitions it read). Not the application's schema: the columns those two queries
 * touch. Works in its own schema of the database given, dropped at the end.
 *
 *   npx tsx bench/partition/partition.experiment.ts --postgres postgres://postgres@127.0.0.1:5432/test \
 *     [--dossiers 1000000] [--provinces 34] [--runs 20]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    dossiers: { type: 'string', default: '1000000' },
    provinces: { type: 'string', default: '34' },
    runs: { type: 'string', default: '20' },
  },
});
const N = Number(values.dossiers);
const P = Number(values.provinces);
const RUNS = Number(values.runs);
const schema = `part_${process.pid}`;
const client = new pg.Client({ connectionString: values.postgres });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);

const COLUMNS = `province_code text not null, unit_code text not null, id bigint not null, status text not null,
  due_at bigint, received_at bigint not null`;
const provinceOf = (i: number) => String(i + 1).padStart(2, '0');

try {
  await q(`create schema ${schema}`);
  await q(`set search_path = ${schema}`);
  await q(`create table flat (${COLUMNS}, primary key (id))`);
  await q(
    `create table parted (${COLUMNS}, primary key (province_code, id)) partition by list (province_code)`,
  );
  for (let p = 0; p < P; p++)
    await q(`create table parted_${provinceOf(p)} partition of parted for values in ('${provinceOf(p)}')`);
  const started = Date.now();
  // 100 communes a province; statuses and dates spread over a year
  const fill = (table: string) =>
    q(
      `insert into ${table}
       select lpad(((g % $2) + 1)::text, 2, '0'),
              lpad(((g % $2) + 1)::text, 2, '0') || lpad(((g / $2) % 100)::text, 3, '0'),
              g,
              (array['received','processing','resolved','delivered','intake_incomplete'])[1 + (g % 5)],
              1767200000000 + (g % 365)::bigint * 86400000 + 5 * 86400000,
              1767200000000 + (g % 365)::bigint * 86400000
       from generate_series(1, $1) g`,
      [N, P],
    );
  await fill('flat');
  await fill('parted');
  for (const t of ['flat', 'parted']) {
    await q(`create index ${t}_queue on ${t} (unit_code, status, due_at)`);
    await q(`create index ${t}_report on ${t} (unit_code, received_at)`);
    await q(`analyze ${t}`);
  }
  const loadSeconds = (Date.now() - started) / 1000;

  const queue = (t: string) =>
    `select id, due_at from ${t} where province_code = $1 and unit_code = $2 and status = 'received'
     order by due_at limit 50`;
  const report = (t: string) =>
    `select status, count(*) from ${t} where province_code = $1 and received_at >= $2 and received_at < $3
     group by status`;
  const cases = [
    { name: "commune's queue, first page", sql: queue, params: ['07', '07042'] },
    {
      name: "province's counts over 30 days",
      sql: report,
      params: ['07', 1767200000000 + 100 * 86400000, 1767200000000 + 130 * 86400000],
    },
  ];
  const time = async (text: string, params: unknown[]) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await q(text, params);
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
  };
  console.log(
    `${N.toLocaleString('en')} dossiers over ${P} provinces, loaded and indexed in ${loadSeconds.toFixed(0)} s`,
  );
  console.log('| query | plain table p50 / max ms | partitioned p50 / max ms | partitions read |');
  console.log('|---|---|---|---|');
  for (const c of cases) {
    const flat = await time(c.sql('flat'), c.params);
    const parted = await time(c.sql('parted'), c.params);
    const plan = (await q(`explain ${c.sql('parted')}`, c.params)).rows
      .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
      .join('\n');
    const read = new Set(plan.match(/parted_\d+/g) ?? []);
    console.log(
      `| ${c.name} | ${flat.p50.toFixed(2)} / ${flat.max.toFixed(2)} | ${parted.p50.toFixed(2)} / ${parted.max.toFixed(2)} | ${[...read].join(', ')} |`,
    );
  }
} finally {
  await q(`drop schema if exists ${schema} cascade`);
  await client.end();
}
