/**
 * Work that flows (issue 12 item 3): a commune's routing rule per procedure — resolved at the counter, auto-assigned
 * to the least-loaded qualified specialist present, or assigned by the leader — and reassignment when an officer is
 * on leave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import type { Actor } from '../accounts/roles.ts';
import { setLeave } from '../accounts/account.leave.service.ts';
import { setRoutingRule } from '../procedures/procedure-routing.service.ts';
import type { RoutingRule } from '../../shared/dossier/routing.ts';
import { applyAction } from './dossier.action.service.ts';
import { intake } from './dossier.intake.service.ts';
import { presentDossier } from './dossier.presenter.ts';
import { applyActionRouted, reassignAbsent } from './dossier.routing.service.ts';
import type { TActionRequest, TCreateDossierRequest } from './dossier.schemas.ts';

const COPY = '2.000815'; // chứng thực bản sao từ bản chính: same day, 2.000 đồng a page
const SIGNATURE = '2.000884'; // chứng thực chữ ký
const MARITAL = '1.004873'; // xác nhận tình trạng hôn nhân: 3 working days, decided by the leader
const MONDAY = (h: number, min = 0) => at(2026, 4, 6, h, min);

for (const dialect of DIALECTS) {
  describe(`routing rules and leave on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterAll(async () => t?.dispose());

    const receive = (
      now: number,
      overrides: Partial<TCreateDossierRequest> = {},
      actor: Actor | null = s.counter,
    ) =>
      t.db
        .transaction()
        .execute((trx) => intake(trx, actor, buildIntake(overrides), { now, agencyPrefix: '000.00' }));
    const act = (actor: Actor, code: string, req: TActionRequest, now: number) =>
      t.db.transaction().execute((trx) => applyAction(trx, actor, code, req, { now }));
    const rule = (code: string, r: Partial<RoutingRule>, actor: Actor = s.leader, unitCode = '25000') =>
      t.db
        .transaction()
        .execute((trx) =>
          setRoutingRule(
            trx,
            actor,
            { provinceCode: '68', unitCode },
            code,
            { mode: 'leader_assigns', counterSigns: false, authorisationRef: null, ...r },
            MONDAY(8),
          ),
        );
    const log = (id: string) =>
      t.db
        .selectFrom('dossier_actions')
        .select(['seq', 'type', 'actor_id', 'from_status', 'to_status', 'payload'])
        .where('dossier_id', '=', id)
        .orderBy('seq')
        .execute();
    const leave = (username: string, from: string | null, until: string | null) =>
      t.db.transaction().execute((trx) => setLeave(trx, s.leader, username, { from, until }, MONDAY(8)));

    it('a same-day certified copy is received, certified and returned at the counter by one officer', async () => {
      await rule(COPY, {
        mode: 'counter',
        counterSigns: true,
        authorisationRef: 'Quyết định 15/QĐ-UBND ngày 03/11/2025',
      });
      const d = await receive(MONDAY(9), { procedureCode: COPY });
      expect(d.status).toBe('received');
      expect(presentDossier(d, s.counter, new Map()).allowedActions).toContain('counter_resolve');
      const resolved = await act(s.counter, d.code, { type: 'counter_resolve' }, MONDAY(9, 10));
      expect(resolved).toMatchObject({ status: 'result_ready', outcome: 'approved', end_kind: 'resolved' });
      expect(resolved.resolution).not.toBeNull();
      const delivered = await act(s.counter, d.code, { type: 'deliver' }, MONDAY(9, 12));
      expect(delivered.status).toBe('delivered');
      // Every step is in the log, all by the one counter officer: no hand-off, no leader step.
      const steps = await log(d.id);
      expect(steps.map((a) => a.type)).toEqual(['intake_receive', 'counter_resolve', 'deliver']);
      expect(new Set(steps.map((a) => a.actor_id))).toEqual(new Set([s.counter.id]));
      expect(JSON.parse(steps[1]!.payload)).toMatchObject({
        route: 'counter',
        authorisationRef: 'Quyết định 15/QĐ-UBND ngày 03/11/2025',
      });
    });

    it('without the Chairman’s authorisation the counter route goes to the leader for signature', async () => {
      await rule(SIGNATURE, { mode: 'counter' });
      const d = await receive(MONDAY(10), { procedureCode: SIGNATURE });
      await expect(act(s.counter, d.code, { type: 'counter_resolve' }, MONDAY(10, 5))).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: expect.objectContaining({ rule: 'routing.counter_not_authorised' }),
      });
      const submitted = await act(s.counter, d.code, { type: 'counter_submit' }, MONDAY(10, 5));
      expect(submitted.status).toBe('awaiting_approval');
      const approved = await act(s.leader, d.code, { type: 'approve' }, MONDAY(10, 30));
      expect(approved.status).toBe('result_ready');
      expect((await log(d.id)).map((a) => a.type)).toEqual(['intake_receive', 'counter_submit', 'approve']);
    });

    it('the counter route is refused where the commune has not set it', async () => {
      const d = await receive(MONDAY(11), { procedureCode: MARITAL });
      for (const type of ['counter_resolve', 'counter_submit'] as const)
        await expect(act(s.counter, d.code, { type }, MONDAY(11, 5))).rejects.toMatchObject({
          code: 'RULE_VIOLATION',
          details: expect.objectContaining({ rule: 'routing.not_counter' }),
        });
      // A specialist is no counter officer: the policy refuses before the rule is read.
      await expect(
        act(s.specialistA, d.code, { type: 'counter_submit' }, MONDAY(11, 5)),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('the law decides where the counter officer may sign: certification only, with the authorisation', async () => {
      await expect(
        rule(MARITAL, { mode: 'counter', counterSigns: true, authorisationRef: 'QĐ 1' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [
          expect.objectContaining({ path: 'counterSigns', rule: 'routing.counter_signs_not_allowed' }),
        ],
      });
      await expect(
        rule(COPY, { mode: 'counter', counterSigns: true, authorisationRef: ' ' }),
      ).rejects.toMatchObject({
        issues: [
          expect.objectContaining({ path: 'authorisationRef', rule: 'routing.authorisation_required' }),
        ],
      });
      await expect(
        rule(COPY, { mode: 'auto_assign', counterSigns: true, authorisationRef: 'QĐ 1' }),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ rule: 'routing.counter_signs_needs_counter' })],
      });
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'unit_code'])
        .where('action', '=', 'routing.set')
        .execute();
      expect(audit).toEqual(
        expect.arrayContaining([{ action: 'routing.set', target_id: COPY, unit_code: '25000' }]),
      );
    });

    it('the rule is the commune’s own: another commune’s counter cannot use it', async () => {
      const d = await receive(MONDAY(13), { procedureCode: COPY, unitCode: '25015' }, s.otherCounter);
      await expect(
        act(s.otherCounter, d.code, { type: 'counter_resolve' }, MONDAY(13, 5)),
      ).rejects.toMatchObject({
        details: expect.objectContaining({ rule: 'routing.not_counter' }),
      });
    });

    it('auto-assign gives the dossier to the least-loaded specialist present, skipping one on leave', async () => {
      await rule(MARITAL, { mode: 'auto_assign' });
      await leave('chuyenvien.a', '2026-04-06', '2026-04-07');
      const d = await receive(MONDAY(14), { procedureCode: MARITAL });
      expect(d.status).toBe('processing');
      expect(d.assignee_id).toBe(s.specialistB.id);
      const steps = await log(d.id);
      expect(steps.map((a) => [a.type, a.actor_id])).toEqual([
        ['intake_receive', s.counter.id],
        ['assign', null],
      ]);
      expect(JSON.parse(steps[1]!.payload)).toMatchObject({ assignee: 'chuyenvien.b' });
      // Named by the leader while on leave: refused, naming the field.
      const other = await receive(MONDAY(14, 5), { procedureCode: COPY });
      await expect(
        act(s.leader, other.code, { type: 'assign', assignee: 'chuyenvien.a' }, MONDAY(14, 10)),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'assignee', rule: 'assignee.on_leave' })],
      });
      // Back from leave (Wednesday), A is the least loaded again.
      const later = await receive(at(2026, 4, 8, 9), { procedureCode: MARITAL });
      expect(later.assignee_id).toBe(s.specialistA.id);
    });

    it('reassigns the open dossiers of an officer on leave, in the log, by the leader', async () => {
      await leave('chuyenvien.a', null, null);
      await rule(MARITAL, { mode: 'leader_assigns' });
      const d = await receive(at(2026, 4, 13, 9), { procedureCode: MARITAL });
      expect(d.assignee_id).toBeNull(); // the leader assigns
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 4, 13, 9, 30));
      await leave('chuyenvien.a', '2026-04-14', '2026-04-20');
      const moved = await t.db
        .transaction()
        .execute((trx) =>
          reassignAbsent(trx, s.leader, { provinceCode: '68', unitCode: '25000' }, at(2026, 4, 14, 8)),
        );
      expect(moved.length).toBeGreaterThan(0);
      expect(moved).toContainEqual({ code: d.code, from: 'chuyenvien.a', to: 'chuyenvien.b' });
      const after = await t.db
        .selectFrom('dossiers')
        .select('assignee_id')
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(after.assignee_id).toBe(s.specialistB.id);
      const last = (await log(d.id)).at(-1)!;
      expect([last.type, last.actor_id]).toEqual(['assign', s.leader.id]);
      const openOfA = await t.db
        .selectFrom('dossiers')
        .select('code')
        .where('assignee_id', '=', s.specialistA.id)
        .where('ended_at', 'is', null)
        .where('status', 'in', ['received', 'processing', 'awaiting_approval'])
        .execute();
      expect(openOfA).toEqual([]);
      // Only the leader: a specialist is refused.
      await expect(
        t.db
          .transaction()
          .execute((trx) =>
            reassignAbsent(trx, s.specialistB, { provinceCode: '68', unitCode: '25000' }, at(2026, 4, 14, 8)),
          ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    describe('accepting an online submission applies the same rule as a counter intake', () => {
      const MAY = (d: number, h: number, min = 0) => at(2026, 5, d, h, min);
      /** The citizen's submission (no officer), then the counter's acceptance as the actions route applies it. */
      const acceptOnline = async (procedureCode: string, now: number) => {
        const submitted = await receive(
          now,
          { procedureCode, channel: 'online', unitCode: '25000', decision: 'receive' },
          null,
        );
        expect([submitted.status, submitted.assignee_id]).toEqual(['submitted', null]);
        const accepted = await t.db
          .transaction()
          .execute((trx) =>
            applyActionRouted(
              trx,
              s.counter,
              submitted.code,
              { type: 'accept_online' },
              { now: now + 60_000 },
            ),
          );
        return { accepted, steps: await log(accepted.id) };
      };

      it('auto-assign: the least-loaded qualified specialist not on leave, as the system, at acceptance', async () => {
        await leave('chuyenvien.a', null, null);
        await rule(MARITAL, { mode: 'auto_assign' });
        await leave('chuyenvien.b', '2026-05-04', '2026-05-05');
        const { accepted, steps } = await acceptOnline(MARITAL, MAY(4, 9));
        expect(accepted).toMatchObject({ status: 'processing', assignee_id: s.specialistA.id });
        expect(accepted.received_at).toBe(MAY(4, 9) + 60_000);
        expect(steps.map((a) => [a.type, a.actor_id])).toEqual([
          ['online_submit', null],
          ['accept_online', s.counter.id],
          ['assign', null],
        ]);
        expect(JSON.parse(steps[2]!.payload)).toMatchObject({ assignee: 'chuyenvien.a' });
        // B back, A on leave: the next acceptance goes to B.
        await leave('chuyenvien.a', '2026-05-06', '2026-05-06');
        const next = await acceptOnline(MARITAL, MAY(6, 9));
        expect(next.accepted.assignee_id).toBe(s.specialistB.id);
      });

      it('auto-assign with every specialist on leave: the dossier waits for the leader, received', async () => {
        await leave('chuyenvien.a', '2026-05-11', '2026-05-12');
        await leave('chuyenvien.b', '2026-05-11', '2026-05-12');
        const { accepted, steps } = await acceptOnline(MARITAL, MAY(11, 9));
        expect([accepted.status, accepted.assignee_id]).toEqual(['received', null]);
        expect(steps.map((a) => a.type)).toEqual(['online_submit', 'accept_online']);
        await leave('chuyenvien.a', null, null);
        await leave('chuyenvien.b', null, null);
      });

      it('counter route: the accepting counter officer certifies and returns it, nobody is assigned', async () => {
        await rule(COPY, { mode: 'counter', counterSigns: true, authorisationRef: 'QĐ 15/QĐ-UBND' });
        const { accepted } = await acceptOnline(COPY, MAY(13, 9));
        expect([accepted.status, accepted.assignee_id]).toEqual(['received', null]);
        expect(presentDossier(accepted, s.counter, new Map()).allowedActions).toContain('counter_resolve');
        const resolved = await act(s.counter, accepted.code, { type: 'counter_resolve' }, MAY(13, 9, 10));
        expect(resolved.status).toBe('result_ready');
      });

      it('the leader assigns: accepted and left unassigned for the leader', async () => {
        await rule(MARITAL, { mode: 'leader_assigns' });
        const { accepted, steps } = await acceptOnline(MARITAL, MAY(14, 9));
        expect([accepted.status, accepted.assignee_id]).toEqual(['received', null]);
        expect(steps.map((a) => a.type)).toEqual(['online_submit', 'accept_online']);
      });
    });

    it('leave is checked: both days, in order, and only for the commune’s staff below the leader', async () => {
      await expect(leave('chuyenvien.b', '2026-04-10', null)).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'until', rule: 'leave.both' })],
      });
      await expect(leave('chuyenvien.b', '2026-04-10', '2026-04-09')).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'until', rule: 'leave.order' })],
      });
      await expect(leave('lanhdao.dilinh', '2026-04-10', '2026-04-11')).rejects.toMatchObject({
        issues: [expect.objectContaining({ rule: 'leave.not_staff' })],
      });
      await expect(leave('tiepnhan.giahiep', '2026-04-10', '2026-04-11')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
}
