/**
 * Partitioning by province, an experiment (issue 14 item 7; docs/OPERATIONS.md "Beyond one province"): the same
 * synthetic dossiers in a plain table and in one `PARTITION BY LIST (province_code)`, both with the queue's and the
 * report's indexes; then a commune's queue first page and a province's period counts on each, timed, with the plan
 * of the partitioned one (which partitions it read). Not the application's schema: the columns those two queries
 * touch. Works in its own schema of the database given, dropped at the end.
 *
 *   npx tsx bench/partition/partition.experiment.ts --postgres postgres://postgres@127.0.0.1:5432/postgres \
 *     [--dossiers 1000000,10000000] [--provinces 34] [--runs 20]
 *
 * `--provinces 340` simulates a nation ten times larger with provinces of today's size (three-digit codes).
 *
 * Several sizes (comma-separated) run one after the other in the same schema, the tables emptied in between. The
 * rows are generated in SQL (`generate_series`, one INSERT … SELECT per table, the partitioned one filled from the
 * plain one) into UNLOGGED tables (no WAL: a quicker load, and the reads timed here are the same), indexes created
 * after the load, then VACUUM (ANALYZE).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    dossiers: { type: 'string', default: '1000000' },
    provinces: { type: 'string', default: '34' },
    runs: { type: 'string', default: '20' },
  },
});
const SIZES = String(values.dossiers).split(',').map(Number);
const P = Number(values.provinces);
const RUNS = Number(values.runs);
if (SIZES.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--dossiers: integers ≥ 1000');
if (!Number.isInteger(P) || P < 7 || P > 999) throw new Error('--provinces: 7 to 999');
/** Province codes have two digits, three beyond 99 provinces (a simulation of a larger nation). */
const WIDTH = P > 99 ? 3 : 2;
const COMMUNES = 100;
const schema = `part_${process.pid}`;
const client = new pg.Client({ connectionString: values.postgres });
await client.connect();
const q = (text: string, params: unknown[] = []) => client.query(text, params);

const COLUMNS = `province_code text not null, unit_code text not null, id bigint not null, status text not null,
  due_at bigint, received_at bigint not null`;
const provinceOf = (i: number) => String(i + 1).padStart(WIDTH, '0');
const DAY = 86_400_000;
const T0 = 1767200000000;
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * `COMMUNES` communes a province, every commune with every status (the status varies with g / (provinces ×
 * communes), which the commune does not depend on), dates spread over a year.
 */
async function load(n: number): Promise<{ flat: number; parted: number; indexes: number; vacuum: number }> {
  let t = process.hrtime.bigint();
  await q(
    `insert into flat
     select lpad(((g % $2) + 1)::text, ${WIDTH}, '0'),
            lpad(((g % $2) + 1)::text, ${WIDTH}, '0') || lpad(((g / $2) % ${COMMUNES})::text, 3, '0'),
            g,
            (array['received','processing','resolved','delivered','intake_incomplete'])[1 + ((g / ($2 * ${COMMUNES})) % 5)],
            ${T0} + (g % 365)::bigint * ${DAY} + 5 * ${DAY},
            ${T0} + (g % 365)::bigint * ${DAY}
     from generate_series(1, $1) g`,
    [n, P],
  );
  const flat = seconds(t);
  t = process.hrtime.bigint();
  await q(`insert into parted select * from flat`);
  const parted = seconds(t);
  t = process.hrtime.bigint();
  for (const table of ['flat', 'parted']) {
    await q(`create index ${table}_queue on ${table} (unit_code, status, due_at)`);
    await q(`create index ${table}_report on ${table} (unit_code, received_at)`);
  }
  const indexes = seconds(t);
  t = process.hrtime.bigint();
  await q(`vacuum (analyze) flat, parted`);
  return { flat, parted, indexes, vacuum: seconds(t) };
}

const sizeOf = async (table: string) =>
  Number(
    (
      await q(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind in ('r') and (c.relname = $2 or c.relname like $2 || '\\_%')`,
        [schema, table],
      )
    ).rows[0].bytes,
  );

const communes = (province: string) =>
  Array.from({ length: COMMUNES }, (_, i) => province + String(i).padStart(3, '0'));

const queue = (t: string) =>
  `select id, due_at from ${t} where province_code = $1 and unit_code = $2 and status = 'received'
   order by due_at limit 50`;
const report = (t: string) =>
  `select status, count(*) from ${t} where province_code = $1 and received_at >= $2 and received_at < $3
   group by status`;
/** As the application's report reads: the province's communes' ranges of the (unit_code, received_at) index. */
const reportByCommunes = (t: string) =>
  `select status, count(*) from ${t} where province_code = $1 and unit_code = any($4::text[])
     and received_at >= $2 and received_at < $3
   group by status`;
const PERIOD = [T0 + 100 * DAY, T0 + 130 * DAY];
/** The province timed: the 7th, and its commune 042. */
const PROVINCE = provinceOf(6);
const CASES = [
  { name: "commune's queue, first page", sql: queue, params: [PROVINCE, `${PROVINCE}042`] },
  { name: "province's counts over 30 days", sql: report, params: [PROVINCE, ...PERIOD] },
  {
    name: "province's counts over 30 days, by its communes' index ranges",
    sql: reportByCommunes,
    params: [PROVINCE, ...PERIOD, communes(PROVINCE)],
  },
];

async function time(text: string, params: unknown[]) {
  await q(text, params); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await q(text, params);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
}

const f2 = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const rows: string[] = [];

try {
  await q(`create schema ${schema}`);
  await q(`set search_path = ${schema}`);
  await q(`set maintenance_work_mem = '256MB'`);
  await q(`create unlogged table flat (${COLUMNS}, primary key (id))`);
  await q(
    `create table parted (${COLUMNS}, primary key (province_code, id)) partition by list (province_code)`,
  );
  for (let p = 0; p < P; p++)
    await q(
      `create unlogged table parted_${provinceOf(p)} partition of parted for values in ('${provinceOf(p)}')`,
    );
  for (const n of SIZES) {
    await q('truncate flat, parted');
    for (const table of ['flat', 'parted']) {
      await q(`drop index if exists ${table}_queue`);
      await q(`drop index if exists ${table}_report`);
    }
    const started = process.hrtime.bigint();
    const steps = await load(n);
    console.log(
      `${n.toLocaleString('en')} dossiers over ${P} provinces (${COMMUNES} communes each), loaded and indexed in ` +
        `${seconds(started).toFixed(0)} s (plain table ${steps.flat.toFixed(0)} s, partitioned from it ` +
        `${steps.parted.toFixed(0)} s, four indexes ${steps.indexes.toFixed(0)} s, VACUUM (ANALYZE) ` +
        `${steps.vacuum.toFixed(0)} s); plain ${gb(await sizeOf('flat'))}, partitioned ${gb(await sizeOf('parted'))} ` +
        'with indexes',
    );
    for (const c of CASES) {
      const counted = (await q(c.sql('flat'), c.params)).rows as { count?: string }[];
      const matched = c.sql === queue ? counted.length : counted.reduce((s, r) => s + Number(r.count), 0);
      const flat = await time(c.sql('flat'), c.params);
      const parted = await time(c.sql('parted'), c.params);
      const plan = (await q(`explain ${c.sql('parted')}`, c.params)).rows
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
      const read = new Set(plan.match(/parted_\d+/g) ?? []);
      const flatPlan = (await q(`explain ${c.sql('flat')}`, c.params)).rows
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
      const access = (text: string) =>
        /Index Only Scan/.test(text)
          ? 'index only'
          : /Index Scan/.test(text)
            ? 'index'
            : /Bitmap/.test(text)
              ? 'bitmap'
              : /Seq Scan/.test(text)
                ? 'seq scan'
                : '?';
      rows.push(
        `| ${n.toLocaleString('en')} | ${c.name} | ${matched.toLocaleString('en')} | ${f2(flat.p50)} / ${f2(flat.max)} (${access(flatPlan)}) | ${f2(parted.p50)} / ${f2(parted.max)} (${access(plan)}) | ${[...read].join(', ')} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  console.log(`\n${RUNS} runs each after one warm-up; ms p50 / max; plan's access in brackets.\n`);
  console.log('| dossiers | query | rows | plain table ms | partitioned ms | partitions read |');
  console.log('|---:|---|---:|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await q(`drop schema if exists ${schema} cascade`);
  await client.end();
}
