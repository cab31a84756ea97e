import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/calendar/index.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import type { Actor } from '../accounts/roles.ts';
import { verifyAudit } from '../audit/audit.service.ts';
import { applyAction } from './dossier.action.service.ts';
import { intake } from './dossier.intake.service.ts';
import { presentDossier } from './dossier.presenter.ts';
import { returnStaleSupplements } from './dossier.return.job.ts';
import type { TActionRequest, TCreateDossierRequest } from './dossier.schemas.ts';

const PREFIX = '000.00';

for (const dialect of DIALECTS) {
  describe(`dossier lifecycle on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterAll(async () => t?.dispose());

    const receive = (now: number, overrides: Partial<TCreateDossierRequest> = {}, actor: Actor = s.counter) =>
      t.db
        .transaction()
        .execute((trx) => intake(trx, actor, buildIntake(overrides), { now, agencyPrefix: PREFIX }));
    const act = (actor: Actor, code: string, req: TActionRequest, now: number) =>
      t.db.transaction().execute((trx) => applyAction(trx, actor, code, req, { now }));

    it('records another agency’s answer only after a transfer to it', async () => {
      const d = await receive(at(2026, 4, 6, 9));
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 4, 6, 10));
      const early = act(
        s.specialistA,
        d.code,
        { type: 'transfer_result', agency: 'Công an xã' },
        at(2026, 4, 6, 11),
      );
      await expect(early).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: expect.objectContaining({ rule: 'transfer.none' }),
      });
      const processing = await t.db
        .selectFrom('dossiers')
        .selectAll()
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(presentDossier(processing, s.specialistA, new Map()).allowedActions).not.toContain(
        'transfer_result',
      );
      const sent = await act(
        s.specialistA,
        d.code,
        { type: 'transfer', agency: 'Công an xã' },
        at(2026, 4, 6, 11),
      );
      expect(presentDossier(sent, s.specialistA, new Map()).allowedActions).toContain('transfer_result');
      // Offered only what the viewer's role and commune allow (the browser shows exactly these).
      expect(presentDossier(sent, s.counter, new Map()).allowedActions).not.toContain('transfer_result');
      expect(presentDossier(sent, s.otherCounter, new Map()).allowedActions).toEqual([]);
      const answered = await act(
        s.specialistA,
        d.code,
        { type: 'transfer_result', agency: 'Công an xã' },
        at(2026, 4, 7, 9),
      );
      expect(answered.action_count).toBe(4);
    });

    it('receives a dossier with its code, due date (3 working days) and first action', async () => {
      const d = await receive(at(2026, 3, 2, 9));
      expect(d.code).toBe('000.00.68.25000-260302-0001');
      expect(d.status).toBe('received');
      expect(formatInstant(d.due_at!)).toBe('2026-03-05T17:30:00+07:00');
      const dues = await t.db.selectFrom('dossier_dues').selectAll().where('dossier_id', '=', d.id).execute();
      expect(dues).toEqual([expect.objectContaining({ reason: 'receipt', due_at: d.due_at })]);
    });

    it('runs a whole day: assign (least loaded) → appraise → approve early → deliver', async () => {
      const first = await receive(at(2026, 3, 9, 8));
      const assigned = await act(s.leader, first.code, { type: 'assign' }, at(2026, 3, 9, 8, 30));
      expect(assigned.status).toBe('processing');
      const second = await receive(at(2026, 3, 9, 9));
      const assigned2 = await act(s.leader, second.code, { type: 'assign' }, at(2026, 3, 9, 9, 30));
      expect(assigned2.assignee_id).not.toBe(assigned.assignee_id); // the other specialist had less work
      await act(
        s.specialistA,
        first.code,
        { type: 'submit_for_approval', note: 'Đủ điều kiện' },
        at(2026, 3, 10, 9),
      );
      const approved = await act(s.leader, first.code, { type: 'approve' }, at(2026, 3, 10, 10));
      expect(approved).toMatchObject({
        status: 'result_ready',
        end_kind: 'resolved',
        outcome: 'approved',
        resolution: 'early',
      });
      const delivered = await act(
        s.counter,
        first.code,
        { type: 'deliver', deliveryMethod: 'counter' },
        at(2026, 3, 11, 8),
      );
      expect(delivered).toMatchObject({
        status: 'delivered',
        resolution: 'early',
        ended_at: approved.ended_at,
      });
      const actions = await t.db
        .selectFrom('dossier_actions')
        .select('type')
        .where('dossier_id', '=', first.id)
        .orderBy('seq')
        .execute();
      expect(actions.map((a) => a.type)).toEqual([
        'intake_receive',
        'assign',
        'submit_for_approval',
        'approve',
        'deliver',
      ]);
    });

    it.each([
      ['on_time', at(2026, 3, 19, 16)],
      ['late', at(2026, 3, 20, 8)],
    ])('classifies a refusal after appraisal as %s against the due', async (resolution, decidedAt) => {
      const d = await receive(at(2026, 3, 16, 9)); // due Thu 19 Mar 17:30
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 3, 16, 10));
      const refused = await act(
        s.leader,
        d.code,
        { type: 'refuse', reason: 'Không đủ điều kiện' },
        decidedAt,
      );
      expect(refused).toMatchObject({ outcome: 'refused', end_kind: 'resolved', resolution });
    });

    it('stops the clock for a supplement and restarts it from zero when it arrives (D6)', async () => {
      const d = await receive(at(2026, 3, 23, 9)); // due Thu 26 Mar 17:30
      await act(s.leader, d.code, { type: 'assign' }, at(2026, 3, 23, 10));
      const waiting = await act(
        s.specialistA,
        d.code,
        { type: 'request_supplement', missing: ['Giấy tờ tùy thân'] },
        at(2026, 3, 24, 10),
      );
      expect(waiting.status).toBe('supplement_requested');
      expect(waiting.clock_stopped_at).toBe(at(2026, 3, 24, 10));
      const resumed = await act(s.counter, d.code, { type: 'receive_supplement' }, at(2026, 4, 6, 10));
      expect(resumed.status).toBe('processing');
      expect(formatInstant(resumed.due_at!)).toBe('2026-04-09T17:30:00+07:00');
      const suspensions = await t.db
        .selectFrom('dossier_suspensions')
        .selectAll()
        .where('dossier_id', '=', d.id)
        .execute();
      expect(suspensions).toEqual([
        expect.objectContaining({ started_at: at(2026, 3, 24, 10), ended_at: at(2026, 4, 6, 10) }),
      ]);
    });

    it('requests missing components once: a second supplement request is refused with the rule named', async () => {
      const d = await receive(at(2026, 3, 2, 9)); // Monday
      await act(s.leader, d.code, { type: 'assign' }, at(2026, 3, 2, 10));
      await act(
        s.specialistA,
        d.code,
        { type: 'request_supplement', missing: ['Tờ khai'] },
        at(2026, 3, 2, 11),
      );
      await act(s.counter, d.code, { type: 'receive_supplement' }, at(2026, 3, 3, 9));
      // still inside the 3-working-day window, but the dossier already had its one request
      await expect(
        act(s.specialistA, d.code, { type: 'request_supplement', missing: ['Bản sao'] }, at(2026, 3, 3, 10)),
      ).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: expect.objectContaining({ rule: 'supplement.once' }),
      });
    });

    it('refuses a supplement request more than 3 working days after receipt', async () => {
      const d = await receive(at(2026, 3, 2, 9));
      await act(s.leader, d.code, { type: 'assign' }, at(2026, 3, 2, 10));
      await expect(
        act(s.specialistA, d.code, { type: 'request_supplement', missing: ['x'] }, at(2026, 3, 6, 9)),
      ).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: expect.objectContaining({ rule: 'supplement.window_passed' }),
      });
    });

    it('extends once, at least one working day before the due (D7), and refuses a second time', async () => {
      const d = await receive(at(2026, 4, 6, 9)); // due Thu 9 Apr 17:30
      const early = act(
        s.leader,
        d.code,
        { type: 'extend', newDueAt: '2026-04-14T17:30:00+07:00', reason: 'Cần xác minh' },
        at(2026, 4, 9, 10),
      );
      await expect(early).rejects.toMatchObject({ code: 'RULE_VIOLATION' }); // less than a working day left
      const extended = await act(
        s.leader,
        d.code,
        { type: 'extend', newDueAt: '2026-04-14T17:30:00+07:00', reason: 'Cần xác minh' },
        at(2026, 4, 7, 9),
      );
      expect(formatInstant(extended.due_at!)).toBe('2026-04-14T17:30:00+07:00');
      expect(extended.extension_count).toBe(1);
      const again = act(
        s.leader,
        d.code,
        { type: 'extend', newDueAt: '2026-04-20T17:30:00+07:00', reason: 'Lần 2' },
        at(2026, 4, 8, 9),
      );
      await expect(again).rejects.toMatchObject({ code: 'EXTENSION_ALREADY_USED' });
      await act(s.leader, d.code, { type: 'assign' }, at(2026, 4, 8, 10));
      await act(s.specialistA, d.code, { type: 'submit_for_approval' }, at(2026, 4, 10, 10));
      const approved = await act(s.leader, d.code, { type: 'approve' }, at(2026, 4, 13, 10));
      expect(approved.resolution).toBe('early'); // judged against the extended due
    });

    it('answers an illegal transition with 409 and the allowed actions, writing nothing', async () => {
      const d = await receive(at(2026, 3, 2, 10));
      const err = await act(s.leader, d.code, { type: 'approve' }, at(2026, 3, 2, 11)).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 409 });
      expect((err as { details: { allowedActions: string[] } }).details.allowedActions).toEqual(
        expect.arrayContaining(['assign', 'extend', 'stop', 'withdraw']),
      );
      const count = await t.db
        .selectFrom('dossier_actions')
        .select('seq')
        .where('dossier_id', '=', d.id)
        .execute();
      expect(count).toHaveLength(1);
    });

    it('ends by withdrawal or stop, and nothing more can happen', async () => {
      const w = await receive(at(2026, 3, 3, 9));
      const withdrawn = await act(
        s.counter,
        w.code,
        { type: 'withdraw', reason: 'Công dân rút hồ sơ' },
        at(2026, 3, 3, 10),
      );
      expect(withdrawn).toMatchObject({
        status: 'withdrawn',
        end_kind: 'withdrawn',
        outcome: null,
        resolution: null,
      });
      const st = await receive(at(2026, 3, 3, 9, 5));
      const stopped = await act(
        s.leader,
        st.code,
        { type: 'stop', reason: 'Không thuộc thẩm quyền', stopKind: 'no_competence' },
        at(2026, 3, 3, 11),
      );
      expect(stopped).toMatchObject({ status: 'returned', end_kind: 'returned' });
      await expect(act(s.leader, st.code, { type: 'assign' }, at(2026, 3, 3, 12))).rejects.toMatchObject({
        code: 'ILLEGAL_TRANSITION',
      });
    });

    it('keeps another commune out (404) and checks roles (403)', async () => {
      const d = await receive(at(2026, 3, 4, 9));
      await expect(
        act(s.otherCounter, d.code, { type: 'withdraw' }, at(2026, 3, 4, 10)),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(act(s.counter, d.code, { type: 'approve' }, at(2026, 3, 4, 10))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(receive(at(2026, 3, 4, 9), {}, s.specialistA)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('forwards a procedure of another agency at once (liên thông) instead of turning the citizen away', async () => {
      const d = await receive(at(2026, 3, 5, 9), { procedureCode: '1.004222' });
      const data = JSON.parse(d.data);
      expect(data.competence).toMatchObject({ route: 'forward', communeDecides: false });
      expect(data.transfers[0]).toMatchObject({ role: 'lead', agency: data.competence.competentAgency });
    });

    it('rejects a bad CCCD naming the field, and a missing reason for refusal, writing nothing', async () => {
      const before = await t.db.selectFrom('dossiers').select('id').execute();
      const bad = buildIntake({
        applicant: { kind: 'person', name: 'Trần Thị B', idNumber: '068190001234', sex: 'male' },
      });
      await expect(
        t.db
          .transaction()
          .execute((trx) => intake(trx, s.counter, bad, { now: at(2026, 3, 6, 9), agencyPrefix: PREFIX })),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: 'applicant.idNumber', rule: 'cccd.sex_mismatch' })],
      });
      await expect(receive(at(2026, 3, 6, 9), { decision: 'refuse' })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'reason' })],
      });
      const after = await t.db.selectFrom('dossiers').select('id').execute();
      expect(after).toHaveLength(before.length);
    });

    it('receives a person whose birth was registered abroad (a country code first), refusing it unticked', async () => {
      const abroad = {
        kind: 'person' as const,
        name: 'Lê Văn C',
        idNumber: '704090001234',
        sex: 'male' as const,
      };
      const intakeAt = (applicant: TCreateDossierRequest['applicant']) =>
        t.db.transaction().execute((trx) =>
          intake(trx, s.counter, buildIntake({ applicant }), {
            now: at(2026, 3, 6, 9),
            agencyPrefix: PREFIX,
          }),
        );
      await expect(intakeAt(abroad)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: 'applicant.idNumber', rule: 'cccd.province' })],
      });
      await expect(
        intakeAt({ ...abroad, idNumber: '068090001234', birthRegisteredAbroad: true }),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'applicant.idNumber', rule: 'cccd.abroad_province' })],
      });
      const received = await intakeAt({ ...abroad, birthRegisteredAbroad: true });
      expect(received).toMatchObject({ status: 'received', applicant_id_number: '704090001234' });
    });

    it('records a counter supplement request (Form 02) and a refusal (Form 03) without receiving', async () => {
      const incomplete = await receive(at(2026, 3, 6, 10), {
        decision: 'request_supplement',
        missing: ['Tờ khai'],
      });
      expect(incomplete).toMatchObject({ status: 'intake_incomplete', received_at: null, due_at: null });
      const refused = await receive(at(2026, 3, 6, 10), {
        decision: 'refuse',
        reason: 'Không thuộc danh mục',
      });
      expect(refused.status).toBe('intake_refused');
    });

    it('issues gapless sequential codes under 100 concurrent intakes', async () => {
      const now = at(2026, 5, 4, 9);
      const rows = await Promise.all(Array.from({ length: 100 }, () => receive(now)));
      const numbers = rows.map((r) => Number(r.code.split('-').pop())).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.code)).size).toBe(100);
    });

    it('leaves an intact audit chain', async () => {
      expect((await verifyAudit(t.db)).ok).toBe(true);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`dossier jobs on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
    });
    afterAll(async () => t?.dispose());

    it('returns a dossier after 15 days without the supplement, and only then', async () => {
      const d = await t.db
        .transaction()
        .execute((trx) =>
          intake(trx, s.counter, buildIntake(), { now: at(2026, 6, 1, 9), agencyPrefix: PREFIX }),
        );
      const act = (req: TActionRequest, now: number, actor: Actor) =>
        t.db.transaction().execute((trx) => applyAction(trx, actor, d.code, req, { now }));
      await act({ type: 'assign' }, at(2026, 6, 1, 10), s.leader);
      await act(
        { type: 'request_supplement', missing: ['Giấy khai sinh'] },
        at(2026, 6, 2, 9),
        s.specialistA,
      );
      expect(await returnStaleSupplements(t.db, at(2026, 6, 17, 8))).toEqual([]);
      expect(await returnStaleSupplements(t.db, at(2026, 6, 17, 9))).toEqual([d.code]);
      const row = await t.db
        .selectFrom('dossiers')
        .selectAll()
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'returned', end_kind: 'returned', clock_stopped_at: null });
      const last = await t.db
        .selectFrom('dossier_actions')
        .selectAll()
        .where('dossier_id', '=', d.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({ type: 'auto_return', actor_id: null });
      const suspension = await t.db
        .selectFrom('dossier_suspensions')
        .selectAll()
        .where('dossier_id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(suspension.ended_at).toBe(at(2026, 6, 17, 9));
    });

    it('does not let a person run the system action', async () => {
      const d = await t.db
        .transaction()
        .execute((trx) =>
          intake(trx, s.counter, buildIntake(), { now: at(2026, 6, 3, 9), agencyPrefix: PREFIX }),
        );
      await expect(
        t.db
          .transaction()
          .execute((trx) =>
            applyAction(trx, s.leader, d.code, { type: 'auto_return' }, { now: at(2026, 6, 3, 10) }),
          ),
      ).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    });
  });
}
