/**
 * The stale-supplement job in bounded batches (issue 14, docs/PERFORMANCE.md): many dossiers due at once are
 * returned a batch per transaction, one province per batch, the event loop given back between batches so a
 * request made meanwhile is answered before the run ends; one dossier that fails is rolled back alone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { queryPlan } from '../../../test/support/plan.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { createUser } from '../accounts/account.service.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import { applyAction } from './dossier.action.service.ts';
import { intake } from './dossier.intake.service.ts';
import { staleSupplementQuery } from './dossier.repository.ts';
import { returnStaleSupplements, RETURN_BATCH_SIZE } from './dossier.return.job.ts';
import type { TActionRequest } from './dossier.schemas.ts';

const PREFIX = '000.00';
const DI_LINH = 22; // Lâm Đồng (68)
const BA_DINH = 8; // Hà Nội (01)
const BATCH = 10;

for (const dialect of DIALECTS) {
  describe(`returning stale supplements in batches (${dialect})`, () => {
    let h: TestApp;
    let s: Staff;
    let hanoi: { counter: Actor; specialist: Actor; leader: Actor };
    const codes: string[] = [];
    let failing = '';

    const staleDossier = async (counter: Actor, specialist: Actor, leader: Actor, day: number) => {
      const db = h.t.db;
      const d = await db
        .transaction()
        .execute((trx) =>
          intake(trx, counter, buildIntake(), { now: at(2026, 6, 1, 9, day), agencyPrefix: PREFIX }),
        );
      const act = (actor: Actor, req: TActionRequest, now: number) =>
        db.transaction().execute((trx) => applyAction(trx, actor, d.code, req, { now }));
      await act(leader, { type: 'assign', assignee: specialist.username }, at(2026, 6, 1, 10));
      await act(specialist, { type: 'request_supplement', missing: ['Giấy khai sinh'] }, at(2026, 6, 2, 9));
      codes.push(d.code);
    };

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        s = await seedCentre(t.db);
        const make = (username: string, roles: Role[]) =>
          t.db
            .transaction()
            .execute((trx) =>
              createUser(
                trx,
                null,
                { username, displayName: username, password: 'test-password', unitCode: '00004', roles },
                at(2026, 5, 1, 9),
              ),
            );
        hanoi = {
          counter: await make('tiepnhan.badinh', ['counter_officer']),
          specialist: await make('chuyenvien.badinh', ['specialist']),
          leader: await make('lanhdao.badinh', ['commune_leader']),
        };
      });
      for (let i = 0; i < DI_LINH; i++) await staleDossier(s.counter, s.specialistA, s.leader, i);
      for (let i = 0; i < BA_DINH; i++) await staleDossier(hanoi.counter, hanoi.specialist, hanoi.leader, i);
      codes.sort();
      // One dossier that cannot be returned: its update fails, as a dossier changed meanwhile would.
      failing = codes[13]!;
      if (dialect === 'sqlite')
        await sql
          .raw(
            `create trigger refuse_one before update on dossiers when old.code = '${failing}'
             begin select raise(abort, 'changed meanwhile'); end`,
          )
          .execute(h.t.db);
      else {
        await sql
          .raw(
            `create function refuse_one() returns trigger language plpgsql as $$
             begin if old.code = '${failing}' then raise exception 'changed meanwhile'; end if; return new; end $$`,
          )
          .execute(h.t.db);
        await sql
          .raw(
            `create trigger refuse_one before update on dossiers for each row execute function refuse_one()`,
          )
          .execute(h.t.db);
      }
    }, 120_000);
    afterAll(async () => h?.close());

    it('returns them a batch per transaction, one province a batch, answering a request meanwhile', async () => {
      expect(RETURN_BATCH_SIZE).toBeGreaterThan(1);
      const events: string[] = [];
      const batches: string[][] = [];
      const errors: { code: string; message: string }[] = [];
      const run = returnStaleSupplements(h.t.db, at(2026, 6, 17, 9), {
        batchSize: BATCH,
        onBatch: (returned) => {
          batches.push(returned);
          events.push('batch');
        },
        onError: (code, e) => errors.push({ code, message: e instanceof Error ? e.message : String(e) }),
      });
      const health = h.app.inject({ method: 'GET', url: '/api/health' }).then((res) => {
        events.push('health');
        return res.statusCode;
      });
      const returned = await run;
      expect(await health).toBe(200);

      expect(returned.sort()).toEqual(codes.filter((c) => c !== failing));
      expect(errors).toEqual([{ code: failing, message: expect.stringContaining('changed meanwhile') }]);
      // Bounded: never more than BATCH in one transaction, and never two provinces in one.
      expect(batches.every((b) => b.length <= BATCH)).toBe(true);
      const provinces = await h.t.db.selectFrom('dossiers').select(['code', 'province_code']).execute();
      const provinceOf = new Map(provinces.map((r) => [r.code, r.province_code]));
      for (const b of batches) expect(new Set(b.map((c) => provinceOf.get(c))).size).toBeLessThanOrEqual(1);
      expect(batches.length).toBeGreaterThanOrEqual(Math.ceil((DI_LINH + BA_DINH) / BATCH));
      // The request started with the run was answered before its last batch: the loop was given back between them.
      expect(events.indexOf('health')).toBeGreaterThan(-1);
      expect(events.indexOf('health')).toBeLessThan(events.lastIndexOf('batch'));

      const rows = await h.t.db
        .selectFrom('dossiers')
        .select(['code', 'status'])
        .where('code', 'in', codes)
        .execute();
      const status = new Map(rows.map((r) => [r.code, r.status]));
      expect(status.get(failing)).toBe('supplement_requested'); // rolled back alone
      expect(codes.filter((c) => status.get(c) === 'returned')).toHaveLength(codes.length - 1);
      const logged = await h.t.db
        .selectFrom('dossier_actions')
        .select('dossier_id')
        .where('type', '=', 'auto_return')
        .execute();
      expect(logged).toHaveLength(codes.length - 1); // one system action each, none for the failed one
      expect((await verifyAudit(h.t.db)).ok).toBe(true);
    });

    it('a second run finds only the one that still fails, and reads past it', async () => {
      const errors: string[] = [];
      const again = await returnStaleSupplements(h.t.db, at(2026, 6, 17, 10), {
        batchSize: BATCH,
        onError: (code) => errors.push(code),
      });
      expect(again).toEqual([]);
      expect(errors).toEqual([failing]);
    });

    it('finds the waiting dossiers through their partial index, not by walking every dossier', async () => {
      // The plan of the job's own query.
      const query = staleSupplementQuery(h.t.db, at(2026, 6, 17, 10), { after: 'X', limit: 25 }).compile();
      const plan = await queryPlan(h.t.db, dialect, query);
      expect(plan).toContain('dossiers_supplement_requested');
    });
  });
}
