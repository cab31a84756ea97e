import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { fakeSigning, type FakeSigning } from '../../../test/support/fake-signing.ts';
import {
  act,
  dossierAwaitingApproval,
  loginAll,
  makeEncryptedPdf,
  makePdf,
  processingDossier,
  uploadDraft,
  type Cookies,
} from '../../../test/support/results.ts';
import { sha256Of } from './result.service.ts';

for (const dialect of DIALECTS) {
  describe(`dossier results on ${dialect}`, () => {
    let h: TestApp;
    let c: Cookies;
    let signing: FakeSigning;
    let leaderId: string;
    beforeAll(async () => {
      signing = fakeSigning();
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { signing });
      c = await loginAll(h);
      const leader = await h.t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'lanhdao.dilinh')
        .executeTakeFirstOrThrow();
      leaderId = leader.id;
    });
    beforeEach(() => {
      signing.certified.clear();
      signing.failWith = null;
      signing.duringSign = null;
    });
    afterAll(async () => h?.close());

    const getResult = (cookie: string, code: string) =>
      h.app.inject({ method: 'GET', url: `/api/dossiers/${code}/result`, headers: { cookie } });
    const getPdf = (cookie: string, code: string) =>
      h.app.inject({ method: 'GET', url: `/api/dossiers/${code}/result.pdf`, headers: { cookie } });
    const rowsOf = (code: string) =>
      h.t.db
        .selectFrom('dossier_results as r')
        .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
        .selectAll('r')
        .where('d.code', '=', code)
        .orderBy('r.version')
        .execute();

    it('the assigned specialist and the leader attach and replace the draft; others may not', async () => {
      const code = await processingDossier(h, c);
      const first = await makePdf('Du thao 1');
      const up = await uploadDraft(h, c.specialist, code, first);
      expect(up.statusCode).toBe(201);
      expect(up.json()).toMatchObject({
        version: 1,
        signed: false,
        sha256: sha256Of(first),
        uploadedBy: 'chuyenvien.a',
      });

      // another specialist of the commune is not assigned; the counter officer does not process
      expect((await uploadDraft(h, c.otherSpecialist, code, first)).statusCode).toBe(403);
      expect((await uploadDraft(h, c.counter, code, first)).statusCode).toBe(403);

      const second = await makePdf('Du thao 2');
      const replaced = await uploadDraft(h, c.leader, code, second);
      expect(replaced.statusCode).toBe(201);
      expect(replaced.json()).toMatchObject({ version: 2, sha256: sha256Of(second) });

      const listed = await getResult(c.specialist, code);
      expect(listed.json()).toMatchObject({ state: 'draft', abilities: { upload: true } });
      expect(listed.json().versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect((await getResult(c.otherSpecialist, code)).json().abilities.upload).toBe(false);

      // the officers download the latest draft, marked as a draft
      const pdf = await getPdf(c.counter, code);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['x-result-signed']).toBe('false');
      expect(pdf.headers['content-disposition']).toContain('du-thao-');
      expect(sha256Of(pdf.rawPayload)).toBe(sha256Of(second));

      const audit = await h.t.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', code)
        .where('action', 'in', ['dossier.result_draft', 'dossier.read_result'])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual([
        'dossier.read_result',
        'dossier.result_draft',
        'dossier.result_draft',
      ]);
    });

    it('checks the content: a PDF that parses and is not encrypted', async () => {
      const code = await processingDossier(h, c);
      const notPdf = await uploadDraft(h, c.specialist, code, Buffer.from('hello, not a pdf'));
      expect(notPdf.statusCode).toBe(400);
      expect(notPdf.json().error.details.issues[0]).toMatchObject({ path: '(body)', rule: 'result.not_pdf' });
      const broken = await uploadDraft(h, c.specialist, code, Buffer.from('%PDF-1.7\n garbage'));
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.details.issues[0].rule).toBe('result.unreadable');
      const encrypted = await uploadDraft(h, c.specialist, code, await makeEncryptedPdf());
      expect(encrypted.statusCode).toBe(400);
      expect(encrypted.json().error.details.issues[0].rule).toBe('result.encrypted');
      const en = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/result`,
        payload: await makeEncryptedPdf(),
        headers: { cookie: c.specialist, 'content-type': 'application/pdf', 'accept-language': 'ru' },
      });
      expect(en.json().error.message).toContain('зашифрован');
      expect(await rowsOf(code)).toHaveLength(0);
    });

    it('refuses a draft outside processing (409) and answers 409 result.none with no result', async () => {
      const code = await processingDossier(h, c);
      expect((await getPdf(c.leader, code)).json().error.details.rule).toBe('result.none');
      const returned = await act(h, c.leader, code, { type: 'stop', reason: 'Không thuộc thẩm quyền' });
      expect(returned.statusCode).toBe(200);
      const res = await uploadDraft(h, c.leader, code, await makePdf());
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.rule).toBe('result.not_processing');
    });

    it('approval signs the draft with the leader’s certificate and stores the signed result with it', async () => {
      signing.certified.add(leaderId);
      const draft = await makePdf('Giay chung nhan');
      const code = await dossierAwaitingApproval(h, c, draft);
      const approved = await act(h, c.leader, code, { type: 'approve' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json().status).toBe('result_ready');

      const rows = await rowsOf(code);
      expect(rows.map((r) => [r.version, r.signed])).toEqual([
        [1, 0],
        [2, 1],
      ]);
      const signed = rows[1]!;
      expect(signed).toMatchObject({ signer: 'Nguyễn Văn Bình', source_version: 1, uploaded_by: null });
      expect(signed.signed_at).toBe(h.clock.now() - (h.clock.now() % 1000));
      expect(signed.cert_fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(signing.signed.at(-1)).toMatchObject({
        dossierCode: code,
        resultId: signed.id,
        signerName: 'Nguyễn Văn Bình',
      });

      const pdf = await getPdf(c.counter, code);
      expect(pdf.headers['x-result-signed']).toBe('true');
      expect(sha256Of(pdf.rawPayload)).toBe(signed.sha256);
      const verified = await signing.verifyPdf(pdf.rawPayload);
      expect(verified).toMatchObject({
        valid: true,
        modified: false,
        dossierCode: code,
        resultId: signed.id,
      });
      expect((await getResult(c.leader, code)).json()).toMatchObject({
        state: 'signed',
        abilities: { upload: false },
      });
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', code)
        .where('action', '=', 'dossier.result_signed')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('falls back to the unit’s certificate when the leader has none', async () => {
      signing.certified.add('25000');
      const code = await dossierAwaitingApproval(h, c);
      expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      expect((await rowsOf(code)).at(-1)).toMatchObject({ signed: 1, signer: 'UBND xã 25000' });
    });

    it('with no certificate the approval goes through and the result stays unsigned, said so', async () => {
      const code = await dossierAwaitingApproval(h, c);
      const approved = await act(h, c.leader, code, { type: 'approve' });
      expect(approved.statusCode).toBe(200);
      expect((await rowsOf(code)).map((r) => r.signed)).toEqual([0]);
      expect((await getResult(c.leader, code)).json().state).toBe('unsigned');
    });

    it('a signing failure is a 502 in the caller’s language, and nothing is written', async () => {
      signing.certified.add('25000');
      signing.failWith = new Error('CKR_TOKEN_NOT_PRESENT');
      const code = await dossierAwaitingApproval(h, c);
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/dossiers/${code}/actions`,
        payload: { type: 'approve' },
        headers: { cookie: c.leader, 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(502);
      expect(res.json().error).toMatchObject({ code: 'SIGNING_FAILED' });
      expect(res.json().error.message).toContain('could not be signed');
      expect(res.body).not.toContain('CKR_TOKEN_NOT_PRESENT');
      const d = await h.t.db
        .selectFrom('dossiers')
        .select('status')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(d.status).toBe('awaiting_approval');
      expect((await rowsOf(code)).map((r) => r.signed)).toEqual([0]);
    });

    it('a draft replaced while it is signed makes the approval a 409, with nothing written', async () => {
      signing.certified.add('25000');
      const code = await dossierAwaitingApproval(h, c);
      const other = await makePdf('Ban sua');
      signing.duringSign = async () => {
        signing.duringSign = null;
        expect((await uploadDraft(h, c.leader, code, other)).statusCode).toBe(201);
      };
      const res = await act(h, c.leader, code, { type: 'approve' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.rule).toBe('result.draft_changed');
      const d = await h.t.db
        .selectFrom('dossiers')
        .select('status')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(d.status).toBe('awaiting_approval');
      expect((await rowsOf(code)).map((r) => [r.version, r.signed])).toEqual([
        [1, 0],
        [2, 0],
      ]);
      // approved again, the replacement is what gets signed
      expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      expect((await rowsOf(code)).at(-1)).toMatchObject({ version: 3, signed: 1, source_version: 2 });
    });

    it('once signed, the draft can no longer be replaced', async () => {
      signing.certified.add('25000');
      const code = await dossierAwaitingApproval(h, c);
      await act(h, c.leader, code, { type: 'approve' });
      const res = await uploadDraft(h, c.leader, code, await makePdf());
      expect(res.statusCode).toBe(409);
    });
  });
}
