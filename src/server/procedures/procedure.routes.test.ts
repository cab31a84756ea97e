import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { ALL_CATALOG_PROCEDURES } from './catalog-data/index.ts';
import { catalogToXlsx, xlsxToCatalog } from './procedure.excel.ts';

for (const dialect of DIALECTS) {
  describe(`procedure catalog on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    let officer: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('admin', '68', ['system_admin']);
      admin = await h.login('admin');
      officer = await h.login('tiepnhan.dilinh');
    });
    afterAll(async () => h?.close());

    it('loads the built-in catalog and searches it with folding and keywords', async () => {
      const all = (await h.app.inject({ method: 'GET', url: '/api/procedures' })).json().items;
      expect(all).toHaveLength(ALL_CATALOG_PROCEDURES.length);
      const res = await h.app.inject({ method: 'GET', url: '/api/procedures?q=dang%20ky%20ket%20hon' });
      const names = res.json().items.map((p: { name: string }) => p.name);
      expect(names).toContain('Thủ tục đăng ký kết hôn');
      const byField = await h.app.inject({
        method: 'GET',
        url: `/api/procedures?field=${encodeURIComponent('Chứng thực')}`,
      });
      expect(byField.json().items.every((p: { field: string }) => p.field === 'Chứng thực')).toBe(true);
    });

    it('the competence assistant says who decides and whether to forward', async () => {
      const own = (await h.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
      expect(own.competence).toMatchObject({ communeDecides: true, route: 'process_here' });
      const police = (await h.app.inject({ method: 'GET', url: '/api/procedures/1.004222' })).json();
      expect(police.competence).toMatchObject({ communeDecides: false, route: 'forward' });
      expect(police.competence.competentAgency.length).toBeGreaterThan(3);
    });

    it('shows the limit intake will apply in the commune asked about (issue 11, area limits)', async () => {
      const get = async (url: string, cookie?: string) =>
        (await h.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) })).json();
      const cases = [
        {
          url: '/api/procedures/1.013978?unit=25000',
          cookie: undefined,
          applied: { value: 30, kind: 'area' },
        },
        {
          url: '/api/procedures/1.013978?unit=00004',
          cookie: undefined,
          applied: { value: 20, kind: 'standard' },
        },
        { url: '/api/procedures/1.013978', cookie: officer, applied: { value: 30, kind: 'area' } },
        {
          url: '/api/procedures/1.004873?unit=25000',
          cookie: undefined,
          applied: { value: 3, kind: 'standard' },
        },
      ];
      for (const c of cases) {
        const body = await get(c.url, c.cookie);
        expect(body.appliedLimit, c.url).toMatchObject(c.applied);
      }
      const anonymous = await get('/api/procedures/1.013978');
      expect(anonymous.appliedLimit).toBeNull();
      expect(anonymous.limit).toMatchObject({ value: 20 });
      expect(anonymous.areaLimit).toMatchObject({
        value: 30,
        areas: ['mountainous', 'border', 'island', 'hardship'],
      });
    });

    it('exports JSON that imports back unchanged', async () => {
      const exported = await h.app.inject({ method: 'GET', url: '/api/procedures/export.json' });
      const { items } = exported.json();
      expect(items).toHaveLength(ALL_CATALOG_PROCEDURES.length);
      const edited = { ...items[0], fee: { amount: 15000, text: '15.000 đồng' } };
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload: { items: [edited] },
        headers: { cookie: admin },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ imported: 1 });
      const after = (await h.app.inject({ method: 'GET', url: `/api/procedures/${items[0].code}` })).json();
      expect(after.fee).toBe(15000);
    });

    it('round-trips the catalog through Excel', async () => {
      // the first five, and the first land certificate with its area limit (issue 11)
      const entries = [
        ...ALL_CATALOG_PROCEDURES.slice(0, 5),
        ...ALL_CATALOG_PROCEDURES.filter((p) => p.areaLimit),
      ];
      expect(entries).toHaveLength(6);
      const buffer = await catalogToXlsx(entries);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.rowCount).toBe(7);
      const back = await xlsxToCatalog(buffer);
      expect(back).toEqual(
        entries.map((p) => ({
          ...p,
          keywords: p.keywords ?? [],
          limit: { ...p.limit },
        })),
      );
    });

    it('rejects an invalid import naming the field, and refuses officers', async () => {
      const bad = { items: [{ ...ALL_CATALOG_PROCEDURES[0], limit: { value: -1, unit: 'working_day' } }] };
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload: bad,
        headers: { cookie: admin },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('items.0.limit.value');
      const denied = await h.app.inject({
        method: 'POST',
        url: '/api/procedures/import',
        payload: bad,
        headers: { cookie: officer },
      });
      expect(denied.statusCode).toBe(403);
    });
  });
}
