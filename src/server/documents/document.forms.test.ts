/**
 * The dossier lists the forms that can be issued for it now (`documents`), and the document routes refuse exactly
 * the others: one rule (dossiers/dossier.forms.ts), used by the presenter and by the routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import { DOSSIER_FORM_KEYS, DOSSIER_FORMS } from '../dossiers/dossier.forms.ts';
import type { AppInstance } from '../platform/types.ts';
import { documentRoutesWith } from './document.routes.ts';
import { MISSING, makeHistories, REFUSAL_REASON, type Histories } from './document.test-helpers.ts';

/** The forms each history supports, in form-number order. */
const EXPECTED: Record<keyof Histories, string[]> = {
  received: ['receipt', 'control'],
  intakeSupplement: ['supplement'],
  refused: ['refusal'],
  extended: ['receipt', 'extension', 'control'],
  stopped: ['receipt', 'stop', 'control'],
  complete: ['receipt', 'supplement', 'control'],
};

for (const dialect of DIALECTS) {
  describe(`dossier forms on ${dialect}`, () => {
    let app: TestApp;
    let h: Histories;
    let counter: string;
    let leader: string;
    let supervisor: string;
    beforeAll(async () => {
      app = await openTestApp(dialect, async (t) => {
        h = await makeHistories(t.db, await seedCentre(t.db));
      });
      if (!app.app.hasRoute({ method: 'GET', url: '/api/dossiers/:code/documents/receipt.pdf' }))
        await documentRoutesWith()(app.app as unknown as AppInstance);
      counter = await app.login('tiepnhan.dilinh');
      leader = await app.login('lanhdao.dilinh');
      supervisor = await app.login('tinh.lamdong');
    });
    afterAll(async () => app?.close());

    const get = (url: string, cookie: string) => app.app.inject({ method: 'GET', url, headers: { cookie } });
    const documentsOf = async (code: string, cookie: string) =>
      (await get(`/api/dossiers/${code}`, cookie)).json().documents as {
        form: string;
        number: string;
        href: string;
      }[];

    it.each(Object.entries(EXPECTED))(
      'lists the forms of the %s dossier, the same for every role',
      async (which, forms) => {
        const code = h[which as keyof Histories].code;
        const docs = await documentsOf(code, counter);
        expect(docs.map((d) => d.form)).toEqual(forms);
        for (const d of docs) {
          const spec = DOSSIER_FORMS[d.form as keyof typeof DOSSIER_FORMS];
          expect(d).toEqual({
            form: d.form,
            number: spec.number,
            href: `/api/dossiers/${code}/documents/${spec.file}.pdf`,
          });
        }
        expect(await documentsOf(code, leader)).toEqual(docs);
        expect(await documentsOf(code, supervisor)).toEqual(docs);
      },
    );

    it.each(Object.keys(EXPECTED))('issues for the %s dossier exactly the forms it lists', async (which) => {
      const code = h[which as keyof Histories].code;
      const listed = new Set((await documentsOf(code, counter)).map((d) => d.form));
      for (const form of DOSSIER_FORM_KEYS) {
        const res = await get(`/api/dossiers/${code}/documents/${DOSSIER_FORMS[form].file}.pdf`, counter);
        expect([form, res.statusCode]).toEqual([form, listed.has(form) ? 200 : 409]);
        if (!listed.has(form))
          expect(res.json().error.details).toMatchObject({
            rule: 'document.not_applicable',
            form: DOSSIER_FORMS[form].number,
          });
      }
    });

    it('answers the intake with the forms to print: 01 and 06, 02, or 03', async () => {
      const intake = async (body: ReturnType<typeof buildIntake>) =>
        (
          (
            await app.app.inject({
              method: 'POST',
              url: '/api/dossiers',
              payload: body,
              headers: { cookie: counter },
            })
          ).json().documents as { form: string }[]
        ).map((d) => d.form);
      expect(await intake(buildIntake())).toEqual(['receipt', 'control']);
      expect(await intake(buildIntake({ decision: 'request_supplement', missing: MISSING }))).toEqual([
        'supplement',
      ]);
      expect(await intake(buildIntake({ decision: 'refuse', reason: REFUSAL_REASON }))).toEqual(['refusal']);
    });

    it('leaves the forms out of the queue, which has no action log', async () => {
      const queue = (await get('/api/dossiers', counter)).json().items as Record<string, unknown>[];
      expect(queue.length).toBeGreaterThan(0);
      for (const d of queue) expect(d).not.toHaveProperty('documents');
    });
  });
}
