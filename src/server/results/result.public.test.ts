import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedCentre } from '../../../test/support/dossiers.ts';
import { fakeSigning, type FakeSigning } from '../../../test/support/fake-signing.ts';
import {
  act,
  dossierAwaitingApproval,
  loginAll,
  makePdf,
  type Cookies,
} from '../../../test/support/results.ts';
import { sha256Of } from './result.service.ts';

/** Phone 0912345678: the verification digits are 5678. */
const VERIFY = '5678';

for (const dialect of DIALECTS) {
  describe(`signed results for the public on ${dialect}`, () => {
    let h: TestApp;
    let c: Cookies;
    let signing: FakeSigning;
    let ip = 0;
    beforeAll(async () => {
      signing = fakeSigning();
      signing.certified.add('25000');
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { signing });
      c = await loginAll(h);
    });
    afterAll(async () => h?.close());

    /** Each test its own client address, so the per-address limits of one do not touch another. */
    const client = () => `203.0.113.${++ip}`;

    async function signedDossier(deliver = true): Promise<{ code: string; resultId: string; pdf: Buffer }> {
      const code = await dossierAwaitingApproval(h, c, await makePdf('Ket qua'));
      expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      if (deliver) expect((await act(h, c.counter, code, { type: 'deliver' })).statusCode).toBe(200);
      const pdf = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/result.pdf`,
        headers: { cookie: c.leader },
      });
      const row = await h.t.db
        .selectFrom('dossier_results')
        .select('id')
        .where('signed', '=', 1)
        .where('sha256', '=', sha256Of(pdf.rawPayload))
        .executeTakeFirstOrThrow();
      return { code, resultId: row.id, pdf: pdf.rawPayload };
    }

    const verify = (bytes: Buffer, remoteAddress = client()) =>
      h.app.inject({
        method: 'POST',
        url: '/api/public/verify',
        payload: bytes,
        headers: { 'content-type': 'application/pdf' },
        remoteAddress,
      });

    it('verifies the signed result as the one the centre issued, and catches one changed byte', async () => {
      const { code, resultId, pdf } = await signedDossier(false);
      const ok = await verify(pdf);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        valid: true,
        modified: false,
        trusted: true,
        dossierCode: code,
        resultId,
        knownResult: true,
        issuedByCentre: true,
      });
      // never personal data: the applicant's name and numbers are not in the answer
      expect(ok.body).not.toContain('Nguyễn Văn An');
      expect(ok.body).not.toContain('0912345678');

      // one byte of the page size (595 × 842 → 594 × 842)
      const changed = Buffer.from(pdf);
      const at = changed.indexOf('595');
      expect(at).toBeGreaterThan(0);
      changed[at + 2] = '4'.charCodeAt(0);
      const bad = await verify(changed);
      expect(bad.json()).toMatchObject({
        valid: false,
        modified: true,
        knownResult: true,
        issuedByCentre: false,
      });

      const unsigned = await verify(await makePdf());
      expect(unsigned.json()).toMatchObject({ valid: false, knownResult: false, issuedByCentre: false });
      const notPdf = await verify(Buffer.from('plain text'));
      expect(notPdf.statusCode).toBe(400);
    });

    it('the QR check says whether that dossier has that signed result, and by whom', async () => {
      const { code, resultId } = await signedDossier(false);
      const found = await h.app.inject({ method: 'GET', url: `/api/public/results/${code}/${resultId}` });
      expect(found.json()).toMatchObject({ found: true, dossierCode: code, signer: 'UBND xã 25000' });
      expect(found.json().signedAt).toMatch(/\+07:00$/);
      const other = await h.app.inject({
        method: 'GET',
        url: `/api/public/results/${code}/00000000-0000-4000-8000-000000000000`,
      });
      expect(other.json()).toEqual({ found: false, dossierCode: code, signer: null, signedAt: null });
    });

    const askCode = (code: string, verifyDigits = VERIFY, remoteAddress = client()) =>
      h.app.inject({
        method: 'POST',
        url: `/api/public/dossiers/${code}/result-code`,
        payload: { verify: verifyDigits },
        remoteAddress,
      });
    const download = (code: string, otp: string, remoteAddress = client()) =>
      h.app.inject({
        method: 'POST',
        url: `/api/public/dossiers/${code}/result.pdf`,
        payload: { verify: VERIFY, code: otp },
        remoteAddress,
      });
    /** The code as the applicant received it: the newest SMS of the outbox for the dossier. */
    const sentCode = async (code: string): Promise<string> => {
      const n = await h.t.db
        .selectFrom('notifications')
        .select(['body', 'channel', 'recipient'])
        .where('dossier_code', '=', code)
        .where('kind', '=', 'result_code')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(n).toMatchObject({ channel: 'sms', recipient: '0912345678' });
      return /Mã xác thực: (\d{6})$/m.exec(n.body)![1]!;
    };
    const wrongOf = (otp: string) => String((Number(otp) + 1) % 1_000_000).padStart(6, '0');

    it('downloads the signed result with the digits and the one-time code, once, and records it', async () => {
      const { code, pdf } = await signedDossier();
      expect((await askCode(code, '0000')).statusCode).toBe(404);
      const asked = await askCode(code);
      expect(asked.statusCode).toBe(200);
      expect(asked.json().sentTo).toEqual(['09******78']);
      const otp = await sentCode(code);
      // stored hashed: the code itself is nowhere in its row
      const row = await h.t.db
        .selectFrom('dossier_result_codes as k')
        .innerJoin('dossiers as d', 'd.id', 'k.dossier_id')
        .selectAll('k')
        .where('d.code', '=', code)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(otp);
      // the officers' record of the notice does not show it either
      const officerView = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}`,
        headers: { cookie: c.leader },
      });
      expect(officerView.body).not.toContain(otp);

      const got = await download(code, otp);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(sha256Of(got.rawPayload)).toBe(sha256Of(pdf));
      const again = await download(code, otp);
      expect(again.statusCode).toBe(400);
      expect(again.json().error.details.issues[0]).toMatchObject({ path: 'code', rule: 'result.code_none' });

      const signed = await h.t.db
        .selectFrom('dossier_results')
        .select(['downloads', 'first_downloaded_at'])
        .where('sha256', '=', sha256Of(pdf))
        .executeTakeFirstOrThrow();
      expect(signed).toEqual({ downloads: 1, first_downloaded_at: h.clock.now() });
      const audit = await h.t.db
        .selectFrom('audit_log')
        .select(['actor_id'])
        .where('target_id', '=', code)
        .where('action', '=', 'dossier.result_downloaded')
        .execute();
      expect(audit).toEqual([{ actor_id: null }]);
    });

    it('a wrong code costs one of 5 tries; the sixth is refused even when right', async () => {
      const { code } = await signedDossier();
      await askCode(code);
      const otp = await sentCode(code);
      const address = client();
      for (let i = 1; i <= 5; i++) {
        const res = await download(code, wrongOf(otp), address);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details).toMatchObject({ triesLeft: 5 - i });
        expect(res.json().error.details.issues[0].rule).toBe('result.code_wrong');
      }
      const right = await download(code, otp);
      expect(right.statusCode).toBe(400);
      expect(right.json().error.details.issues[0].rule).toBe('result.code_tries');
      // a new code opens it again, and only the newest code counts
      h.clock.advance(1000);
      await askCode(code);
      const fresh = await sentCode(code);
      expect((await download(code, fresh)).statusCode).toBe(200);
    });

    it('a code expires after 10 minutes (the injected clock)', async () => {
      const { code } = await signedDossier();
      await askCode(code);
      const otp = await sentCode(code);
      const start = h.clock.now();
      try {
        h.clock.advance(10 * 60_000);
        const late = await download(code, otp);
        expect(late.statusCode).toBe(400);
        expect(late.json().error.details.issues[0].rule).toBe('result.code_expired');
        h.clock.set(start + 10 * 60_000 - 1000);
        expect((await download(code, otp)).statusCode).toBe(200);
      } finally {
        h.clock.set(start);
      }
    });

    it('no code before delivery, and at most 3 codes per dossier an hour', async () => {
      const { code } = await signedDossier(false);
      // the lookup offers the download only once delivered (the verification digits: the phone's last four)
      const lookup = () =>
        h.app.inject({
          method: 'GET',
          url: `/api/public/dossiers/${encodeURIComponent(code)}?verify=${VERIFY}`,
          remoteAddress: client(),
        });
      expect((await lookup()).json()).toMatchObject({ status: 'result_ready', electronicResult: false });
      const early = await askCode(code);
      expect(early.statusCode).toBe(409);
      expect(early.json().error.details.rule).toBe('result.not_available');
      const delivered = await act(h, c.counter, code, { type: 'deliver' });
      expect(delivered.statusCode).toBe(200);
      expect((await lookup()).json()).toMatchObject({ status: 'delivered', electronicResult: true });
      for (let i = 0; i < 3; i++) expect((await askCode(code)).statusCode).toBe(200);
      const fourth = await askCode(code);
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBeDefined();
    });

    it('limits wrong verification digits per address, as the lookup does', async () => {
      const { code } = await signedDossier();
      const address = client();
      const answers: number[] = [];
      for (let i = 0; i < 11; i++) answers.push((await askCode(code, '0000', address)).statusCode);
      expect(answers.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(answers[10]).toBe(429);
    });
  });
}
