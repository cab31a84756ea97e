/**
 * Approval with the real signing library (signing/pades.ts) and a demo PKI: the signed result is accepted by
 * verifyPdf and by poppler's pdfsig, the public verification names it as the centre's, and one changed byte is
 * caught.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/db.ts';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { buildIntake, seedCentre } from '../../../test/support/dossiers.ts';
import {
  act,
  dossierAwaitingApproval,
  loginAll,
  makePdf,
  type Cookies,
} from '../../../test/support/results.ts';
import { createRootCa, DEMO_ROOT_NAME, issueCertificate, keyMaterial, toPem } from '../signing/demo-pki.ts';
import { signPdf, verifyPdf } from '../signing/pades.ts';
import { pkcs12Signer } from '../signing/pkcs12-signer.ts';
import { seedDemoSigning } from '../signing/demo-signing.ts';
import { signingKey, useSigningKey } from '../signing/signing-key.ts';
import { useTrustedRoots } from '../signing/trusted-roots.ts';
import type { Signer } from '../signing/signer.ts';
import { configuredSigning, libraryResultSigning } from './result.signing.ts';

const run = promisify(execFile);

for (const dialect of DIALECTS) {
  describe(`approval signs with the signing library on ${dialect}`, () => {
    let h: TestApp;
    let c: Cookies;
    let root: Uint8Array;
    let leaderSigner: Signer;
    beforeAll(async () => {
      const issue = { now: TEST_NOW - 30 * 86_400_000, days: 3650 };
      const ca = await createRootCa({ commonName: DEMO_ROOT_NAME, organization: 'MộtCửa' }, issue);
      const leaf = await issueCertificate(
        ca,
        { commonName: 'Nguyễn Văn Bình', organization: 'UBND xã Di Linh', organizationalUnit: 'Lãnh đạo' },
        issue,
      );
      root = ca.certificate;
      leaderSigner = await pkcs12Signer(keyMaterial(leaf, ca));
      const signing = libraryResultSigning({
        signerFor: (_db, who) => Promise.resolve(who.unitCode === '25000' ? leaderSigner : null),
        trustedRoots: () => Promise.resolve([root]),
      });
      h = await openTestApp(dialect, (t) => seedCentre(t.db), { signing });
      c = await loginAll(h);
    }, 60_000);
    afterAll(async () => h?.close());

    it('the approved result verifies (verifyPdf, pdfsig); the public check names it; a changed byte is caught', async () => {
      const code = await dossierAwaitingApproval(h, c, await makePdf('Giay xac nhan tinh trang hon nhan'));
      expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/result.pdf`,
        headers: { cookie: c.leader },
      });
      expect(res.headers['x-result-signed']).toBe('true');
      const signed = res.rawPayload;
      const row = await h.t.db
        .selectFrom('dossier_results')
        .selectAll()
        .where('signed', '=', 1)
        .orderBy('uploaded_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(row.signer).toBe('Nguyễn Văn Bình');

      const v = await verifyPdf(new Uint8Array(signed), [root]);
      expect(v).toMatchObject({
        valid: true,
        modified: false,
        trusted: true,
        signer: 'Nguyễn Văn Bình',
        dossierCode: code,
        resultId: row.id,
      });

      const dir = mkdtempSync(join(tmpdir(), 'motcua-signed-'));
      const file = join(dir, 'ket-qua.pdf');
      writeFileSync(file, signed);
      const { stdout } = await run('pdfsig', [file]).catch((e: { stdout?: string }) => ({
        stdout: e.stdout ?? '',
      }));
      expect(stdout).toContain('Signature is Valid');
      // the verification QR is on the first page, under the signature (a 240 × 240 px image)
      const images = await run('pdfimages', ['-list', file]);
      expect(images.stdout).toMatch(/^\s*1\s+\d+\s+image\s+240\s+240\b/m);

      const check = (bytes: Buffer) =>
        h.app.inject({
          method: 'POST',
          url: '/api/public/verify',
          payload: bytes,
          headers: { 'content-type': 'application/pdf' },
        });
      const ok = await check(signed);
      expect(ok.json()).toMatchObject({
        valid: true,
        trusted: true,
        knownResult: true,
        issuedByCentre: true,
      });

      // one byte of the signed content (the page size 595 → 594)
      const changed = Buffer.from(signed);
      const at = changed.indexOf('595');
      expect(at).toBeGreaterThan(0);
      changed[at + 2] = '4'.charCodeAt(0);
      const bad = await check(changed);
      expect(bad.json()).toMatchObject({ valid: false, modified: true, issuedByCentre: false });
    }, 60_000);

    it("signs the centre's notices (Form 02) with the unit's key, not the receipt (Form 01)", async () => {
      const supplement = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie: c.counter },
        payload: buildIntake({ decision: 'request_supplement', missing: ['Tờ khai đăng ký'] }),
      });
      expect(supplement.statusCode).toBe(201);
      const code = (supplement.json() as { code: string }).code;
      const notice = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/documents/supplement-request.pdf`,
        headers: { cookie: c.counter },
      });
      expect(notice.statusCode).toBe(200);
      const v = await verifyPdf(new Uint8Array(notice.rawPayload), [root]);
      expect(v).toMatchObject({ valid: true, modified: false, trusted: true, dossierCode: code });
      expect(v.signer).toBe('Nguyễn Văn Bình');

      const received = await h.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { cookie: c.counter },
        payload: buildIntake(),
      });
      const receipt = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${(received.json() as { code: string }).code}/documents/receipt.pdf`,
        headers: { cookie: c.counter },
      });
      expect(receipt.statusCode).toBe(200);
      expect(receipt.rawPayload.includes('/ByteRange')).toBe(false);
    });
  });
}

describe('the app’s signing from its settings', () => {
  it('trusts the roots of MOTCUA_TRUSTED_ROOTS, and only those', async () => {
    const issue = { now: TEST_NOW, days: 30 };
    const ca = await createRootCa({ commonName: DEMO_ROOT_NAME }, issue);
    const leaf = await issueCertificate(ca, { commonName: 'UBND xã Gia Hiệp' }, issue);
    const signer = await pkcs12Signer(keyMaterial(leaf, ca));
    const signed = await signPdf(new Uint8Array(await makePdf()), signer, {
      signedAt: new Date(TEST_NOW),
      signerName: 'UBND xã Gia Hiệp',
      unitName: 'UBND xã Gia Hiệp',
    });
    const dir = mkdtempSync(join(tmpdir(), 'motcua-roots-'));
    const bundle = join(dir, 'roots.pem');
    writeFileSync(bundle, toPem(ca.certificate));
    const trusting = configuredSigning({ MOTCUA_TRUSTED_ROOTS: bundle, MOTCUA_TSA_URL: undefined });
    expect(await trusting.verifyPdf(signed)).toMatchObject({
      valid: true,
      trusted: true,
      signer: 'UBND xã Gia Hiệp',
    });
    const none = configuredSigning({ MOTCUA_TRUSTED_ROOTS: undefined, MOTCUA_TSA_URL: undefined });
    expect(await none.verifyPdf(signed)).toMatchObject({ valid: true, trusted: false });
  }, 30_000);
});

for (const dialect of DIALECTS) {
  describe(`the app's own signing (signer registry, trusted roots) on ${dialect}`, () => {
    let h: TestApp;
    let c: Cookies;
    beforeAll(async () => {
      useSigningKey(randomBytes(32));
      h = await openTestApp(dialect, (t) => seedCentre(t.db));
      c = await loginAll(h);
      const leader = await h.t.db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('username', '=', 'lanhdao.dilinh')
        .executeTakeFirstOrThrow();
      const rootFile = join(mkdtempSync(join(tmpdir(), 'motcua-demo-root-')), 'root.pem');
      const root = await seedDemoSigning(
        h.t.db,
        [
          {
            unitCode: '25000',
            provinceCode: '68',
            unitName: 'UBND xã Di Linh',
            account: { id: leader.id, displayName: 'Lê Thị Lan' },
          },
        ],
        { key: signingKey()!, now: TEST_NOW - 86_400_000, rootFile },
      );
      useTrustedRoots([root!]);
    }, 60_000);
    afterAll(async () => {
      useTrustedRoots([]);
      useSigningKey(null);
      await h?.close();
    });

    it('approval signs with the leader’s stored certificate; the public check trusts the demo root', async () => {
      const code = await dossierAwaitingApproval(h, c);
      expect((await act(h, c.leader, code, { type: 'approve' })).statusCode).toBe(200);
      const row = await h.t.db
        .selectFrom('dossier_results')
        .selectAll()
        .where('signed', '=', 1)
        .executeTakeFirstOrThrow();
      expect(row.signer).toBe('Lê Thị Lan');
      const pdf = await h.app.inject({
        method: 'GET',
        url: `/api/dossiers/${code}/result.pdf`,
        headers: { cookie: c.leader },
      });
      const v = await h.app.inject({
        method: 'POST',
        url: '/api/public/verify',
        payload: pdf.rawPayload,
        headers: { 'content-type': 'application/pdf' },
      });
      expect(v.json()).toMatchObject({
        valid: true,
        trusted: true,
        signer: 'Lê Thị Lan',
        issuedByCentre: true,
      });
    }, 60_000);
  });
}
