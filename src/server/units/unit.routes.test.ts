import Fastify from 'fastify';
import { testClock } from '../../../test/support/clock.ts';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDb } from '../../../test/support/db.ts';
import { installErrorHandler } from '../platform/error-handler.ts';
import type { AppInstance } from '../platform/types.ts';
import { zodValidatorCompiler } from '../platform/validation.ts';
import { unitRoutes } from './unit.routes.ts';
import type { TUnit } from './unit.schemas.ts';
import { openImportedDb } from './unit.test-helpers.ts';

/** Counts the SQL statements the routes issue. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

const UNIT_KEYS = [
  'areaClassSource',
  'areaClasses',
  'areaKm2',
  'code',
  'ethnicMinorityShare',
  'formerUnits',
  'name',
  'population',
  'provinceCode',
  'provinceName',
  'type',
];

for (const dialect of DIALECTS) {
  describe(`units routes on ${dialect}`, () => {
    let t: TestDb;
    let app: AppInstance;
    const counter = new QueryCounter();

    beforeAll(async () => {
      ({ t } = await openImportedDb(dialect));
      app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
      app.setValidatorCompiler(zodValidatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      installErrorHandler(app);
      app.decorate('db', t.db.withPlugin(counter));
      app.decorate('clock', testClock());
      await app.register(unitRoutes);
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await t?.dispose();
    });
    beforeEach(() => {
      counter.count = 0;
    });

    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() as Record<string, unknown> };
    };

    it('GET /api/units/:code returns the whitelisted unit', async () => {
      const { status, body } = await get('/api/units/25015');
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(UNIT_KEYS);
      expect(body).toEqual({
        code: '25015',
        name: 'Xã Gia Hiệp',
        type: 'commune',
        provinceCode: '68',
        provinceName: 'Tỉnh Lâm Đồng',
        formerUnits: [
          {
            code: '25015',
            name: 'Xã Gia Hiệp',
            districtName: 'Huyện Di Linh',
            provinceName: 'Tỉnh Lâm Đồng',
          },
          { code: '25021', name: 'Xã Tam Bố', districtName: 'Huyện Di Linh', provinceName: 'Tỉnh Lâm Đồng' },
        ],
        areaKm2: 324.43,
        population: 21462,
        ethnicMinorityShare: 33.58,
        // Quyết định 2284/QĐ-UBND ngày 25/11/2025 (Lâm Đồng): a mountainous commune (issue 11)
        areaClasses: ['mountainous'],
        areaClassSource: 'Quyết định 2284/QĐ-UBND ngày 25/11/2025 của Ủy ban nhân dân tỉnh Lâm Đồng',
      });
    });

    it('resolves a former code with resolvedFrom', async () => {
      const { status, body } = await get('/api/units/25009');
      expect(status).toBe(200);
      expect(body).toMatchObject({ code: '25000', name: 'Xã Di Linh', resolvedFrom: '25009' });
    });

    it('answers 404 NOT_FOUND for an unknown code', async () => {
      const { status, body } = await get('/api/units/99999');
      expect(status).toBe(404);
      expect(body).toMatchObject({
        error: { code: 'NOT_FOUND', details: { resource: 'unit', id: '99999' } },
      });
    });

    it.each(['2501', '250150', 'abcde', '6'])('answers 400 for the malformed code %s', async (code) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/units/${code}`,
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json() as {
        error: { code: string; details: { issues: { rule: string; message: string }[] } };
      };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.issues[0]).toMatchObject({
        rule: 'rule.unitCode',
        message: 'an administrative unit code has 2 or 5 digits',
      });
    });

    it('GET /api/units?province=68 lists the 124 communes by name, with few queries', async () => {
      const { status, body } = await get('/api/units?province=68');
      expect(status).toBe(200);
      const items = body.items as TUnit[];
      expect(items).toHaveLength(124);
      expect(items.map((i) => i.name)).toEqual(
        items.map((i) => i.name).sort(new Intl.Collator('vi').compare),
      );
      expect(items.every((i) => i.provinceCode === '68' && Array.isArray(i.formerUnits))).toBe(true);
      expect(Object.keys(items[0] ?? {}).sort()).toEqual(UNIT_KEYS);
      expect(counter.count).toBeLessThanOrEqual(4);
    });

    it('GET /api/units?q= searches folded names and former names', async () => {
      const byName = await get(`/api/units?q=${encodeURIComponent('Đi Linh')}`);
      expect((byName.body.items as TUnit[])[0]?.code).toBe('25000');
      const byFormer = await get(`/api/units?q=${encodeURIComponent('tam bố')}&province=68`);
      const giaHiep = (byFormer.body.items as TUnit[]).find((i) => i.code === '25015');
      expect(giaHiep?.matchedFormerUnit).toMatchObject({ code: '25021', name: 'Xã Tam Bố' });
      const wards = await get('/api/units?province=79&type=ward&limit=3');
      expect(wards.body.items).toHaveLength(3);
    });

    it('validates the list query', async () => {
      expect((await get('/api/units?province=6')).status).toBe(400);
      expect((await get('/api/units?type=district')).status).toBe(400);
      expect((await get('/api/units?limit=0')).status).toBe(400);
    });

    it('GET /api/provinces lists the 34 provinces', async () => {
      const { status, body } = await get('/api/provinces');
      expect(status).toBe(200);
      const items = body.items as TUnit[];
      expect(items).toHaveLength(34);
      expect(items.find((p) => p.code === '68')).toMatchObject({ name: 'Tỉnh Lâm Đồng', type: 'province' });
      expect(counter.count).toBeLessThanOrEqual(3);
    });
  });
}
