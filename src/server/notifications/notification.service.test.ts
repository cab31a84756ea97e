import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import type { Actor } from '../accounts/roles.ts';
import { applyAction } from '../dossiers/dossier.action.service.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import type { TActionRequest, TCreateDossierRequest } from '../dossiers/dossier.schemas.ts';
import { SUPPLEMENT_WAIT_DAYS } from '../dossiers/dossier.rules.ts';
import { remindDue } from './notification.delivery.ts';
import { formatDate } from './notification.messages.ts';

const PREFIX = '000.00';
const ID_NUMBER = '068090001234';
const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`notifications queued by dossier actions on ${dialect}`, () => {
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
    const noticesOf = (dossierId: string) =>
      t.db
        .selectFrom('notifications')
        .selectAll()
        .where('dossier_id', '=', dossierId)
        .orderBy('created_at')
        .orderBy('channel')
        .execute();
    const withEmail = (email: string) => ({
      applicant: { ...buildIntake().applicant, email },
    });

    it('queues the receipt on email and SMS in the intake transaction, without the identity number', async () => {
      const d = await receive(at(2026, 4, 6, 9), withEmail('an@example.vn'));
      const rows = await noticesOf(d.id);
      expect(rows.map((r) => [r.channel, r.kind, r.status, r.recipient])).toEqual([
        ['email', 'receipt', 'pending', 'an@example.vn'],
        ['sms', 'receipt', 'pending', '0912345678'],
      ]);
      const email = rows[0]!;
      expect(email.subject).toContain(d.code);
      expect(email.body).toContain('Nguyễn Văn An');
      expect(email.body).toContain(formatDate(d.due_at!));
      expect(email.next_attempt_at).toBe(at(2026, 4, 6, 9));
      for (const r of rows) {
        expect(r.body).not.toContain(ID_NUMBER);
        expect(r.body).not.toContain('Thôn 1');
        expect([r.province_code, r.unit_code]).toEqual([d.province_code, d.unit_code]);
      }
    });

    it('records a notice as not sent when the applicant gave no address', async () => {
      const d = await receive(at(2026, 4, 6, 9), {
        applicant: { ...buildIntake().applicant, phone: undefined },
      });
      const rows = await noticesOf(d.id);
      expect(rows.map((r) => [r.kind, r.status, r.last_error])).toEqual([
        ['receipt', 'not_sent', 'no address'],
      ]);
    });

    it('a rolled-back action queues nothing', async () => {
      const d = await receive(at(2026, 4, 6, 9), withEmail('rollback@example.vn'));
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 4, 6, 10));
      const before = (await noticesOf(d.id)).length;
      const failing = t.db.transaction().execute(async (trx) => {
        await applyAction(
          trx,
          s.leader,
          d.code,
          { type: 'refuse', reason: 'Không đủ điều kiện' },
          {
            now: at(2026, 4, 6, 11),
          },
        );
        const queued = await trx
          .selectFrom('notifications')
          .select('kind')
          .where('dossier_id', '=', d.id)
          .execute();
        expect(queued.map((q) => q.kind)).toContain('refusal');
        throw new Error('the office lost power');
      });
      await expect(failing).rejects.toThrow('the office lost power');
      expect((await noticesOf(d.id)).length).toBe(before);
      // A refused action (no reason) queues nothing either.
      await expect(act(s.leader, d.code, { type: 'refuse' }, at(2026, 4, 6, 11))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect((await noticesOf(d.id)).length).toBe(before);
    });

    it('tells the officer of an assignment and of a supplement received, not of their own actions', async () => {
      const d = await receive(at(2026, 4, 6, 9));
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 4, 6, 10));
      await act(
        s.specialistA,
        d.code,
        { type: 'request_supplement', missing: ['Bản sao giấy khai sinh', 'Ảnh 4x6'] },
        at(2026, 4, 7, 9),
      );
      await act(s.counter, d.code, { type: 'receive_supplement' }, at(2026, 4, 9, 9));
      const rows = await noticesOf(d.id);
      const inapp = rows.filter((r) => r.channel === 'inapp');
      expect(inapp.map((r) => [r.kind, r.recipient_user_id, r.status])).toEqual([
        ['assigned', s.specialistA.id, 'sent'],
        ['supplement_received', s.specialistA.id, 'sent'],
      ]);
      expect(inapp[0]!.subject).toContain(d.code);
      const supplement = rows.find((r) => r.kind === 'supplement_request' && r.channel === 'sms')!;
      expect(supplement.body).toContain('Bản sao giấy khai sinh');
      expect(supplement.body).toContain('Ảnh 4x6');
      expect(supplement.body).toContain(formatDate(at(2026, 4, 7, 9) + SUPPLEMENT_WAIT_DAYS * DAY));
    });

    it('apologises with the new date on an extension, and tells the result or the refusal', async () => {
      const d = await receive(at(2026, 4, 6, 9));
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.a' }, at(2026, 4, 6, 10));
      const newDue = d.due_at! + 3 * DAY;
      await act(
        s.leader,
        d.code,
        { type: 'extend', newDueAt: new Date(newDue).toISOString(), reason: 'Chờ xác minh của Công an xã' },
        at(2026, 4, 7, 9),
      );
      await act(s.specialistA, d.code, { type: 'submit_for_approval' }, at(2026, 4, 8, 9));
      await act(s.leader, d.code, { type: 'approve' }, at(2026, 4, 8, 10));
      const sms = (await noticesOf(d.id)).filter((r) => r.channel === 'sms');
      expect(sms.map((r) => r.kind)).toEqual(['receipt', 'extension', 'result_ready']);
      expect(sms[1]!.body).toContain('xin lỗi');
      expect(sms[1]!.body).toContain(formatDate(newDue));
      expect(sms[1]!.body).toContain('Chờ xác minh của Công an xã');

      const refused = await receive(at(2026, 4, 6, 9), {
        decision: 'refuse',
        reason: 'Không thuộc thẩm quyền',
      });
      const refusal = (await noticesOf(refused.id)).find((r) => r.channel === 'sms')!;
      expect([refusal.kind, refusal.body.includes('Không thuộc thẩm quyền')]).toEqual(['refusal', true]);
    });

    it('reminds the assigned officer once a day of a dossier due tomorrow and of an overdue one', async () => {
      const d = await receive(at(2026, 5, 4, 9));
      await act(s.leader, d.code, { type: 'assign', assignee: 'chuyenvien.b' }, at(2026, 5, 4, 10));
      const dueAt = d.due_at!;
      const theDayBefore = dueAt - DAY;
      const reminders = () =>
        t.db
          .selectFrom('notifications')
          .select(['kind', 'recipient_user_id'])
          .where('dossier_id', '=', d.id)
          .where('kind', 'in', ['due_tomorrow', 'overdue'])
          .orderBy('created_at')
          .execute();
      await remindDue(t.db, theDayBefore);
      await remindDue(t.db, theDayBefore + 60_000); // the hourly job again: no second reminder that day
      expect(await reminders()).toEqual([{ kind: 'due_tomorrow', recipient_user_id: s.specialistB.id }]);
      await remindDue(t.db, dueAt + 60_000);
      await remindDue(t.db, dueAt + DAY);
      expect((await reminders()).map((r) => r.kind)).toEqual(['due_tomorrow', 'overdue', 'overdue']);
    });
  });
}
