/**
 * Concurrent intakes share transactions (platform/group-commit.ts): every acknowledged dossier is there, codes are
 * unique and gapless, the audit chain verifies, and a failing intake gets its own error while its batch-mates
 * commit. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import { sql } from 'kysely';
import { GroupCommitter } from '../platform/group-commit.ts';

const sequenceOf = (code: string): number => Number(code.slice(code.lastIndexOf('-') + 1));

for (const dialect of DIALECTS) {
  describe(`group commit of intakes on ${dialect}`, () => {
    let h: TestApp;
    let counter: string;
    const batches: number[] = [];
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { env: { MOTCUA_GROUP_COMMIT_WAIT_MS: '5' } });
      counter = await h.login('tiepnhan.dilinh');
      // count the batches of the app's own committer
      h.app.intakeCommits.onBatch = (n) => batches.push(n);
    });
    afterAll(async () => h?.close());

    const post = (body: unknown, key?: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: body as object,
        headers: { cookie: counter, ...(key ? { 'idempotency-key': key } : {}) },
      });

    it('acknowledges 40 concurrent intakes, in batches, each present, codes unique and gapless, audit verified', async () => {
      batches.length = 0;
      const before = await h.t.db.selectFrom('dossiers').select('code').execute();
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(buildIntake(), `gc-${i}`)));
      expect(answers.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
      const codes = answers.map((r) => r.json().code as string);
      expect(new Set(codes).size).toBe(40);
      // several intakes shared a transaction
      expect(batches.reduce((a, b) => a + b, 0)).toBe(40);
      expect(Math.max(...batches)).toBeGreaterThan(1);
      const stored = await h.t.db.selectFrom('dossiers').select('code').where('code', 'in', codes).execute();
      expect(stored).toHaveLength(40);
      // gapless: the day's sequence runs 1..n over everything issued so far
      const all = [...before.map((r) => r.code), ...codes].map(sequenceOf).sort((a, b) => a - b);
      expect(all).toEqual(all.map((_, i) => i + 1));
      const audit = await verifyAudit(h.t.db);
      expect(audit.problems).toEqual([]);
      const intakes = await h.t.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'dossier.intake_receive')
        .where('target_id', 'in', codes)
        .execute();
      expect(intakes).toHaveLength(40);
    });

    it('gives a failing intake its own error while its batch-mates commit, and its code back', async () => {
      batches.length = 0;
      const bad = buildIntake({ procedureCode: '9.999999' });
      const wave = Array.from({ length: 9 }, (_, i) => (i === 4 ? bad : buildIntake()));
      const answers = await Promise.all(wave.map((b) => post(b)));
      expect(answers[4]!.statusCode).toBe(400);
      expect(answers[4]!.json().error.details.issues[0]).toMatchObject({
        path: 'procedureCode',
        rule: 'procedure.unknown',
      });
      const ok = answers.filter((_, i) => i !== 4);
      expect(ok.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      expect(Math.max(...batches)).toBeGreaterThan(1);
      const all = (await h.t.db.selectFrom('dossiers').select('code').execute()).map((r) =>
        sequenceOf(r.code),
      );
      all.sort((a, b) => a - b);
      expect(all).toEqual(all.map((_, i) => i + 1));
    });

    it('answers concurrent retries with one Idempotency-Key with one dossier, even in one batch', async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(buildIntake(), 'gc-same')));
      expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((r) => r.json().code)).size).toBe(1);
      const rows = await h.t.db
        .selectFrom('dossiers')
        .select('code')
        .where('idempotency_key', '=', 'gc-same')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('runs a write that lost a deadlock in its savepoint again, alone, after its batch committed', async () => {
      const committer = new GroupCommitter(h.t.db, h.t.dialect, { maxWaitMs: 5 });
      let attempts = 0;
      const key = `gc-direct-${dialect}`;
      const writes = [1, 2, 3].map((n) =>
        committer.run(async (trx) => {
          attempts++;
          // write 2's first run (the batch's second write) loses a deadlock; its second run, alone, succeeds
          if (n === 2 && attempts <= 3) throw Object.assign(new Error('deadlock'), { code: '40P01' });
          await trx
            .insertInto('settings')
            .values({ key: `${key}-${n}`, value: '1', updated_at: 0 })
            .execute();
          return n;
        }),
      );
      expect(await Promise.all(writes)).toEqual([1, 2, 3]);
      const rows = await h.t.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', `${key}-%`)
        .execute();
      expect(rows.map((r) => r.key).sort()).toEqual([`${key}-1`, `${key}-2`, `${key}-3`]);
    });
    it.runIf(dialect === 'postgres')(
      'runs every write of a batch whose commit failed again alone: only the guilty one fails',
      async () => {
        // a uniqueness checked at commit: two writes of one batch collide only when the batch commits
        await sql`create table gc_probe (k text unique deferrable initially deferred)`.execute(h.t.db);
        const committer = new GroupCommitter(h.t.db, h.t.dialect, { maxWaitMs: 5 });
        const sizes: number[] = [];
        committer.onBatch = (n) => sizes.push(n);
        const insert = (k: string) =>
          committer.run(async (trx) => {
            await sql`insert into gc_probe (k) values (${k})`.execute(trx);
            return k;
          });
        const results = await Promise.allSettled([insert('a'), insert('a'), insert('b')]);
        expect(sizes).toEqual([]); // the batch never committed
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((results[1] as PromiseRejectedResult).reason.code).toBe('23505');
        const rows = await sql<{ k: string }>`select k from gc_probe order by k`.execute(h.t.db);
        expect(rows.rows.map((r) => r.k)).toEqual(['a', 'b']);
      },
    );
  });
}
