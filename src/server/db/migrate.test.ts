import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { migrateToLatest } from './migrate.ts';

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
    });
    afterAll(async () => t?.dispose());

    it('creates the foundation tables', async () => {
      const tables = (await t.db.introspection.getTables()).map((x) => x.name);
      expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'unit_versions', 'audit_log']));
    });

    it('is idempotent: a second run applies nothing', async () => {
      const again = await migrateToLatest(t.db, t.dialect === 'postgres' ? t.schema : undefined);
      expect(again.applied).toEqual([]);
    });

    it('stores epoch milliseconds beyond 2^31 and reads them back as numbers', async () => {
      const at = Date.UTC(2026, 1, 25, 10, 30);
      await t.db.insertInto('settings').values({ key: 'probe', value: '{}', updated_at: at }).execute();
      const row = await t.db
        .selectFrom('settings')
        .selectAll()
        .where('key', '=', 'probe')
        .executeTakeFirstOrThrow();
      expect(row.updated_at).toBe(at);
      const { rows } = await sql<{ n: number }>`select count(*) as n from settings`.execute(t.db);
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });
}
