/**
 * The hot routes' answers written by the compiled serialisers (platform/response-serializer.ts) are the zod
 * serializer's, on real dossiers of each database: every answer is written by both and compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { compileZodSerializer } from '../platform/response-serializer.ts';

interface Written {
  route: string;
  compiled: boolean;
  zod: string;
  fast: string | null;
}

/** Writes every answer with both serialisers, sends zod's, and keeps both. */
function comparing(log: Written[]): FastifySerializerCompiler<unknown> {
  return (route) => {
    const zod = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    const fast = compileZodSerializer(route.schema);
    return (data) => {
      const zodText = zod(data);
      log.push({
        route: `${route.method} ${route.url}`,
        compiled: fast.compiled,
        zod: zodText,
        fast: fast.compiled ? fast.stringify(data) : null,
      });
      return zodText;
    };
  };
}

const HOT_ROUTES = [
  'POST /api/dossiers',
  'GET /api/dossiers/:code',
  'GET /api/dossiers',
  'GET /api/dossiers/counts',
  'GET /api/public/dossiers/:code',
  'POST /api/dossiers/:code/actions',
];

for (const dialect of DIALECTS) {
  describe(`compiled response serialisers on ${dialect}`, () => {
    let h: TestApp;
    const log: Written[] = [];
    let counter: string;
    let leader: string;
    let specialist: string;
    let supervisor: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { serializerCompiler: comparing(log) });
      counter = await h.login('tiepnhan.dilinh');
      leader = await h.login('lanhdao.dilinh');
      specialist = await h.login('chuyenvien.a');
      supervisor = await h.login('tinh.lamdong');
    });
    afterAll(async () => h?.close());

    const call = async (cookie: string | null, method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };

    it('writes what zod writes for every hot route, on dossiers in every state', async () => {
      const intakes = [
        buildIntake(),
        buildIntake({ channel: 'postal', paper: true, note: 'Hồ sơ giấy "gốc" \\ có ký tự đặc biệt' }),
        buildIntake({
          applicant: {
            kind: 'organisation',
            name: 'Công ty TNHH Đà Lạt Xanh',
            idNumber: '5800123456',
            phone: '0263123456',
          },
        }),
        buildIntake({ decision: 'request_supplement', missing: ['Tờ khai', 'Bản sao CCCD'] }),
        buildIntake({ decision: 'refuse', reason: 'Không thuộc thẩm quyền' }),
        buildIntake({ applicant: { kind: 'person', name: 'Trần Thị Bích', idNumber: '068190001235' } }),
      ];
      const codes: string[] = [];
      for (const body of intakes) codes.push((await call(counter, 'POST', '/api/dossiers', body)).code);
      const [a, b, c] = codes;
      // assigned, transferred (a transfer record), proposed (the next step's proposal), approved and delivered
      await call(leader, 'POST', `/api/dossiers/${a}/actions`, { type: 'assign', assignee: 'chuyenvien.a' });
      await call(specialist, 'POST', `/api/dossiers/${a}/actions`, {
        type: 'transfer',
        agency: 'Công an xã',
      });
      await call(leader, 'POST', `/api/dossiers/${b}/actions`, { type: 'assign', assignee: 'chuyenvien.a' });
      await call(specialist, 'POST', `/api/dossiers/${b}/actions`, {
        type: 'submit_for_approval',
        note: 'Đủ điều kiện',
      });
      await call(leader, 'POST', `/api/dossiers/${c}/actions`, { type: 'assign' });
      await call(specialist, 'POST', `/api/dossiers/${c}/actions`, { type: 'submit_for_approval' });
      await call(leader, 'POST', `/api/dossiers/${c}/actions`, { type: 'approve' });
      await call(counter, 'POST', `/api/dossiers/${c}/actions`, {
        type: 'deliver',
        deliveryMethod: 'counter',
      });

      for (const cookie of [counter, leader, specialist, supervisor]) {
        for (const code of codes) await call(cookie, 'GET', `/api/dossiers/${code}`);
        for (const tab of ['all', 'open', 'mine', 'awaiting_approval', 'due_soon', 'overdue'])
          await call(cookie, 'GET', `/api/dossiers?tab=${tab}`);
        await call(cookie, 'GET', '/api/dossiers?limit=2');
        await call(cookie, 'GET', '/api/dossiers/counts');
      }
      // the verification digits: the phone's last four (the company's are 3456), the CCCD's when there is no phone
      for (const [i, code] of codes.entries())
        await call(
          null,
          'GET',
          `/api/public/dossiers/${code}?verify=${['5678', '5678', '3456', '5678', '5678', '1235'][i]}`,
        );

      const hot = log.filter((w) => HOT_ROUTES.includes(w.route));
      expect(new Set(hot.map((w) => w.route))).toEqual(new Set(HOT_ROUTES));
      for (const w of hot) {
        expect(w.compiled, w.route).toBe(true);
        expect(JSON.parse(w.fast!), w.route).toEqual(JSON.parse(w.zod));
        expect(w.fast!.length, w.route).toBe(w.zod.length);
      }
      // the data was varied: masked personal data, nullable objects, transfers, proposals, several per page
      const texts = hot.map((w) => w.fast!).join('\n');
      expect(texts).toContain('068*******34');
      expect(texts).toContain('"proposal":{"by"');
      expect(texts).toContain('"transfers":[{');
      expect(texts).toContain('"status":"delivered"');
      expect(texts).not.toContain('0912345678');
    });

    it('writes what zod writes for every other route answered in the test', async () => {
      await call(counter, 'GET', '/api/auth/me');
      await call(counter, 'GET', '/api/procedures?limit=5');
      for (const w of log.filter((x) => x.compiled))
        expect(JSON.parse(w.fast!), w.route).toEqual(JSON.parse(w.zod));
    });
  });
}
