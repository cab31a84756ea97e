import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { analyzeTables, optimizeStatistics, refreshStatisticsAfterMigration } from './statistics.ts';

for (const dialect of DIALECTS) {
  describe(`planner statistics on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await sql`create table stat_probe (id integer primary key, unit text not null)`.execute(t.db);
      await sql`create index stat_probe_unit on stat_probe (unit)`.execute(t.db);
      for (let i = 0; i < 200; i += 10) {
        const rows = Array.from({ length: 10 }, (_, j) => sql`(${i + j + 1}, ${`u${(i + j) % 7}`})`);
        await sql`insert into stat_probe (id, unit) values ${sql.join(rows)}`.execute(t.db);
      }
    });
    afterAll(async () => t?.dispose());

    it('analyzeTables gathers statistics the planner then has', async () => {
      await analyzeTables(t.db, ['stat_probe']);
      if (dialect === 'sqlite') {
        const { rows } = await sql<{ idx: string; stat: string }>`
          select idx, stat from sqlite_stat1 where tbl = 'stat_probe'`.execute(t.db);
        // The index's row: 200 rows, ~29 per unit value.
        expect(rows.find((r) => r.idx === 'stat_probe_unit')?.stat).toMatch(/^200 \d+/);
      } else {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stats where tablename = 'stat_probe' and schemaname = current_schema()`.execute(
          t.db,
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
      }
    });

    it('after a migration, an index added to an analysed database gets its statistics (SQLite)', async () => {
      await analyzeTables(t.db, ['stat_probe']);
      await sql`create index stat_probe_unit_id on stat_probe (unit, id)`.execute(t.db);
      const refreshed = await refreshStatisticsAfterMigration(t.db);
      if (dialect === 'sqlite') {
        expect(refreshed).toBe(true);
        const { rows } = await sql<{ idx: string }>`
          select idx from sqlite_stat1 where tbl = 'stat_probe' and idx = 'stat_probe_unit_id'`.execute(t.db);
        expect(rows).toHaveLength(1);
      } else expect(refreshed).toBe(false);
    });

    it('optimizeStatistics runs (SQLite: PRAGMA optimize; PostgreSQL: left to autovacuum)', async () => {
      await expect(optimizeStatistics(t.db)).resolves.toBeUndefined();
    });
  });
}

describe('statistics after migrations on a database that never had any (sqlite)', () => {
  it('are left to the first import or the periodic refresh', async () => {
    const t = await openTestDb('sqlite');
    try {
      const had = await sql<{
        n: number;
      }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(t.db);
      expect(Number(had.rows[0]?.n)).toBe(0);
      expect(await refreshStatisticsAfterMigration(t.db)).toBe(false);
      const after = await sql<{
        n: number;
      }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(t.db);
      expect(Number(after.rows[0]?.n)).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
