import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { findNul } from './nul-guard.ts';

describe('findNul', () => {
  it('finds U+0000 in a value or a key at any depth, and nothing elsewhere', () => {
    expect(findNul({ a: [{ b: 'x\u0000y' }] })).toEqual(['a', '0', 'b']);
    expect(findNul({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(findNul('\u0000')).toEqual([]);
    expect(findNul({ a: 'Nguyễn\tVăn\nAn', b: [1, null, true], c: Buffer.from([0, 0]) })).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describe(`NUL characters in requests on ${dialect}`, () => {
    let h: TestApp;
    let cookie: string;
    beforeAll(async () => {
      h = await openTestApp(dialect, async (t) => {
        await seedCentre(t.db);
      });
      cookie = await h.login('tiepnhan.dilinh');
    });
    afterAll(async () => h?.close());

    const issuesOf = (body: string) =>
      (JSON.parse(body) as { error: { code: string; details: { issues: { path: string; rule: string }[] } } })
        .error;

    it('a NUL in a path parameter or the query is a 400 naming the field (PostgreSQL answered 500)', async () => {
      for (const [url, path] of [
        ['/api/dossiers/a%00b', 'code'],
        ['/api/dossiers?q=%00', 'q'],
        ['/api/units?q=di%00linh', 'q'],
      ] as const) {
        const res = await h.app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, url).toBe(400);
        expect(issuesOf(res.body)).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { issues: [{ path, rule: 'text.nul' }] },
        });
      }
    });

    it('a NUL in a body is a 400 naming the field, in the caller’s language, and nothing is written', async () => {
      const before = await h.t.db
        .selectFrom('petitions')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst();
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/petitions',
        headers: { cookie, 'accept-language': 'en' },
        payload: {
          kind: 'feedback',
          channel: 'direct',
          subject: 'Chậm trả kết quả',
          content: 'Hồ sơ của tôi đã quá hạn nhưng chưa được trả kết quả.',
          petitioner: { name: 'Nguyễn\u0000Văn An' },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('petitioner.name — must not contain the NUL character');
      const after = await h.t.db
        .selectFrom('petitions')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst();
      expect(Number(after?.n)).toBe(Number(before?.n));
    });
  });
}
