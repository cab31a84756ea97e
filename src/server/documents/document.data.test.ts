import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { at, buildIntake, seedCentre, type Staff } from '../../../test/support/dossiers.ts';
import { intake } from '../dossiers/dossier.intake.service.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import {
  buildExtensionData,
  buildReceiptData,
  buildRefusalData,
  buildStopNoticeData,
  buildSupplementRequestData,
} from './document.data.ts';
import { loadDossierDocumentInput, loadRegister } from './document.service.ts';
import { buildControlSheetData, COUNTER, LEADER } from './document.sheets.ts';
import {
  EXTENSION_REASON,
  makeHistories,
  MISSING,
  REFUSAL_REASON,
  STOP_REASON,
  type Histories,
} from './document.test-helpers.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const BASE = 'https://motcua.lamdong.gov.vn';

for (const dialect of DIALECTS) {
  describe(`document data on ${dialect}`, () => {
    let t: TestDb;
    let s: Staff;
    let h: Histories;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      s = await seedCentre(t.db);
      await t.db
        .updateTable('users')
        .set({ display_name: 'Trần Thị Bình' })
        .where('username', '=', 'chuyenvien.a')
        .execute();
      h = await makeHistories(t.db, s);
    });
    afterAll(async () => t?.dispose());

    const input = (d: DossierRow) => loadDossierDocumentInput(t.db, s.counter, d.code, BASE, TEST_NOW);
    const notApplicable = expect.objectContaining({
      code: 'RULE_VIOLATION',
      details: expect.objectContaining({ rule: 'document.not_applicable' }),
    });

    it('Form 01: heading, applicant, components, receipt time, appointment = due, fee in words, QR URL', async () => {
      const r = buildReceiptData(await input(h.received));
      expect(r).toMatchObject({
        formNumber: '01',
        title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        header: {
          agencyName: 'UBND XÃ DI LINH',
          centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
          communeName: 'Xã Di Linh',
          provinceName: 'Tỉnh Lâm Đồng',
          placeName: 'Di Linh',
        },
        dossierCode: h.received.code,
        procedureName: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
        applicant: {
          name: 'Nguyễn Văn An',
          idNumberMasked: '068*******34',
          phone: '09******78',
          address: 'Thôn 1, Xã Di Linh, Lâm Đồng',
        },
        receivedAt: '02/03/2026 09:00',
        appointmentAt: '17 giờ 30 phút, ngày 05 tháng 3 năm 2026',
        limit: '03 ngày làm việc',
        channel: 'Trực tiếp',
        officer: 'tiepnhan.dilinh',
        fee: { amount: 15000, amountText: '15.000 đồng', inWords: 'Mười lăm nghìn đồng' },
        placeDate: 'Di Linh, ngày 02 tháng 3 năm 2026',
        lookupUrl: `${BASE}/tra-cuu?code=${h.received.code}`,
      });
      expect(r.components).toEqual([
        { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu', copies: 1, kind: 'Bản chính' },
      ]);
      expect(r.returnPlace).toBe(
        'Bộ phận tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công xã Di Linh',
      );
    });

    it('Form 01 keeps the appointment of the receipt after an extension (Form 04 carries the new date)', async () => {
      expect(buildReceiptData(await input(h.extended)).appointmentAt).toBe(
        '17 giờ 30 phút, ngày 09 tháng 4 năm 2026',
      );
    });

    it('Form 01 does not apply to a dossier refused or sent back for supplement at the counter', async () => {
      await expect(input(h.refused).then(buildReceiptData)).rejects.toEqual(notApplicable);
      await expect(input(h.intakeSupplement).then(buildReceiptData)).rejects.toEqual(notApplicable);
    });

    it('Form 02 lists every missing item, from the counter or from appraisal', async () => {
      const counter = buildSupplementRequestData(await input(h.intakeSupplement));
      expect(counter).toMatchObject({
        formNumber: '02',
        stage: 'intake',
        missing: MISSING,
        requestedAt: '02/03/2026 10:00',
        officer: 'tiepnhan.dilinh',
      });
      const appraisal = buildSupplementRequestData(await input(h.complete));
      expect(appraisal).toMatchObject({
        stage: 'appraisal',
        missing: ['Giấy tờ tùy thân'],
        note: 'Bản sao bị mờ',
        officer: 'chuyenvien.a',
      });
      expect(appraisal.placeDate).toBe('Di Linh, ngày 24 tháng 3 năm 2026');
      await expect(input(h.received).then(buildSupplementRequestData)).rejects.toEqual(notApplicable);
    });

    it('Form 03 gives the reason of the refusal at the counter', async () => {
      expect(buildRefusalData(await input(h.refused))).toMatchObject({
        formNumber: '03',
        reason: REFUSAL_REASON,
        refusedAt: '02/03/2026 11:00',
      });
      await expect(input(h.received).then(buildRefusalData)).rejects.toEqual(notApplicable);
    });

    it('Form 04 gives the reason, the old and the new date of the extension', async () => {
      expect(buildExtensionData(await input(h.extended))).toMatchObject({
        formNumber: '04',
        receivedOn: 'ngày 06 tháng 4 năm 2026',
        previousAppointmentAt: '17 giờ 30 phút, ngày 09 tháng 4 năm 2026',
        newAppointmentAt: '17 giờ 30 phút, ngày 14 tháng 4 năm 2026',
        reason: EXTENSION_REASON,
        signer: 'lanhdao.dilinh',
        placeDate: 'Di Linh, ngày 07 tháng 4 năm 2026',
      });
      await expect(input(h.received).then(buildExtensionData)).rejects.toEqual(notApplicable);
    });

    it('Form 04 prefers the reason of the extend payload to its note', async () => {
      const i = await input(h.extended);
      const actions = i.actions.map((a) =>
        a.type === 'extend'
          ? {
              ...a,
              payload: JSON.stringify({
                ...JSON.parse(a.payload),
                reason: 'Chờ kết quả xác minh',
                note: 'x',
              }),
            }
          : a,
      );
      expect(buildExtensionData({ ...i, actions }).reason).toBe('Chờ kết quả xác minh');
    });

    it('Form 05 gives the reason and the ground of the stop', async () => {
      expect(buildStopNoticeData(await input(h.stopped))).toMatchObject({
        formNumber: '05',
        reason: STOP_REASON,
        stopKind: 'Không thuộc thẩm quyền giải quyết',
        receivedOn: 'ngày 03 tháng 3 năm 2026',
        stoppedAt: '03/03/2026 11:00',
      });
      await expect(input(h.complete).then(buildStopNoticeData)).rejects.toEqual(notApplicable);
    });

    it('Form 06 has one row per action, following the dossier from hand to hand', async () => {
      const c = buildControlSheetData(await input(h.complete));
      const applicant = 'Nguyễn Văn An';
      expect(c.rows.map((r) => [r.step, r.from, r.to, r.at])).toEqual([
        ['Tiếp nhận hồ sơ', applicant, 'tiepnhan.dilinh', '23/03/2026 09:00'],
        ['Chuyển hồ sơ để giải quyết', 'tiepnhan.dilinh', 'Trần Thị Bình', '23/03/2026 10:00'],
        ['Yêu cầu bổ sung, hoàn thiện hồ sơ', 'chuyenvien.a', applicant, '24/03/2026 10:00'],
        ['Nhận hồ sơ bổ sung', applicant, 'tiepnhan.dilinh', '06/04/2026 10:00'],
        ['Trình phê duyệt', 'chuyenvien.a', LEADER, '07/04/2026 09:00'],
        ['Phê duyệt kết quả', 'lanhdao.dilinh', COUNTER, '07/04/2026 14:00'],
        ['Trả kết quả', 'tiepnhan.dilinh', applicant, '08/04/2026 08:00'],
      ]);
      expect(c.rows[2]).toMatchObject({ result: 'Giấy tờ tùy thân', note: 'Bản sao bị mờ' });
      expect(c.rows[3]!.result).toBe('Hẹn trả mới: 09/04/2026 17:30');
      expect(c.rows[5]!.result).toBe('Giải quyết (trước hạn)');
      expect(c).toMatchObject({
        formNumber: '06',
        applicant: { name: applicant, idNumberMasked: '068*******34' },
        receivedAt: '23/03/2026 09:00',
        dueAt: '09/04/2026 17:30',
      });
      expect(c.applicant).not.toHaveProperty('address');
      await expect(input(h.refused).then(buildControlSheetData)).rejects.toEqual(notApplicable);
    });

    it('keeps another commune out: 404 for its dossiers', async () => {
      await expect(
        loadDossierDocumentInput(t.db, s.otherCounter, h.received.code, BASE, TEST_NOW),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        loadDossierDocumentInput(t.db, s.supervisor, h.received.code, BASE, TEST_NOW),
      ).resolves.toBeTruthy();
    });

    it('Form 07 lists the dossiers received in the local dates, masked, in order of receipt', async () => {
      const lateAt = at(2026, 3, 31, 23, 30); // 31 March local time, 16:30 UTC
      const late = await t.db
        .transaction()
        .execute((trx) => intake(trx, s.counter, buildIntake(), { now: lateAt, agencyPrefix: '000.00' }));
      const march = await loadRegister(t.db, s.counter, {
        unitCode: '25000',
        fromMs: at(2026, 3, 1),
        endMs: at(2026, 4, 1),
        now: at(2026, 4, 1, 8),
        maxRows: 100,
      });
      const codes = march.data.rows.map((r) => r.code);
      expect(codes).toEqual([h.received.code, h.stopped.code, h.complete.code, late.code]);
      expect(march.data).toMatchObject({
        formNumber: '07',
        from: '01/03/2026',
        to: '31/03/2026',
        placeDate: 'Di Linh, ngày 01 tháng 4 năm 2026',
      });
      expect(march.data.rows[0]).toMatchObject({
        no: 1,
        applicant: 'Nguyễn Văn An',
        idNumberMasked: '068*******34',
        receivedAt: '02/03/2026 09:00',
        dueAt: '05/03/2026 17:30',
        status: 'Đã tiếp nhận',
      });
      expect(march.data.rows[1]).toMatchObject({
        result: 'Trả lại hồ sơ',
        ended: '03/03/2026 11:00',
        status: 'Dừng, trả lại hồ sơ',
      });
      expect(march.data.rows[2]).toMatchObject({
        result: 'Giải quyết (trước hạn)',
        status: 'Đã trả kết quả',
      });
      const april = await loadRegister(t.db, s.counter, {
        unitCode: '25000',
        fromMs: at(2026, 4, 1),
        endMs: at(2026, 5, 1),
        now: at(2026, 5, 1),
        maxRows: 100,
      });
      expect(april.data.rows.map((r) => r.code)).toEqual([h.extended.code]);
    });

    it('Form 07: other communes forbidden, unknown units and provinces invalid, too many rows refused', async () => {
      const q = { fromMs: at(2026, 3, 1), endMs: at(2026, 4, 1), now: at(2026, 4, 1), maxRows: 100 };
      await expect(loadRegister(t.db, s.otherCounter, { ...q, unitCode: '25000' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(loadRegister(t.db, s.supervisor, { ...q, unitCode: '25000' })).resolves.toMatchObject({
        unitCode: '25000',
        provinceCode: '68',
      });
      await expect(loadRegister(t.db, s.counter, { ...q, unitCode: '99999' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(loadRegister(t.db, s.supervisor, { ...q, unitCode: '68' })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'unit', rule: 'unit.commune' })],
      });
      await expect(
        loadRegister(t.db, s.counter, { ...q, unitCode: '25000', maxRows: 2 }),
      ).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        details: { rule: 'register.too_many_rows', limit: 2 },
      });
    });
  });
}
