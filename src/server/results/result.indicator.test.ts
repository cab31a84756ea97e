import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { TEST_TODAY } from '../../../test/support/clock.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { fakeSigning, type FakeSigning } from '../../../test/support/fake-signing.ts';
import { act, dossierAwaitingApproval, loginAll, type Cookies } from '../../../test/support/results.ts';

for (const dialect of DIALECTS) {
  describe(`indicator 4.1 from signed results on ${dialect}`, () => {
    let h: TestApp;
    let c: Cookies;
    let signing: FakeSigning;
    beforeAll(async () => {
      signing = fakeSigning();
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { signing });
      c = await loginAll(h);
    });
    afterAll(async () => h?.close());

    const indicator41 = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/reports/dashboard?unit=25000&from=${TEST_TODAY}&to=${TEST_TODAY}`,
        headers: { cookie: c.leader },
      });
      expect(res.statusCode).toBe(200);
      const ind = res.json().indicators as {
        items: { id: string; value: number; numerator: number; denominator: number }[];
        omitted: { id: string; reasonCode: string }[];
      };
      return {
        item: ind.items.find((i) => i.id === '4.1'),
        omitted: ind.omitted.find((o) => o.id === '4.1'),
      };
    };

    it('is omitted while the commune has signed nothing, then counts signed results among the resolved', async () => {
      // approved without a certificate: resolved, not an electronic result
      const unsigned = await dossierAwaitingApproval(h, c);
      expect((await act(h, c.leader, unsigned, { type: 'approve' })).statusCode).toBe(200);
      expect(await indicator41()).toEqual({
        item: undefined,
        omitted: expect.objectContaining({ reasonCode: 'no_electronic_result' }),
      });

      signing.certified.add('25000');
      for (let i = 0; i < 2; i++) {
        const code = await dossierAwaitingApproval(h, c);
        expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      }
      // two of the three resolved today have a signed electronic result
      expect((await indicator41()).item).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    });
  });
}
