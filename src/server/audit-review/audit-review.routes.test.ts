/**
 * GET /api/audit: who may read the log (a system admin every chain, a province inspector its province's, nobody
 * else, each refusal audited), the filters, keyset pagination, the read itself audited, the OpenAPI schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { verifyAudit } from '../audit/audit.service.ts';

interface Entry {
  at: string;
  chain: string;
  actor: string | null;
  action: string;
  targetId: string;
  provinceCode: string | null;
  unitCode: string | null;
  details: Record<string, unknown>;
}

const feedback = (subject: string) => ({
  kind: 'feedback',
  channel: 'direct',
  subject,
  content: 'Đề nghị xem xét việc trả kết quả chậm tại bộ phận một cửa.',
  petitioner: { name: 'Lê Văn Bình', phone: '0911222333' },
});

for (const dialect of DIALECTS) {
  describe(`GET /api/audit on ${dialect}`, () => {
    let h: TestApp;
    const codes: string[] = [];
    let hanoiCode: string;
    const cookies = new Map<string, string>();

    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      await h.user('quantri', '68', ['system_admin']);
      await h.user('thanhtra.lamdong', '68', ['province_inspector']);
      await h.user('thanhtra.hanoi', '01', ['province_inspector']);
      await h.user('tiepnhan.badinh', '00004', ['counter_officer']);
      for (const u of [
        'quantri',
        'thanhtra.lamdong',
        'thanhtra.hanoi',
        'tiepnhan.badinh',
        'tiepnhan.dilinh',
        'lanhdao.dilinh',
        'tinh.lamdong',
      ])
        cookies.set(u, await h.login(u));
      const lodge = (cookie: string, subject: string) =>
        h.app.inject({
          method: 'POST',
          url: '/api/petitions',
          payload: feedback(subject),
          headers: { cookie },
        });
      // five petitions in Di Linh (Lâm Đồng), a minute apart; one in Ba Đình (Hà Nội)
      for (let i = 0; i < 5; i++) {
        h.clock.advance(60_000);
        codes.push((await lodge(cookies.get('tiepnhan.dilinh')!, `Phản ánh số ${i + 1}`)).json().code);
      }
      h.clock.advance(60_000);
      hanoiCode = (await lodge(cookies.get('tiepnhan.badinh')!, 'Phản ánh Hà Nội')).json().code;
      h.clock.advance(60_000);
    });
    afterAll(async () => h?.close());

    const read = (who: string, query = '') =>
      h.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie: cookies.get(who)! } });
    const items = async (who: string, query = ''): Promise<Entry[]> => {
      const res = await read(who, query);
      expect(res.statusCode).toBe(200);
      return res.json().items;
    };

    it('gives a province inspector its province’s entries only', async () => {
      const seen = await items('thanhtra.lamdong', '?limit=200');
      expect(seen.length).toBeGreaterThan(5);
      expect(seen.every((e) => e.chain === '68' && e.provinceCode === '68')).toBe(true);
      expect(seen.map((e) => e.targetId)).toEqual(expect.arrayContaining(codes));
      expect(seen.map((e) => e.targetId)).not.toContain(hanoiCode);
      // asking for the other province finds nothing rather than its entries
      expect(await items('thanhtra.lamdong', '?unit=01')).toEqual([]);
      expect(await items('thanhtra.lamdong', '?unit=00004')).toEqual([]);
      const hanoi = await items('thanhtra.hanoi', '?action=petition.');
      expect(hanoi.map((e) => e.targetId)).toEqual([hanoiCode]);
    });

    it('gives a system admin every chain', async () => {
      const targets = (await items('quantri', '?action=petition.lodge&limit=200')).map((e) => e.targetId);
      expect(targets).toEqual(expect.arrayContaining([...codes, hanoiCode]));
    });

    it.each(['tiepnhan.dilinh', 'lanhdao.dilinh', 'tiepnhan.badinh', 'tinh.lamdong'])(
      'refuses %s with 403, and audits the refusal',
      async (who) => {
        const res = await read(who);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { action: 'audit.read' } });
        const refused = await h.t.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'audit.read_refused')
          .where('actor_username', '=', who)
          .execute();
        expect(refused.length).toBeGreaterThanOrEqual(1);
      },
    );

    it('filters by action prefix, actor, target, unit and time', async () => {
      const lodged = await items('thanhtra.lamdong', '?action=petition.&limit=200');
      expect(lodged.map((e) => e.targetId)).toEqual([...codes].reverse()); // newest first
      expect(lodged.every((e) => e.action.startsWith('petition.'))).toBe(true);
      // '_' and '.' are literal, not wildcards
      expect(await items('thanhtra.lamdong', '?action=petition_')).toEqual([]);
      const byActor = await items('thanhtra.lamdong', '?actor=tiepnhan.dilinh&limit=200');
      expect(byActor.length).toBeGreaterThanOrEqual(5);
      expect(byActor.every((e) => e.actor === 'tiepnhan.dilinh')).toBe(true);
      const one = await items('thanhtra.lamdong', `?target=${codes[2]}`);
      expect(one.map((e) => [e.action, e.targetId])).toEqual([['petition.lodge', codes[2]]]);
      const commune = await items('thanhtra.lamdong', '?unit=25000&action=petition.');
      expect(commune).toHaveLength(5);
      expect(commune.every((e) => e.unitCode === '25000')).toBe(true);
      // the 2nd to the 4th petition by instant (inclusive bounds of an instant)
      const from = encodeURIComponent(lodged[3]!.at);
      const to = encodeURIComponent(lodged[1]!.at);
      const window = await items('thanhtra.lamdong', `?action=petition.&from=${from}&to=${to}`);
      expect(window.map((e) => e.targetId)).toEqual([codes[3], codes[2], codes[1]]);
      // a date is the whole day in Vietnam
      const day = lodged[0]!.at.slice(0, 10);
      expect(await items('thanhtra.lamdong', `?action=petition.&from=${day}&to=${day}`)).toHaveLength(5);
    });

    it('pages newest first by cursor, every entry once', async () => {
      const all = await items('quantri', '?action=petition.&limit=200');
      const paged: Entry[] = [];
      let cursor: string | null = null;
      do {
        const res = await read('quantri', `?action=petition.&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...res.json().items);
        cursor = res.json().nextCursor;
        expect(res.json().items.length).toBeLessThanOrEqual(2);
      } while (cursor);
      expect(paged).toEqual(all);
      const ats = paged.map((e) => Date.parse(e.at));
      expect(ats).toEqual([...ats].sort((a, b) => b - a));
    });

    it.each([
      ['?limit=201', 'limit'],
      ['?limit=0', 'limit'],
      ['?cursor=nope', 'cursor'],
      ['?action=Petition%25', 'action'],
      ['?unit=123', 'unit'],
      ['?from=yesterday', 'from'],
      ['?to=2026-13-01', 'to'],
      ['?from=2026-12-09&to=2026-12-08', 'from'],
    ])('names the bad field of %s', async (query, field) => {
      const res = await read('quantri', query);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
    });

    it('audits each read with its filters, answers no-store, and keeps the chains valid', async () => {
      const res = await read('thanhtra.lamdong', `?action=petition.&target=${codes[0]}`);
      expect(res.headers['cache-control']).toBe('no-store');
      const reads = await h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'audit.read')
        .where('actor_username', '=', 'thanhtra.lamdong')
        .orderBy('seq', 'desc')
        .execute();
      expect(reads[0]).toMatchObject({ chain: '68', province_code: '68' });
      expect(JSON.parse(reads[0]!.details)).toEqual({
        filters: { action: 'petition.', target: codes[0], limit: 50 },
        entries: 1,
      });
      // a later read shows the earlier ones ('audit.read' is a prefix of 'audit.read_refused' too)
      const seen = await items('thanhtra.lamdong', '?action=audit.read&actor=thanhtra.lamdong&limit=1');
      expect(seen[0]).toMatchObject({ action: 'audit.read', actor: 'thanhtra.lamdong' });
      expect((await verifyAudit(h.t.db)).problems).toEqual([]);
    });

    it('finds an entry whose province was edited outside the chain', async () => {
      const victim = await h.t.db
        .selectFrom('audit_log')
        .select(['chain', 'seq'])
        .where('target_id', '=', codes[4]!)
        .executeTakeFirstOrThrow();
      await h.t.db
        .updateTable('audit_log')
        .set({ province_code: '01' })
        .where('chain', '=', victim.chain)
        .where('seq', '=', victim.seq)
        .execute();
      const problems = (await verifyAudit(h.t.db)).problems;
      expect(problems).toEqual([expect.objectContaining({ chain: '68', kind: 'edited' })]);
      await h.t.db
        .updateTable('audit_log')
        .set({ province_code: '68' })
        .where('chain', '=', victim.chain)
        .where('seq', '=', victim.seq)
        .execute();
    });

    it('is described in the OpenAPI document', async () => {
      const docs = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      const op = docs.paths['/api/audit'].get;
      const params = op.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(
        expect.arrayContaining(['from', 'to', 'actor', 'action', 'target', 'unit', 'limit', 'cursor']),
      );
      const schema = op.responses['200'].content['application/json'].schema;
      expect(Object.keys(schema.properties)).toEqual(['items', 'nextCursor']);
      expect(Object.keys(schema.properties.items.items.properties)).toEqual(
        expect.arrayContaining(['at', 'actor', 'action', 'targetId', 'unitCode', 'details']),
      );
    });
  });
}
