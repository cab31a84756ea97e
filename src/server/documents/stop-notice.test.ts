/**
 * Form 05 by its ground: the applicant's own request to stop (Decree 118/2025 Art. 21) and the automatic return
 * when no supplement came in time (Art. 19), issued by the one-stop department and its officer on duty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import type { Actor } from '../accounts/roles.ts';
import { applyAction } from '../dossiers/dossier.action.service.ts';
import { officerOnDuty } from '../dossiers/dossier.duty.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import { returnStaleSupplements } from '../dossiers/dossier.return.job.ts';
import { ZActionRequest, type TActionRequest } from '../dossiers/dossier.schemas.ts';
import { buildStopNoticeData } from './document.data.ts';
import { dossierFormPdf } from './document.render.ts';
import { loadDossierDocumentInput } from './document.service.ts';
import { pdfText } from './pdf.inspect.ts';

const BASE = 'https://motcua.lamdong.gov.vn';

describe('the ground of a stop (schema)', () => {
  it("accepts 'applicant_request' and refuses an unknown ground on the stopKind field", () => {
    expect(
      ZActionRequest.safeParse({ type: 'stop', stopKind: 'applicant_request', reason: 'x' }).success,
    ).toBe(true);
    const bad = ZActionRequest.safeParse({ type: 'stop', stopKind: 'whim', reason: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['stopKind']);
  });
});

describe('the officer on duty (pure)', () => {
  const row = (type: string, actor_name: string | null, actor_id: string | null = 'u1') => ({
    type,
    actor_name,
    actor_id,
  });
  it('is the latest counter action, not a specialist or leader action after it', () => {
    const log = [
      row('intake_receive', 'Trần Thị Bích', 'u1'),
      row('assign', 'Lãnh đạo', 'u2'),
      row('receive_supplement', 'Lê Văn Cường', 'u3'),
      row('request_supplement', 'Chuyên viên', 'u4'),
    ];
    expect(officerOnDuty(log)).toEqual({ id: 'u3', name: 'Lê Văn Cường' });
    expect(officerOnDuty(log.slice(0, 2))).toEqual({ id: 'u1', name: 'Trần Thị Bích' });
  });
  it('takes an imported receipt without an account, and is null when no counter officer is known', () => {
    expect(officerOnDuty([row('imported', 'Nguyễn Văn Cũ', null)])).toEqual({
      id: null,
      name: 'Nguyễn Văn Cũ',
    });
    expect(officerOnDuty([row('intake_receive', null), row('assign', 'Lãnh đạo')])).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describe(`Form 05 by ground on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
      await t.db
        .updateTable('users')
        .set({ display_name: 'Phạm Thị Thu Trang' })
        .where('username', '=', 'tiepnhan.dilinh')
        .execute();
      s.counter = { ...s.counter, displayName: 'Phạm Thị Thu Trang' };
    });
    afterAll(async () => t?.dispose());

    const receive = (now: number) =>
      t.db
        .transaction()
        .execute((trx) => intake(trx, s.counter, buildIntake(), { now, agencyPrefix: '000.00' }));
    const act = (actor: Actor, code: string, req: TActionRequest, now: number) =>
      t.db.transaction().execute((trx) => applyAction(trx, actor, code, req, { now }));
    const input = (code: string) => loadDossierDocumentInput(t.db, s.counter, code, BASE, TEST_NOW);

    it("answers the applicant's own request to stop, in its own words", async () => {
      const d = await receive(at(2026, 5, 4, 9));
      await act(
        s.leader,
        d.code,
        { type: 'stop', stopKind: 'applicant_request', reason: 'Gia đình đã thống nhất chưa đăng ký' },
        at(2026, 5, 5, 10),
      );
      const data = buildStopNoticeData(await input(d.code));
      expect(data).toMatchObject({
        ground: 'applicant_request',
        stopKind: 'Theo đề nghị dừng giải quyết của người nộp hồ sơ',
        reason: 'Gia đình đã thống nhất chưa đăng ký',
        stoppedAt: '05/05/2026 10:00',
        issuer: null,
      });
      const text = pdfText(await dossierFormPdf({ form: 'stop', data }));
      expect(text).toContain('Theo đề nghị của Ông/Bà về việc dừng giải quyết hồ sơ nêu trên');
      expect(text).toContain('Lý do Ông/Bà đề nghị dừng: Gia đình đã thống nhất chưa đăng ký');
      expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    });

    it('issues the automatic return in the name of the one-stop department and its officer on duty', async () => {
      const d = await receive(at(2026, 6, 1, 9));
      await act(s.leader, d.code, { type: 'assign' }, at(2026, 6, 1, 10));
      await act(
        s.specialistA,
        d.code,
        { type: 'request_supplement', missing: ['Giấy khai sinh'] },
        at(2026, 6, 2, 9),
      );
      expect(await returnStaleSupplements(t.db, at(2026, 6, 17, 9))).toEqual([d.code]);

      const last = await t.db
        .selectFrom('dossier_actions')
        .selectAll()
        .where('dossier_id', '=', d.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        type: 'auto_return',
        actor_id: null, // no person acted
        actor_name: 'Bộ phận Một cửa (Phạm Thị Thu Trang)',
      });
      expect(JSON.parse(last.payload)).toMatchObject({
        reason: 'supplement_not_received',
        issuer: 'Bộ phận Một cửa',
        onDuty: 'Phạm Thị Thu Trang',
        onDutyId: s.counter.id,
      });

      const data = buildStopNoticeData(await input(d.code));
      expect(data).toMatchObject({
        ground: 'supplement_not_received',
        signer: 'Phạm Thị Thu Trang',
        issuer: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công xã Di Linh',
      });
      const text = pdfText(await dossierFormPdf({ form: 'stop', data }));
      expect(text).toContain(
        'Quá thời hạn mà không nhận được hồ sơ bổ sung, Bộ phận Một cửa, Trung tâm Phục vụ hành chính công xã Di Linh thông báo',
      );
      expect(text).toContain('BỘ PHẬN MỘT CỬA');
      expect(text).toContain('Phạm Thị Thu Trang');
      expect(text).not.toContain('MộtCửa');
      expect(text).not.toContain('THỦ TRƯỞNG CƠ QUAN');
    });
  });
}
