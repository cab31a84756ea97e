import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { appendAudit, verifyAudit } from './audit.service.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const actor = { id: 'u1', username: 'tiepnhan.dilinh' };

async function appendMany(t: TestDb, chain: string, n: number) {
  for (let i = 0; i < n; i++) {
    await t.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        {
          actor,
          action: 'dossier.read_personal_data',
          targetType: 'dossier',
          targetId: `D${i}`,
          provinceCode: chain,
          unitCode: '25000',
          ip: '127.0.0.1',
          details: { i },
        },
        TEST_NOW,
      ),
    );
  }
}

for (const dialect of DIALECTS) {
  describe(`audit log on ${dialect}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
    });
    afterAll(async () => t?.dispose());

    it('chains entries per province and verifies an untouched log', async () => {
      await appendMany(t, 'A1', 5);
      await appendMany(t, 'A2', 2);
      const result = await verifyAudit(t.db);
      expect(result).toMatchObject({ ok: true, entries: 7, chains: 2, problems: [] });
      const rows = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', 'A1')
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    });

    it('finds an edited entry and names it', async () => {
      await appendMany(t, 'E', 4);
      await t.db
        .updateTable('audit_log')
        .set({ target_id: 'forged' })
        .where('chain', '=', 'E')
        .where('seq', '=', 3)
        .execute();
      const { ok, problems } = await verifyAudit(t.db);
      expect(ok).toBe(false);
      expect(problems).toContainEqual(expect.objectContaining({ chain: 'E', seq: 3, kind: 'edited' }));
    });

    it('finds a removed entry in the middle and at the end', async () => {
      await appendMany(t, 'R', 5);
      await t.db.deleteFrom('audit_log').where('chain', '=', 'R').where('seq', '=', 2).execute();
      await t.db.deleteFrom('audit_log').where('chain', '=', 'R').where('seq', '=', 5).execute();
      const problems = (await verifyAudit(t.db)).problems.filter((p) => p.chain === 'R');
      expect(problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'removed' }));
      expect(problems).toContainEqual(expect.objectContaining({ seq: 5, kind: 'removed' }));
    });

    it('finds reordered entries', async () => {
      await appendMany(t, 'O', 4);
      // swap the positions of entries 2 and 3
      await t.db
        .updateTable('audit_log')
        .set({ seq: 99 })
        .where('chain', '=', 'O')
        .where('seq', '=', 2)
        .execute();
      await t.db
        .updateTable('audit_log')
        .set({ seq: 2 })
        .where('chain', '=', 'O')
        .where('seq', '=', 3)
        .execute();
      await t.db
        .updateTable('audit_log')
        .set({ seq: 3 })
        .where('chain', '=', 'O')
        .where('seq', '=', 99)
        .execute();
      const problems = (await verifyAudit(t.db)).problems.filter((p) => p.chain === 'O');
      expect(problems.map((p) => p.kind)).toContain('reordered');
      expect(problems.find((p) => p.kind === 'reordered')?.seq).toBe(2);
      expect(problems.some((p) => p.kind === 'edited')).toBe(false);
    });

    it('keeps one unbroken chain under concurrent writers', async () => {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          t.db.transaction().execute((trx) =>
            appendAudit(
              trx,
              {
                actor,
                action: 'x',
                targetType: 't',
                targetId: String(i),
                provinceCode: 'C',
              },
              TEST_NOW,
            ),
          ),
        ),
      );
      const rows = await t.db
        .selectFrom('audit_log')
        .select('seq')
        .where('chain', '=', 'C')
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const problems = (await verifyAudit(t.db)).problems.filter((p) => p.chain === 'C');
      expect(problems).toEqual([]);
    });
  });
}
