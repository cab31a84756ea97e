/**
 * The shared sign-in throttle and portal limits (platform/shared-limits.ts): counters live in the database, so two
 * server processes — here two throttle instances that share no memory, each with its own connection pool on
 * PostgreSQL — see each other's failures and decide one after the other on the same key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { connect, type DbHandle } from '../db/connect.ts';
import { DbLimitStore, SharedRateLimiter } from '../platform/shared-limits.ts';
import { purgeExpiredLimits } from '../platform/shared-limits.repository.ts';
import { ACCOUNT_SLOW_AFTER, FORGET_AFTER_MS, FREE_FAILURES, SharedLoginThrottle } from './login-throttle.ts';

for (const dialect of DIALECTS) {
  describe(`shared limits on ${dialect}`, () => {
    let t: TestDb;
    let other: DbHandle | undefined;
    let serverA: SharedLoginThrottle;
    let serverB: SharedLoginThrottle;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      // PostgreSQL: the second "server" has its own pool on the same schema
      if (dialect === 'postgres') other = await connect(process.env.TEST_DATABASE_URL!, { schema: t.schema });
      serverA = new SharedLoginThrottle(new DbLimitStore(t.db));
      serverB = new SharedLoginThrottle(new DbLimitStore(other?.db ?? t.db));
    });
    afterAll(async () => {
      await other?.close();
      await t?.dispose();
    });

    it('throttles on one server the pair that failed on the other, and forgives on success', async () => {
      for (let i = 0; i < FREE_FAILURES + 1; i++)
        expect(typeof (await serverA.begin('10.0.0.1', 'a', 0, TEST_NOW))).toBe('object');
      expect(await serverB.begin('10.0.0.1', 'a', 0, TEST_NOW)).toBe(1);
      // a second later the pair may try again, through either server
      const ticket = await serverB.begin('10.0.0.1', 'a', 0, TEST_NOW + 1000);
      if (typeof ticket === 'number') throw new Error('the wait was over');
      await serverB.succeeded(ticket, TEST_NOW + 1000);
      expect(typeof (await serverA.begin('10.0.0.1', 'a', 0, TEST_NOW + 1000))).toBe('object');
    });

    it('decides concurrent attempts on one pair one after the other: exactly the free ones pass', async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? serverA : serverB).begin('10.0.0.2', 'b', 0, TEST_NOW)),
      );
      expect(answers.filter((a) => typeof a === 'object')).toHaveLength(FREE_FAILURES + 1);
    });

    it('shows an account slowed by many addresses on every server; forgets after a day; purges', async () => {
      for (let ip = 0; ip < ACCOUNT_SLOW_AFTER; ip++) await serverA.begin(`10.1.0.${ip}`, 'c', 5, TEST_NOW);
      expect(await serverB.isSlowed('c', 5, TEST_NOW)).toBe(true);
      expect(await serverB.isSlowed('c', 6, TEST_NOW)).toBe(false); // the account was changed since
      expect(await serverB.isSlowed('c', 5, TEST_NOW + FORGET_AFTER_MS)).toBe(false);
      expect(await purgeExpiredLimits(t.db, TEST_NOW + FORGET_AFTER_MS)).toBeGreaterThanOrEqual(
        ACCOUNT_SLOW_AFTER,
      );
      expect(await serverB.isSlowed('c', 5, TEST_NOW)).toBe(false);
    });

    it('holds a portal limit taken on one server on the other, and gives back a released slot', async () => {
      const options = { limit: 2, windowMs: 60_000 };
      const a = new SharedRateLimiter(new DbLimitStore(t.db), 'test.limit', options);
      const b = new SharedRateLimiter(new DbLimitStore(other?.db ?? t.db), 'test.limit', options);
      expect(await a.take('1.2.3.4', TEST_NOW)).toBe(0);
      expect(await b.take('1.2.3.4', TEST_NOW + 10)).toBe(0);
      expect(await a.take('1.2.3.4', TEST_NOW + 20)).toBe(60);
      await b.release('1.2.3.4', TEST_NOW + 10);
      expect(await a.take('1.2.3.4', TEST_NOW + 30)).toBe(0);
      expect(await b.take('1.2.3.4', TEST_NOW + 60_001)).toBe(0); // the first slot's window is over
    });
  });
}
