import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { insertReportUnits, legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import type { Unit } from '../units/unit.service.ts';
import { formatNumber, formatPercent, nameUnit, ruPlural } from './brief.format.ts';
import { briefData, composeBrief, reportBrief } from './report-brief.ts';
import { fixtureProvinceReport, fixtureReport } from './report.fixtures.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';

const former = (code: string, name: string) => ({
  code,
  name,
  districtName: 'Huyện Di Linh',
  provinceName: 'Tỉnh Lâm Đồng',
  partial: false,
});
const DI_LINH: Unit = {
  code: '25000',
  name: 'Xã Di Linh',
  type: 'commune',
  provinceCode: '68',
  provinceName: 'Tỉnh Lâm Đồng',
  formerUnits: [
    former('25000', 'Thị trấn Di Linh'),
    former('25009', 'Xã Tân Châu'),
    former('25027', 'Xã Liên Đầm'),
    former('25030', 'Xã Gung Ré'),
  ],
  areaKm2: 268.28,
  population: 64179,
  ethnicMinorityShare: 35.4,
  areaClasses: [],
  areaClassSource: null,
  validFrom: '2025-07-01',
};

describe('brief', () => {
  const data = briefData(fixtureReport(), DI_LINH, false);

  it('reads in Vietnamese', () => {
    expect(composeBrief(data, 'vi')).toBe(
      'Xã Di Linh được thành lập trên cơ sở sắp xếp, sáp nhập thị trấn Di Linh, xã Tân Châu, xã Liên Đầm và xã Gung Ré; ' +
        'diện tích tự nhiên 268,28 km², dân số 64.179 người, đồng bào dân tộc thiểu số chiếm 35,4% dân số. ' +
        'Từ ngày 09/7/2025 đến ngày 06/8/2025, Trung tâm đã tiếp nhận 107 hồ sơ, trong đó 87 hồ sơ mới (22 hồ sơ trực tuyến, ' +
        'chiếm 25,3%; 65 hồ sơ trực tiếp hoặc qua dịch vụ bưu chính) và 20 hồ sơ kỳ trước chuyển sang. ' +
        'Đã giải quyết 45 hồ sơ, trong đó 8 hồ sơ trước hạn, 15 hồ sơ đúng hạn và 22 hồ sơ quá hạn; tỷ lệ giải quyết trước hạn ' +
        'và đúng hạn đạt 51,1%. Đang giải quyết 48 hồ sơ, trong đó 24 hồ sơ trong hạn (có 5 hồ sơ đang chờ công dân bổ sung) ' +
        'và 24 hồ sơ quá hạn. Có 14 hồ sơ kết thúc không có kết quả: 9 hồ sơ bị trả lại hoặc dừng giải quyết, 5 hồ sơ do công dân rút.',
    );
  });

  it('reads in English', () => {
    expect(composeBrief(data, 'en')).toBe(
      'Di Linh commune was formed by merging Di Linh township, Tân Châu commune, Liên Đầm commune and Gung Ré commune. ' +
        'It covers 268.28 km² and has 64,179 inhabitants, 35.4% of whom belong to ethnic minorities. ' +
        'From 9 July to 6 August 2025 the centre received 107 dossiers, of which 87 were new (22 online, 25.3%; 65 in person ' +
        'or by post) and 20 were carried over from the previous period. The centre resolved 45 dossiers: 8 ahead of time, ' +
        '15 on time and 22 late, so 51.1% were resolved on or ahead of time. At the end of the period 48 dossiers were in ' +
        'progress: 24 within the deadline (5 of them awaiting documents from the applicant) and 24 overdue. A further 14 ' +
        'dossiers were closed without a result: 9 returned or stopped by the agency and 5 withdrawn by the applicant.',
    );
  });

  it('reads in Russian, with the plural forms numbers need', () => {
    expect(composeBrief(data, 'ru')).toBe(
      'Община Di Linh образована в результате объединения посёлка Di Linh, общины Tân Châu, общины Liên Đầm и общины Gung Ré. ' +
        'Площадь — 268,28 км², население — 64\u00a0179 человек, доля этнических меньшинств — 35,4\u00a0%. ' +
        'С 9 июля по 6 августа 2025 года центр принял к рассмотрению 107 дел: 87 новых дел (22 — через портал, 25,3\u00a0%; ' +
        '65 — лично или по почте) и 20 дел из прошлого периода. Рассмотрено 45 дел: 8 — досрочно, 15 — в срок, 22 — с ' +
        'нарушением срока; доля рассмотренных досрочно и в срок составила 51,1\u00a0%. На конец периода в работе 48 дел: ' +
        '24 — в пределах срока (в том числе 5 дел в ожидании документов от заявителей), 24 — с истёкшим сроком. Без ' +
        'результата закрыто 14 дел: 9 возвращено или прекращено ведомством, 5 отозвано заявителями.',
    );
  });

  it('uses the singular and the Russian few-form', () => {
    const one = briefData(
      {
        ...fixtureReport(),
        period: { from: '2025-12-20', to: '2026-01-05' },
        totals: {
          received: { total: 22, online: 1, directOrPostal: 21, carriedOver: 0 },
          resolved: { total: 21, early: 21, onTime: 0, late: 0 },
          inProgress: { total: 1, withinDeadline: 1, overdue: 0, awaitingSupplement: 0 },
          closedWithoutResult: { total: 0, returned: 0, withdrawn: 0 },
        },
      },
      { ...DI_LINH, formerUnits: [], areaKm2: null, population: null, ethnicMinorityShare: null },
      false,
    );
    expect(composeBrief(one, 'en')).toBe(
      'From 20 December 2025 to 5 January 2026 the centre received 22 dossiers, of which 22 were new (1 online, 4.5%; 21 in ' +
        'person or by post). The centre resolved 21 dossiers: 21 ahead of time, 0 on time and 0 late, so 100% were resolved ' +
        'on or ahead of time. At the end of the period 1 dossier was in progress: 1 within the deadline and 0 overdue.',
    );
    expect(composeBrief(one, 'ru')).toContain(
      'С 20 декабря 2025 года по 5 января 2026 года центр принял к рассмотрению 22 дела: 22 новых дела',
    );
    expect(composeBrief(one, 'ru')).toContain('Рассмотрено 21 дело');
    expect(composeBrief(one, 'ru')).toContain('в работе 1 дело');
    expect(composeBrief(one, 'vi')).toMatch(
      /^Từ ngày 20\/12\/2025 đến ngày 05\/1\/2026, Trung tâm đã tiếp nhận 22 hồ sơ/,
    );
  });

  it('a province brief names the best and worst communes', () => {
    const report = fixtureProvinceReport();
    const second = report.byUnit?.[1];
    if (second) second.resolved = { total: 3, early: 1, onTime: 1, late: 1 };
    const province = {
      ...DI_LINH,
      code: '68',
      name: 'Tỉnh Lâm Đồng',
      type: 'province' as const,
      formerUnits: [],
      areaKm2: null,
      population: null,
      ethnicMinorityShare: null,
    };
    const b = briefData(report, province, true);
    expect(composeBrief(b, 'vi')).toMatch(
      /^Tỉnh Lâm Đồng có 2 đơn vị hành chính cấp xã\. Từ ngày 09\/7\/2025/,
    );
    expect(composeBrief(b, 'vi')).toContain(
      'cao nhất là xã Gia Hiệp (66,7%), thấp nhất là xã Di Linh (51,1%).',
    );
    expect(composeBrief(b, 'en')).toContain(
      'highest in Gia Hiệp commune (66.7%) and lowest in Di Linh commune (51.1%).',
    );
    expect(composeBrief(b, 'ru')).toContain(
      'выше всего в общине Gia Hiệp (66,7\u00a0%), ниже всего — в общине Di Linh (51,1\u00a0%).',
    );
  });

  it('formats numbers, percentages, plurals and names', () => {
    expect([formatNumber(1951, 'vi'), formatNumber(1951, 'en'), formatNumber(1951, 'ru')]).toEqual([
      '1.951',
      '1,951',
      '1\u00a0951',
    ]);
    expect([formatPercent(54.0936, 'vi'), formatPercent(100, 'en'), formatPercent(33.58, 'ru')]).toEqual([
      '54,1%',
      '100%',
      '33,6\u00a0%',
    ]);
    expect(
      [1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 1951].map((n) => ruPlural(n, ['дело', 'дела', 'дел'])),
    ).toEqual(['дело', 'дела', 'дел', 'дел', 'дел', 'дело', 'дела', 'дел', 'дело', 'дел', 'дело']);
    expect(nameUnit('Phường Ba Đình')).toEqual({ kind: 'ward', bare: 'Ba Đình', full: 'Phường Ba Đình' });
    expect(nameUnit('Đặc khu Phú Quốc').kind).toBe('special_zone');
  });
});

for (const dialect of DIALECTS) {
  describe(`brief from the database (${dialect})`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertReportUnits(t.db);
      const line = legacyLine({
        code: 'BR-1',
        unitCode: '25009',
        receivedAt: '2025-07-10T08:00:00+07:00',
        dueAt: '2025-07-15T17:30:00+07:00',
      });
      await importLegacyDossiers(t.db, writeJsonl([line]), { now: TEST_NOW });
    });
    afterAll(async () => t.dispose());

    it('takes the profile from the units feature and the figures from the report', async () => {
      const text = await reportBrief(
        t.db,
        { unitCode: '25000', from: '2025-07-09', to: '2025-08-06' },
        'en',
        TEST_NOW,
      );
      expect(text).toMatch(
        /^Di Linh commune was formed by merging Di Linh township, Tân Châu commune, Liên Đầm commune and Gung Ré commune\. It covers 268\.28 km²/,
      );
      expect(text).toContain(
        'the centre received 1 dossier, of which 1 was new (0 online, 0%; 1 in person or by post).',
      );
      expect(text).toContain('No dossier was resolved in the period.');
      expect(text).toContain(
        'At the end of the period 1 dossier was in progress: 0 within the deadline and 1 overdue.',
      );
    });
  });
}
