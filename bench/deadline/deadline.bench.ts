/**
 * Deadline benchmark: due computations per second of the compiled calendar, beside a naive day-by-day loop
 * written here, in the same run. Run: npx tsx bench/deadline/deadline.bench.ts
 * Prints a Markdown table and writes it to bench/results/deadline.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCalendar, defaultCalendarSpec } from '../../src/shared/calendar/index.ts';
import type { DeadlineLimit, WorkingCalendar } from '../../src/shared/calendar/index.ts';
import { prng } from '../../src/shared/prng.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OFFSET = 7 * HOUR;
const RECEIPTS = 100_000;
const MIN_SECONDS = 0.5;

type IsWorking = (day: number) => boolean;

/** Naive day test 1: day numbers and a Map of the special days (a tight loop). */
function mapWorking(cal: WorkingCalendar): IsWorking {
  const special = new Map<number, boolean>();
  for (let y = 2023; y <= 2031; y += 1) {
    for (const d of cal.listSpecialDays(y)) special.set(Date.parse(d.date) / DAY, d.working);
  }
  return (day) => {
    const s = special.get(day);
    if (s !== undefined) return s;
    const wd = (day + 4) % 7; // 0 = Sunday
    return wd !== 0 && wd !== 6;
  };
}

/** Naive day test 2: local date strings and the calendar's public isWorkingDay (typical application code). */
function dateStringWorking(cal: WorkingCalendar): IsWorking {
  return (day) => cal.isWorkingDay(new Date(day * DAY).toISOString().slice(0, 10));
}

/** A straightforward implementation: walk day by day (and period by period for hours). */
function naiveEngine(working: IsWorking) {
  const periods = [
    [7.5 * HOUR, 11.5 * HOUR],
    [13.5 * HOUR, 17.5 * HOUR],
  ] as const;
  const dayOf = (t: number): number => Math.floor((t + OFFSET) / DAY);
  const endOf = (day: number): number => day * DAY - OFFSET + 17.5 * HOUR;
  const clockStart = (r: number): number => {
    for (let day = dayOf(r); ; day += 1) {
      if (!working(day)) continue;
      for (const [s, e] of periods)
        if (r < day * DAY - OFFSET + e) return Math.max(r, day * DAY - OFFSET + s);
    }
  };
  return (r: number, limit: DeadlineLimit): number => {
    const s = clockStart(r);
    const ds = dayOf(s);
    if (limit.unit === 'working_day') {
      const n = limit.value === 0 ? (s - (ds * DAY - OFFSET) < 15 * HOUR ? 0 : 1) : limit.value;
      let d = ds;
      for (let counted = 0; counted < n;) if (working(++d)) counted += 1;
      return endOf(d);
    }
    if (limit.unit === 'calendar_day') {
      let d = ds + limit.value;
      while (!working(d)) d += 1;
      return endOf(d);
    }
    let left = limit.value * HOUR;
    if (left === 0) return s;
    for (let day = ds; ; day += 1) {
      if (!working(day)) continue;
      for (const [ps, pe] of periods) {
        const from = Math.max(s, day * DAY - OFFSET + ps);
        const end = day * DAY - OFFSET + pe;
        if (end <= from) continue;
        if (left <= end - from) return from + left;
        left -= end - from;
      }
    }
  };
}

type DueFn = (r: number, limit: DeadlineLimit) => number;

/** Computations per second of `fn` over the inputs, repeated for at least MIN_SECONDS. */
function measure(
  fn: DueFn,
  receipts: Float64Array,
  limits: DeadlineLimit[],
): { perSecond: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < Math.min(receipts.length, 20_000); i += 1)
    checksum += fn(receipts[i] ?? 0, limits[i] ?? limits[0]!);
  let count = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS) {
    for (let i = 0; i < receipts.length; i += 1) checksum += fn(receipts[i] ?? 0, limits[i] ?? limits[0]!);
    count += receipts.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { perSecond: count / elapsed, checksum };
}

interface Case {
  name: string;
  limits: DeadlineLimit[];
}

function buildCases(random: () => number): Case[] {
  const many = (make: () => DeadlineLimit): DeadlineLimit[] => Array.from({ length: RECEIPTS }, make);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return [
    { name: 'working_day 0-60 (random)', limits: many(() => ({ value: int(0, 60), unit: 'working_day' })) },
    { name: 'working_day 1', limits: many(() => ({ value: 1, unit: 'working_day' })) },
    { name: 'working_day 30', limits: many(() => ({ value: 30, unit: 'working_day' })) },
    { name: 'working_day 60', limits: many(() => ({ value: 60, unit: 'working_day' })) },
    { name: 'working_hour 1-64 (random)', limits: many(() => ({ value: int(1, 64), unit: 'working_hour' })) },
    { name: 'calendar_day 0-60 (random)', limits: many(() => ({ value: int(0, 60), unit: 'calendar_day' })) },
  ];
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(1)}x`;
}

interface Row {
  name: string;
  fast: number;
  mapLoop: number;
  stringLoop: number;
}

/** Checks that the three implementations agree on the first 2,000 inputs of every case. */
function countMismatches(
  fns: DueFn[],
  receipts: Float64Array,
  cases: Case[],
): { checked: number; mismatches: number } {
  let checked = 0;
  let mismatches = 0;
  for (const c of cases) {
    for (let i = 0; i < 2_000; i += 1, checked += 1) {
      const [r, limit] = [receipts[i] ?? 0, c.limits[i] ?? { value: 0, unit: 'working_day' as const }];
      const results = fns.map((fn) => fn(r, limit));
      if (results.some((x) => x !== results[0])) mismatches += 1;
    }
  }
  return { checked, mismatches };
}

function renderReport(rows: Row[], check: { checked: number; mismatches: number }): string {
  const row30 = rows.find((r) => r.name === 'working_day 30');
  return [
    '# Deadline benchmark',
    '',
    `- Machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} logical CPUs), one core used`,
    `- Node: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Inputs: ${fmt(RECEIPTS)} random receipts (minute resolution) 2024-2028, default national calendar`,
    `- Same results from the three implementations on ${fmt(check.checked)} checked computations: ` +
      `${check.mismatches === 0 ? 'yes' : `NO (${check.mismatches} mismatches)`}`,
    '',
    'Due computations per second; in brackets, how many times faster the compiled calendar is.',
    'Naive A walks day numbers with a Map of special days; naive B walks local date strings with',
    "the calendar's public isWorkingDay() (as application code without an index would).",
    '',
    '| Limits | compiled calendar | naive A: day numbers + Map | naive B: date strings + isWorkingDay |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.fast)} | ${fmt(r.mapLoop)} (${ratio(r.fast, r.mapLoop)}) | ` +
        `${fmt(r.stringLoop)} (${ratio(r.fast, r.stringLoop)}) |`,
    ),
    '',
    row30
      ? `At 30 working days the compiled calendar is ${ratio(row30.fast, row30.mapLoop)} naive A ` +
        `and ${ratio(row30.fast, row30.stringLoop)} naive B.`
      : '',
    '',
  ].join('\n');
}

function main(): void {
  const cal = createCalendar(defaultCalendarSpec());
  const fast: DueFn = (r, limit) => cal.due(r, limit);
  const naiveMap = naiveEngine(mapWorking(cal));
  const naiveStrings = naiveEngine(dateStringWorking(cal));
  const random = prng(20260213);
  const from = Date.UTC(2024, 0, 1) - OFFSET;
  const span = Date.UTC(2029, 0, 1) - OFFSET - from;
  const receipts = Float64Array.from(
    { length: RECEIPTS },
    () => from + Math.floor((random() * span) / 60_000) * 60_000,
  );
  const cases = buildCases(random);
  // Naive B is measured after all the others: once its isWorkingDay closure reaches naiveEngine's call sites,
  // V8 stops inlining naive A's Map look-up there, which would understate naive A.
  const partial = cases.map((c) => ({
    name: c.name,
    fast: measure(fast, receipts, c.limits).perSecond,
    mapLoop: measure(naiveMap, receipts, c.limits).perSecond,
  }));
  const rows: Row[] = partial.map((p, i) => ({
    ...p,
    stringLoop: measure(naiveStrings, receipts.subarray(0, RECEIPTS / 10), cases[i]?.limits ?? []).perSecond,
  }));
  const check = countMismatches([fast, naiveMap, naiveStrings], receipts, cases);
  const report = renderReport(rows, check);
  console.log(report);
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'deadline.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(`Written to ${out}`);
  if (check.mismatches > 0) process.exitCode = 1;
}

main();
