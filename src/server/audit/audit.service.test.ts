import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { createHash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendAudit,
  auditCheckpoint,
  entryHash,
  verifyAgainstCheckpoint,
  verifyAudit,
} from './audit.service.ts';
import { auditKey, ephemeralAuditKey, loadOrCreateAuditKey, readAuditKey } from './audit-key.ts';
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
      // 7 entries in the two province chains, and the system chain's record of each chain opened (the registry).
      expect(result).toMatchObject({ ok: true, entries: 9, chains: 3, problems: [] });
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

    it('finds an entry edited and re-hashed without the key (the chain is keyed)', async () => {
      await appendMany(t, 'K', 3);
      const row = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', 'K')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      const forged = { ...row, target_id: 'forged' };
      // What an attacker with the database but not the key file can do: SHA-256 like before keying.
      const sha = createHash('sha256')
        .update(
          JSON.stringify([
            forged.chain,
            forged.at,
            forged.actor_id,
            forged.actor_username,
            forged.action,
            forged.target_type,
            forged.target_id,
            forged.unit_code,
            forged.ip,
            forged.details,
            forged.prev_hash,
          ]),
        )
        .digest('hex');
      expect(entryHash(forged, null)).toBe(sha);
      await t.db
        .updateTable('audit_log')
        .set({ target_id: 'forged', hash: sha })
        .where('chain', '=', 'K')
        .where('seq', '=', 3)
        .execute();
      await t.db.updateTable('audit_heads').set({ hash: sha }).where('chain', '=', 'K').execute();
      const problems = (await verifyAudit(t.db)).problems.filter((p) => p.chain === 'K');
      expect(problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
    });

    it('finds a chain deleted whole (the system chain registers every chain opened)', async () => {
      await appendMany(t, 'W', 2);
      await t.db.deleteFrom('audit_log').where('chain', '=', 'W').execute();
      await t.db.deleteFrom('audit_heads').where('chain', '=', 'W').execute();
      const problems = (await verifyAudit(t.db)).problems.filter((p) => p.chain === 'W');
      expect(problems).toEqual([expect.objectContaining({ kind: 'chain_missing' })]);
    });

    it('a signed checkpoint finds a tail cut with the head moved back, and refuses a forged checkpoint', async () => {
      await appendMany(t, 'T', 4);
      const checkpoint = await auditCheckpoint(t.db, TEST_NOW);
      const onT = async (c = checkpoint) =>
        (await verifyAgainstCheckpoint(t.db, c)).filter((p) => p.chain === 'T');
      expect(await onT()).toEqual([]); // (other tests damaged other chains of this database on purpose)
      const third = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', 'T')
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await t.db.deleteFrom('audit_log').where('chain', '=', 'T').where('seq', '=', 4).execute();
      await t.db
        .updateTable('audit_heads')
        .set({ seq: 3, hash: third.hash })
        .where('chain', '=', 'T')
        .execute();
      // The chain alone looks whole...
      expect((await verifyAudit(t.db)).problems.filter((p) => p.chain === 'T')).toEqual([]);
      // ...but not against what was signed before.
      expect(await onT()).toEqual([expect.objectContaining({ chain: 'T', seq: 4, kind: 'rewritten' })]);
      const forged = {
        ...checkpoint,
        heads: checkpoint.heads.map((h) => (h.chain === 'T' ? { ...h, seq: 3, hash: third.hash } : h)),
      };
      expect(await verifyAgainstCheckpoint(t.db, forged)).toEqual([
        expect.objectContaining({ kind: 'rewritten', message: expect.stringMatching(/not signed/) }),
      ]);
      expect(await verifyAgainstCheckpoint(t.db, checkpoint, ephemeralAuditKey())).toHaveLength(1);
    });

    it('keeps entries written before keying valid, and only those', async () => {
      const before = { ...ephemeralAuditKey(), legacy: { L: 2 } };
      await appendMany(t, 'L', 3);
      // Under a key that says chain L stood at #2 when it was made, #1-#2 are checked as SHA-256: they are HMAC.
      const problems = (await verifyAudit(t.db, before)).problems.filter((p) => p.chain === 'L');
      expect(problems.map((p) => p.seq)).toEqual([1, 2, 3]);
      expect((await verifyAudit(t.db, auditKey())).problems.filter((p) => p.chain === 'L')).toEqual([]);
    });
  });
}

describe('audit key file', () => {
  it('is created once with mode 0600, recording where each chain stood, and read back the same', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'motcua-key-')), 'sub', 'db.sqlite.audit-key');
    const made = loadOrCreateAuditKey(
      file,
      [
        { chain: '68', seq: 40 },
        { chain: '01', seq: 0 },
      ],
      TEST_NOW,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(made.legacy).toEqual({ '68': 40 });
    const again = loadOrCreateAuditKey(file, [], TEST_NOW);
    expect(again.key.equals(made.key)).toBe(true);
    expect(readAuditKey(file).legacy).toEqual({ '68': 40 });
  });
});
