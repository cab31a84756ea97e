import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW, testClock } from '../../../test/support/clock.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { createUser } from '../accounts/account.service.ts';
import {
  eachItem,
  JOB_LEASE_MS,
  runDueJobs,
  scheduleJobs,
  type JobDefinition,
} from '../platform/job-runner.ts';
import { IDEMPOTENCY_KEEP_DAYS, purgeExpiredSessions, purgeOldIdempotencyKeys } from './jobs.ts';

const DAY = 86_400_000;

/** A job that counts its runs and takes a little while, so concurrent runners overlap. */
function countingJob(name: string, intervalMs = 60_000): JobDefinition & { runs: number } {
  const job = {
    name,
    intervalMs,
    runs: 0,
    run: async () => {
      job.runs += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { done: 1, failed: 0 };
    },
  };
  return job;
}

for (const dialect of DIALECTS) {
  describe(`job runner on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertUnits(t.db, LAM_DONG_SAMPLE);
    });
    afterAll(async () => t?.dispose());

    it('runs a due job once however many runners look at the same moment, then not before its interval', async () => {
      const job = countingJob('test.once');
      const clock = testClock();
      const reports = await Promise.all(
        ['a', 'b', 'c', 'd'].map((runner) => runDueJobs(t.db, [job], clock, runner)),
      );
      expect(job.runs).toBe(1);
      expect(reports.flat()).toHaveLength(1);
      clock.advance(59_000);
      await runDueJobs(t.db, [job], clock);
      expect(job.runs).toBe(1);
      clock.advance(1_000);
      await runDueJobs(t.db, [job], clock);
      expect(job.runs).toBe(2);
      const row = await t.db
        .selectFrom('job_runs')
        .selectAll()
        .where('name', '=', 'test.once')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ locked_until: null, locked_by: null, next_run_at: clock.now() + 60_000 });
      expect(JSON.parse(row.last_outcome!)).toEqual({ ok: true, done: 1, failed: 0 });
    });

    it('a failing job is recorded and the next job still runs; a crashed runner’s lease runs out', async () => {
      const clock = testClock();
      const broken: JobDefinition = {
        name: 'test.broken',
        intervalMs: 60_000,
        run: () => Promise.reject(new Error('disk full')),
      };
      const after = countingJob('test.after-broken');
      const reports = await runDueJobs(t.db, [broken, after], clock);
      expect(reports.map((r) => [r.name, r.outcome.ok])).toEqual([
        ['test.broken', false],
        ['test.after-broken', true],
      ]);
      expect(reports[0]!.outcome.message).toBe('disk full');
      // A runner that claimed a job and died: nobody else runs it until the lease has run out.
      const stuck = countingJob('test.stuck');
      await runDueJobs(t.db, [], clock); // nothing
      await t.db
        .insertInto('job_runs')
        .values({
          name: 'test.stuck',
          next_run_at: clock.now(),
          locked_until: clock.now() + JOB_LEASE_MS,
          locked_by: 'dead',
        })
        .execute();
      await runDueJobs(t.db, [stuck], clock);
      expect(stuck.runs).toBe(0);
      clock.advance(JOB_LEASE_MS + 1);
      await runDueJobs(t.db, [stuck], clock);
      expect(stuck.runs).toBe(1);
    });

    it('purges expired sessions and idempotency keys older than 30 days, keeping the rest', async () => {
      const user = await t.db.transaction().execute((trx) =>
        createUser(
          trx,
          null,
          {
            username: 'jobs.user',
            displayName: 'J',
            password: 'secret-pass',
            unitCode: '25000',
            roles: ['specialist'],
          },
          TEST_NOW,
        ),
      );
      const session = (id: string, expires: number) => ({
        id,
        user_id: user.id,
        csrf_token: 'x',
        created_at: TEST_NOW - DAY,
        expires_at: expires,
        ip: '127.0.0.1',
        user_agent: 'test',
      });
      await t.db
        .insertInto('sessions')
        .values([session('expired', TEST_NOW - 1), session('live', TEST_NOW + 3_600_000)])
        .execute();
      const key = (k: string, created: number) => ({
        key: k,
        request_hash: 'h',
        response_status: 201,
        response_body: '{}',
        created_at: created,
      });
      await t.db
        .insertInto('idempotency_keys')
        .values([key('old', TEST_NOW - (IDEMPOTENCY_KEEP_DAYS + 1) * DAY), key('recent', TEST_NOW - DAY)])
        .execute();
      const reports = await runDueJobs(t.db, [purgeExpiredSessions, purgeOldIdempotencyKeys], testClock());
      expect(reports.map((r) => [r.name, r.outcome.done])).toEqual([
        ['sessions.purge_expired', 1],
        ['idempotency.purge_old', 1],
      ]);
      const sessions = await t.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      expect(sessions.map((s) => s.id)).toEqual(['live']);
      const keys = await t.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('key', 'in', ['old', 'recent'])
        .execute();
      expect(keys.map((k) => k.key)).toEqual(['recent']);
    });
  });
}

describe('job scheduling', () => {
  it('one failing item never stops the others', async () => {
    const failed: number[] = [];
    const seen: number[] = [];
    const outcome = await eachItem(
      [1, 2, 3, 4],
      async (n) => {
        if (n === 2) throw new Error('conflict');
        seen.push(n);
      },
      (n) => failed.push(n),
    );
    expect(outcome).toEqual({ done: 3, failed: 1 });
    expect(seen).toEqual([1, 3, 4]);
    expect(failed).toEqual([2]);
  });

  it('runs nothing at start: the first look comes after the server is listening, then on every tick', async () => {
    const t = await openTestDb('sqlite');
    try {
      const job = countingJob('test.scheduled');
      const stop = scheduleJobs(t.db, [job], testClock(), () => {}, { firstRunAfterMs: 50, tickMs: 10_000 });
      await new Promise((r) => setTimeout(r, 10));
      expect(job.runs).toBe(0);
      await new Promise((r) => setTimeout(r, 150));
      expect(job.runs).toBe(1);
      stop();
    } finally {
      await t.dispose();
    }
  });
});
