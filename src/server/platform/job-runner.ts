/**
 * A database-backed job runner: the embedded deployment needs no extra server, and a province running several
 * server processes on one PostgreSQL never runs a job twice.
 *
 * Each job has a row in `job_runs`. A runner claims a due job with one conditional UPDATE (due, and no live lease)
 * — an atomic compare-and-set on both engines, so of two processes exactly one wins — then runs it and sets the
 * next run. A lease (not a held lock or transaction) marks the claim, so a crashed runner's job is taken up again
 * once its lease runs out, and no connection is held while the job works. Time comes from the injected clock.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';

type Db = Kysely<Database>;

/** What a job reports: items done and failed (one item's failure never stops the others), and a line to log. */
export interface JobOutcome {
  done: number;
  failed: number;
  message?: string;
}

export interface JobDefinition {
  /** Stable id, e.g. `sessions.purge_expired`. */
  name: string;
  intervalMs: number;
  run(db: Db, now: number): Promise<JobOutcome>;
}

/** A claim lasts this long; a job running longer may be claimed again, so jobs must be safe to repeat. */
export const JOB_LEASE_MS = 10 * 60_000;

/**
 * Runs `work` on every item, each on its own: a failing item is counted and logged, and the rest go on.
 * Yields to the event loop between items, so requests are answered while a long batch runs.
 */
export async function eachItem<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
  onError: (item: T, error: unknown) => void,
): Promise<JobOutcome> {
  let done = 0;
  let failed = 0;
  for (const item of items) {
    try {
      await work(item);
      done += 1;
    } catch (e) {
      failed += 1;
      onError(item, e);
    }
    await new Promise((r) => setImmediate(r));
  }
  return { done, failed };
}

async function ensureRows(db: Db, jobs: readonly JobDefinition[], now: number): Promise<void> {
  for (const job of jobs)
    await db
      .insertInto('job_runs')
      .values({ name: job.name, next_run_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
}

/** Claims the job if it is due and nobody holds it; true when this runner got it. */
async function claim(db: Db, name: string, runner: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('job_runs')
    .set({ locked_until: now + JOB_LEASE_MS, locked_by: runner, last_started_at: now })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface RunReport {
  name: string;
  outcome: JobOutcome & { ok: boolean };
}

/**
 * Runs every job that is due now and not held by another runner, one after the other. A job that throws is
 * recorded as failed and the others still run. Returns what ran.
 */
export async function runDueJobs(
  db: Db,
  jobs: readonly JobDefinition[],
  clock: Clock,
  runner: string = randomUUID(),
): Promise<RunReport[]> {
  await ensureRows(db, jobs, clock.now());
  const reports: RunReport[] = [];
  for (const job of jobs) {
    const started = clock.now();
    if (!(await claim(db, job.name, runner, started))) continue;
    let outcome: RunReport['outcome'];
    try {
      outcome = { ok: true, ...(await job.run(db, started)) };
    } catch (e) {
      outcome = { ok: false, done: 0, failed: 1, message: e instanceof Error ? e.message : String(e) };
    }
    const finished = clock.now();
    await db
      .updateTable('job_runs')
      .set({
        next_run_at: started + job.intervalMs,
        locked_until: null,
        locked_by: null,
        last_finished_at: finished,
        last_outcome: JSON.stringify(outcome),
      })
      .where('name', '=', job.name)
      .where('locked_by', '=', runner)
      .execute();
    reports.push({ name: job.name, outcome });
  }
  return reports;
}

export interface ScheduleOptions {
  /** How often the runner looks for due jobs. */
  tickMs?: number;
  /** The first look comes this long after start: the server answers requests first. */
  firstRunAfterMs?: number;
}

/** Looks for due jobs now and then every `tickMs`, never two looks at once; returns a stop function. */
export function scheduleJobs(
  db: Db,
  jobs: readonly JobDefinition[],
  clock: Clock,
  log: (line: string) => void,
  options: ScheduleOptions = {},
): () => void {
  const runner = randomUUID();
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (const { name, outcome } of await runDueJobs(db, jobs, clock, runner))
        if (!outcome.ok || outcome.failed > 0 || outcome.done > 0)
          log(
            `job ${name}: ${outcome.done} done, ${outcome.failed} failed${outcome.message ? ` — ${outcome.message}` : ''}`,
          );
    } catch (e) {
      log(`jobs: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunAfterMs ?? 10_000);
  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
