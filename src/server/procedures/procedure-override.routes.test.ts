/**
 * The national catalog is the system administrator's; a province sets its own fee, notes and extra components as
 * versioned overrides, never the legal limit or the competence (security issue 10, finding 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { pdfText } from '../documents/pdf.inspect.ts';
import { ALL_CATALOG_PROCEDURES } from './catalog-data/index.ts';

const CODE = '1.004873'; // Giấy xác nhận tình trạng hôn nhân: 3 working days, 15.000 đồng
const NATIONAL = ALL_CATALOG_PROCEDURES.find((p) => p.code === CODE)!;
const EXTRA = 'Xác nhận của trưởng thôn về nơi cư trú';

for (const dialect of DIALECTS) {
  describe(`province overrides of the procedure catalog on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    let lamDong: string;
    let haNoi: string;
    let counterDiLinh: string;
    let counterBaDinh: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('admin', '68', ['system_admin']);
      await h.user('tinh.hanoi', '01', ['province_supervisor']);
      await h.user('tiepnhan.badinh', '00004', ['counter_officer']);
      admin = await h.login('admin');
      lamDong = await h.login('tinh.lamdong');
      haNoi = await h.login('tinh.hanoi');
      counterDiLinh = await h.login('tiepnhan.dilinh');
      counterBaDinh = await h.login('tiepnhan.badinh');
    });
    afterAll(async () => h?.close());

    const overrides = (cookie: string, method: 'GET' | 'PUT' | 'DELETE', payload?: object, qs = '') =>
      h.app.inject({
        method,
        url: `/api/procedures/${CODE}/overrides${qs}`,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      });
    const intake = (cookie: string, extra: object = {}) =>
      h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: buildIntake({ procedureCode: CODE, ...extra }),
        headers: { cookie },
      });
    const auditOf = (action: string, username: string) =>
      h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', action)
        .where('actor_username', '=', username)
        .orderBy('seq')
        .execute();

    it("refuses a province supervisor's edit of the national catalog (403, audited), and Hà Nội's due is the law's", async () => {
      const before = await intake(counterBaDinh);
      expect(before.statusCode).toBe(201);
      const edited = { ...NATIONAL, limit: { value: 99, unit: 'working_day' } };
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload: { items: [edited] },
        headers: { cookie: lamDong },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details).toEqual({ action: 'catalog.edit' });
      const refused = await auditOf('catalog.edit_refused', 'tinh.lamdong');
      expect(refused).toHaveLength(1);
      expect(JSON.parse(refused[0]!.details)).toMatchObject({ attempt: 'import' });
      // Nor through the province's override: the limit is not a field a province may send.
      const viaOverride = await overrides(lamDong, 'PUT', { expectedVersion: 0, limit: { value: 99 } });
      expect(viaOverride.statusCode).toBe(400);
      expect(viaOverride.json().error.details.issues[0].path).toBe('limit');

      const row = await h.t.db
        .selectFrom('procedures')
        .select(['limit_value', 'limit_unit'])
        .where('code', '=', CODE)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ limit_value: NATIONAL.limit.value, limit_unit: NATIONAL.limit.unit });
      const after = await intake(counterBaDinh);
      expect(after.json().limit.value).toBe(NATIONAL.limit.value);
      expect(after.json().dueAt).toBe(before.json().dueAt);
    });

    it('lets the system administrator edit the national catalog', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload: { items: [{ ...NATIONAL, keywords: [...(NATIONAL.keywords ?? []), 'độc thân'] }] },
        headers: { cookie: admin },
      });
      expect(res.statusCode).toBe(200);
      expect(await auditOf('catalog.import', 'admin')).toHaveLength(1);
    });

    it('names the field and the rule of an invalid override (400)', async () => {
      const cases: [object, string, string][] = [
        [{ limitValue: 5 }, 'limitValue', 'catalog.limit_fixed_by_law'],
        [{ competence: 'province' }, 'competence', 'catalog.competence_fixed_by_law'],
        [{ legalBasis: ['x'] }, 'legalBasis', 'catalog.national_only'],
        [{ feeNote: 'x'.repeat(501) }, 'feeNote', 'too_big'],
        [{ notes: 'x'.repeat(2001) }, 'notes', 'too_big'],
        [{ feeAmount: -1 }, 'feeAmount', 'too_small'],
        [
          { extraComponents: Array.from({ length: 31 }, (_, i) => ({ name: `Giấy ${i}` })) },
          'extraComponents',
          'too_big',
        ],
        [{ extraComponents: [{ name: 'x'.repeat(301) }] }, 'extraComponents.0.name', 'too_big'],
        [
          { extraComponents: [{ name: EXTRA }, { name: EXTRA }] },
          'extraComponents.1.name',
          'catalog.component_duplicate',
        ],
        [
          { extraComponents: [{ name: NATIONAL.components[0]!.name }] },
          'extraComponents.0.name',
          'catalog.component_national',
        ],
      ];
      for (const [body, path, rule] of cases) {
        const res = await overrides(lamDong, 'PUT', { expectedVersion: 0, ...body });
        expect(res.statusCode, path).toBe(400);
        expect(res.json().error.details.issues[0], path).toMatchObject({ path, rule });
      }
      const limit = await h.app.inject({
        method: 'PUT',
        url: `/api/procedures/${CODE}/overrides`,
        payload: { expectedVersion: 0, limit: { value: 99 } },
        headers: { cookie: lamDong, 'accept-language': 'vi' },
      });
      expect(limit.json().error.details.issues[0].message).toContain(
        'thời hạn giải quyết là quy định của pháp luật, tỉnh không được sửa',
      );
      expect((await overrides(lamDong, 'GET')).json().version).toBe(0); // nothing was saved
    });

    it('keeps every version, refuses a stale one (409) and audits each change', async () => {
      const first = await overrides(lamDong, 'PUT', {
        expectedVersion: 0,
        feeAmount: 20000,
        notes: 'Nộp kèm bản sao sổ hộ khẩu cũ nếu có.',
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ provinceCode: '68', version: 1, canEdit: true });
      const second = await overrides(lamDong, 'PUT', {
        expectedVersion: 1,
        feeAmount: 20000,
        feeNote: 'Theo Nghị quyết của HĐND tỉnh Lâm Đồng: 20.000 đồng/việc',
        notes: 'Nộp kèm bản sao sổ hộ khẩu cũ nếu có.',
        extraComponents: [{ name: EXTRA, note: 'Bản chính', required: true }],
      });
      expect(second.statusCode).toBe(200);
      const stale = await overrides(lamDong, 'PUT', { expectedVersion: 1, feeAmount: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });

      const view = (await overrides(lamDong, 'GET')).json();
      expect(view.version).toBe(2);
      expect(view.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(view.history[1]).toMatchObject({ feeAmount: 20000, feeNote: null, extraComponents: [] });
      expect(view.current).toMatchObject({
        feeAmount: 20000,
        createdBy: 'tinh.lamdong',
        extraComponents: [{ name: EXTRA, note: 'Bản chính', required: true }],
      });
      const audit = await auditOf('catalog.override', 'tinh.lamdong');
      expect(audit.map((a) => JSON.parse(a.details).version)).toEqual([1, 2]);
      expect(JSON.parse(audit[1]!.details)).toMatchObject({
        before: { feeAmount: 20000, feeNote: null, extraComponents: [] },
        after: {
          feeNote: 'Theo Nghị quyết của HĐND tỉnh Lâm Đồng: 20.000 đồng/việc',
          extraComponents: [EXTRA],
        },
      });
      expect(audit[1]!.chain).toBe('68');
    });

    it('lets one of two concurrent saves of the same version through, the other gets 409', async () => {
      const body = (notes: string) => ({ expectedVersion: 0, notes });
      const [a, b] = await Promise.all([
        overrides(haNoi, 'PUT', body('Ghi chú A')),
        overrides(haNoi, 'PUT', body('Ghi chú B')),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const view = (await overrides(haNoi, 'GET')).json();
      expect(view.history).toHaveLength(1);
      const revert = await overrides(haNoi, 'DELETE', undefined, '?expectedVersion=1');
      expect(revert.json()).toMatchObject({ version: 2, current: { notes: null } });
    });

    it("keeps another province out of Lâm Đồng's overrides (403, audited) and shows it its own", async () => {
      const read = await overrides(haNoi, 'GET', undefined, '?province=68');
      expect(read.statusCode).toBe(403);
      const write = await overrides(haNoi, 'PUT', { expectedVersion: 2, feeAmount: 1 }, '?province=68');
      expect(write.statusCode).toBe(403);
      const revert = await overrides(haNoi, 'DELETE', undefined, '?province=68&expectedVersion=2');
      expect(revert.statusCode).toBe(403);
      const refused = await auditOf('catalog.override_refused', 'tinh.hanoi');
      expect(refused.map((a) => JSON.parse(a.details).attempt)).toEqual(['override', 'revert']);
      const own = (await overrides(haNoi, 'GET')).json();
      expect(own).toMatchObject({ provinceCode: '01', version: 2 }); // its own (reverted) versions only
      expect(
        own.history.every(
          (v: { notes: string | null }) => v.notes !== 'Nộp kèm bản sao sổ hộ khẩu cũ nếu có.',
        ),
      ).toBe(true);
      // A counter officer reads the province's overrides but may not change them.
      const officer = await overrides(counterDiLinh, 'GET');
      expect(officer.json()).toMatchObject({ version: 2, canEdit: false });
      expect((await overrides(counterDiLinh, 'PUT', { expectedVersion: 2 })).statusCode).toBe(403);
      // The system administrator names the province.
      expect((await overrides(admin, 'GET')).statusCode).toBe(400);
      expect((await overrides(admin, 'GET', undefined, '?province=68')).json().version).toBe(2);
    });

    it('answers the effective procedure for the province, saying which fields come from the override', async () => {
      const mine = (
        await h.app.inject({
          method: 'GET',
          url: `/api/procedures/${CODE}`,
          headers: { cookie: counterDiLinh },
        })
      ).json();
      expect(mine).toMatchObject({
        fee: 20000,
        feeText: 'Theo Nghị quyết của HĐND tỉnh Lâm Đồng: 20.000 đồng/việc',
        notes: 'Nộp kèm bản sao sổ hộ khẩu cũ nếu có.',
        limit: { value: NATIONAL.limit.value, unit: NATIONAL.limit.unit },
        level: NATIONAL.competence,
        override: { provinceCode: '68', version: 2, fields: ['fee', 'feeText', 'notes', 'components'] },
      });
      expect(mine.components.at(-1)).toMatchObject({ name: EXTRA, required: true, addedBy: 'province' });
      expect(mine.components).toHaveLength(NATIONAL.components.length + 1);
      const theirs = (
        await h.app.inject({
          method: 'GET',
          url: `/api/procedures/${CODE}`,
          headers: { cookie: counterBaDinh },
        })
      ).json();
      expect(theirs).toMatchObject({
        fee: NATIONAL.fee.amount,
        feeText: NATIONAL.fee.text,
        notes: null,
        override: null,
      });
      expect(theirs.components).toHaveLength(NATIONAL.components.length);
      // The public catalog of a commune: its province's terms, without signing in.
      const publicList = (
        await h.app.inject({ method: 'GET', url: '/api/procedures?unit=25015&q=tinh%20trang%20hon%20nhan' })
      ).json();
      expect(publicList.items.find((p: { code: string }) => p.code === CODE)).toMatchObject({
        fee: 20000,
        override: { version: 2 },
      });
      const publicHaNoi = (
        await h.app.inject({ method: 'GET', url: `/api/procedures/${CODE}?unit=00004` })
      ).json();
      expect(publicHaNoi).toMatchObject({ fee: NATIONAL.fee.amount, override: null });
    });

    it('applies the override at a Lâm Đồng intake (fee, extra component) and not at a Hà Nội one; the receipt shows it', async () => {
      const missing = await intake(counterDiLinh, {
        components: [
          { name: NATIONAL.components[0]!.name, provided: true },
          { name: EXTRA, provided: false },
        ],
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.details.issues[0]).toMatchObject({
        path: 'components.1.provided',
        rule: 'component.required',
      });
      const ld = await intake(counterDiLinh);
      expect(ld.statusCode).toBe(201);
      const hn = await intake(counterBaDinh, { components: [{ name: EXTRA, provided: false }] });
      expect(hn.statusCode).toBe(201); // not a component in Hà Nội
      expect(ld.json().limit).toEqual(hn.json().limit);
      const terms = async (code: string) =>
        JSON.parse(
          (
            await h.t.db
              .selectFrom('dossiers')
              .select('data')
              .where('code', '=', code)
              .executeTakeFirstOrThrow()
          ).data,
        ).terms;
      const ldTerms = await terms(ld.json().code);
      expect(ldTerms).toMatchObject({ fee: { amount: 20000 }, override: { provinceCode: '68', version: 2 } });
      expect(ldTerms.components.map((c: { name: string }) => c.name)).toContain(EXTRA);
      const hnTerms = await terms(hn.json().code);
      expect(hnTerms).toMatchObject({ fee: { amount: NATIONAL.fee.amount }, override: null });

      const receipt = async (code: string, cookie: string) => {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/dossiers/${code}/documents/receipt.pdf`,
          headers: { cookie },
        });
        expect(res.statusCode).toBe(200);
        return pdfText(res.rawPayload);
      };
      const ldText = await receipt(ld.json().code, counterDiLinh);
      expect(ldText).toContain('20.000 đồng');
      expect(ldText).toContain(EXTRA);
      expect(await receipt(hn.json().code, counterBaDinh)).toContain('15.000 đồng');

      // A later version changes new intakes only: the dossier keeps what applied when it was received.
      const revert = await overrides(lamDong, 'DELETE', undefined, '?expectedVersion=2');
      expect(revert.json()).toMatchObject({ version: 3, current: { feeAmount: null, extraComponents: [] } });
      expect((await terms(ld.json().code)).fee.amount).toBe(20000);
      expect(await receipt(ld.json().code, counterDiLinh)).toContain('20.000 đồng');
      const next = await intake(counterDiLinh);
      expect(await terms(next.json().code)).toMatchObject({
        fee: { amount: NATIONAL.fee.amount },
        override: null,
      });
      const now = (
        await h.app.inject({
          method: 'GET',
          url: `/api/procedures/${CODE}`,
          headers: { cookie: counterDiLinh },
        })
      ).json();
      expect(now).toMatchObject({ fee: NATIONAL.fee.amount, override: null });
    });
  });
}
