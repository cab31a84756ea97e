import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/app.ts';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { DIALECTS } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { exportP12, testPki, type TestPki } from '../../../test/support/signing.ts';
import { createRootCa, issueCertificate, toPem, type IssuedCertificate } from './demo-pki.ts';
import { signPdf, verifyPdf } from './pades.ts';
import { signerFor, useConfiguredSigners } from './signer-registry.ts';
import { configuredSigners } from './signers-config.ts';
import { startTestSigningService } from '../../../test/support/signing-service.ts';
import { SigningKeyError, useSigningKey } from './signing-key.ts';

const DAY = 86_400_000;
let dir: string;
let pki: TestPki;

/** A .p12 made by openssl from a test key and certificate (and the root), in base64 as the API takes it. */
const p12Of = (leaf: IssuedCertificate, password: string, name: string): string =>
  readFileSync(exportP12(dir, leaf, password, name, pki.root).p12).toString('base64');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-signing-routes-'));
  pki = await testPki(TEST_NOW);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe(`signing certificates API on ${dialect}`, () => {
    let h: TestApp;
    let admin: string;
    let province: string;
    let otherProvince: string;
    let leaderCookie: string;
    const key = randomBytes(32);

    beforeAll(async () => {
      h = await openTestApp(dialect, (t) => insertUnits(t.db, LAM_DONG_SAMPLE));
      useSigningKey(key);
      await h.user('admin', '68', ['system_admin']);
      await h.user('tinh.lamdong', '68', ['province_supervisor']);
      await h.user('tinh.hanoi', '01', ['province_supervisor']);
      await h.user('lanhdao.dilinh', '25000', ['commune_leader']);
      admin = await h.login('admin');
      province = await h.login('tinh.lamdong');
      otherProvince = await h.login('tinh.hanoi');
      leaderCookie = await h.login('lanhdao.dilinh');
    });
    afterAll(async () => {
      useSigningKey(null);
      await h?.close();
    });

    const upload = (cookie: string, body: Record<string, unknown>, lang = 'en') =>
      h.app.inject({
        method: 'POST',
        url: '/api/signing/certificates',
        payload: body,
        headers: { cookie, 'accept-language': lang },
      });
    const issues = (res: { json(): { error: { details: { issues: { path: string; rule: string }[] } } } }) =>
      res.json().error.details.issues.map((i) => `${i.path}:${i.rule}`);

    it('stores the unit certificate encrypted at rest; a second upload replaces it, the first kept inactive', async () => {
      const p12 = p12Of(pki.unit, 'mat-khau-1', 'unit');
      const first = await upload(province, { p12, password: 'mat-khau-1', unitCode: '25000' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        unitCode: '25000',
        username: null,
        kind: 'pkcs12',
        active: true,
        subject: 'CN=UBND xã Di Linh, O=UBND xã Di Linh, C=VN',
        createdBy: 'tinh.lamdong',
      });

      const rows = await h.t.db.selectFrom('signing_certificates').selectAll().execute();
      expect(rows).toHaveLength(1);
      const blob = rows[0]!.encrypted_key!;
      // Neither the PKCS#8 key nor any 16-byte piece of it appears in the database, in binary or base64.
      const pkcs8 = Buffer.from(pki.unit.privateKey);
      const stored = Buffer.from(JSON.stringify(rows[0]));
      for (let i = 0; i + 16 <= pkcs8.length; i += 16) {
        const piece = pkcs8.subarray(i, i + 16);
        expect(stored.includes(piece)).toBe(false);
        expect(stored.includes(Buffer.from(piece.toString('base64').slice(0, 20)))).toBe(false);
      }
      expect(blob.startsWith('v1.')).toBe(true);
      expect(stored.includes(Buffer.from('mat-khau-1'))).toBe(false);

      // The registry opens it and signs; verification names the unit.
      const signer = await signerFor(h.t.db, { unitCode: '25000' });
      expect(signer?.kind).toBe('pkcs12');
      const doc = await PDFDocument.create();
      doc.addPage();
      const signed = await signPdf(await doc.save(), signer!, {
        signedAt: new Date(TEST_NOW),
        signerName: 'UBND xã Di Linh',
        unitName: 'UBND xã Di Linh',
      });
      expect(await verifyPdf(signed, [pki.root.certificate])).toMatchObject({ valid: true, trusted: true });

      h.clock.advance(60_000);
      const second = await upload(admin, { p12, password: 'mat-khau-1', unitCode: '25000' });
      expect(second.statusCode).toBe(201);
      const list = await h.app.inject({
        method: 'GET',
        url: '/api/signing/certificates?unit=25000',
        headers: { cookie: admin },
      });
      expect(list.json().items.map((c: { id: string; active: boolean }) => [c.id, c.active])).toEqual([
        [second.json().id, true],
        [first.json().id, false],
      ]);
      expect(list.body).not.toContain('v1.');

      const audit = await h.t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'signing.certificate_upload')
        .execute();
      expect(audit.map((a) => a.actor_username).sort()).toEqual(['admin', 'tinh.lamdong']);
    });

    it("prefers the leader's own certificate over the unit's", async () => {
      const p12 = p12Of(pki.leader, 'mat-khau-2', 'leader');
      const res = await upload(admin, {
        p12,
        password: 'mat-khau-2',
        unitCode: '25000',
        username: 'lanhdao.dilinh',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ username: 'lanhdao.dilinh' });
      const leaderId = (
        await h.t.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'lanhdao.dilinh')
          .executeTakeFirstOrThrow()
      ).id;
      const signer = await signerFor(h.t.db, { unitCode: '25000', accountId: leaderId });
      expect(Buffer.from((await signer!.certificates())[0]!)).toEqual(Buffer.from(pki.leader.certificate));
      const unitSigner = await signerFor(h.t.db, { unitCode: '25000' });
      expect(Buffer.from((await unitSigner!.certificates())[0]!)).toEqual(Buffer.from(pki.unit.certificate));
      expect(await signerFor(h.t.db, { unitCode: '25015' })).toBeNull();
    });

    it('a remote signing service of the signers file signs for the account before any stored certificate', async () => {
      // The leader's certificate is stored (previous test); the signers file names a remote service for the leader's
      // account and for commune 25015, which has no stored certificate.
      const service = await startTestSigningService({
        token: 'service-token',
        keys: {
          'unit-key': {
            keyPem: toPem(pki.unit.privateKey, 'PRIVATE KEY'),
            algorithm: 'ECDSA-P256-SHA256',
            certificates: [pki.unit.certificate],
          },
        },
      });
      const entry = {
        kind: 'remote' as const,
        url: service.url,
        keyId: 'unit-key',
        token: { env: 'TEST_SIGNER_TOKEN' },
      };
      useConfiguredSigners(
        configuredSigners(
          [
            { ...entry, unit: '25000', account: 'lanhdao.dilinh' },
            { ...entry, unit: '25015' },
          ],
          {
            env: { TEST_SIGNER_TOKEN: 'service-token' },
          },
        ),
      );
      try {
        const leaderId = (
          await h.t.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'lanhdao.dilinh')
            .executeTakeFirstOrThrow()
        ).id;
        const leader = await signerFor(h.t.db, { unitCode: '25000', accountId: leaderId });
        expect(leader?.kind).toBe('remote');
        expect(Buffer.from((await leader!.certificates())[0]!)).toEqual(Buffer.from(pki.unit.certificate));
        expect((await signerFor(h.t.db, { unitCode: '25015' }))?.kind).toBe('remote');
        // The unit itself has no entry in the file: its stored certificate signs.
        expect((await signerFor(h.t.db, { unitCode: '25000' }))?.kind).toBe('pkcs12');
        const pdf = await (await PDFDocument.create()).addPage().doc.save();
        const signed = await signPdf(pdf, leader!, {
          signedAt: new Date(TEST_NOW),
          signerName: 'UBND xã Di Linh',
          unitName: 'UBND xã Di Linh',
        });
        expect(await verifyPdf(signed, [pki.root.certificate])).toMatchObject({ valid: true, trusted: true });
        expect(service.requests.some((r) => r.path.endsWith('/sign'))).toBe(true);
      } finally {
        useConfiguredSigners(null);
        await service.close();
      }
    });

    it('a wrong MOTCUA_SIGNING_KEY fails clearly', async () => {
      useSigningKey(randomBytes(32));
      try {
        await expect(signerFor(h.t.db, { unitCode: '25000' })).rejects.toThrow(SigningKeyError);
        await expect(signerFor(h.t.db, { unitCode: '25000' })).rejects.toThrow(/MOTCUA_SIGNING_KEY/);
      } finally {
        useSigningKey(key);
      }
    });

    it('refuses a wrong password, an expired certificate, a non-PKCS#12 file, an unknown account: field and rule', async () => {
      const p12 = p12Of(pki.unit, 'dung', 'refusals');
      const wrong = await upload(admin, { p12, password: 'sai', unitCode: '25000' }, 'vi');
      expect(wrong.statusCode).toBe(400);
      expect(issues(wrong)).toEqual(['password:signing.bad_password']);
      expect(wrong.body).toContain('mật khẩu của tệp PKCS#12 không đúng');

      const old = await issueCertificate(
        pki.root,
        { commonName: 'UBND xã Di Linh' },
        { now: TEST_NOW - 800 * DAY, days: 365 },
      );
      const expired = await upload(
        admin,
        { p12: p12Of(old, 'dung', 'old'), password: 'dung', unitCode: '25000' },
        'ru',
      );
      expect(issues(expired)).toEqual(['p12:signing.expired']);
      expect(expired.body).toContain('срок действия сертификата истёк');

      const junk = await upload(admin, {
        p12: Buffer.from('hello').toString('base64'),
        password: 'x',
        unitCode: '25000',
      });
      expect(issues(junk)).toEqual(['p12:signing.not_pkcs12']);

      const nobody = await upload(admin, {
        p12,
        password: 'dung',
        unitCode: '25000',
        username: 'tinh.lamdong',
      });
      expect(issues(nobody)).toEqual(['username:signing.unknown_account']);

      const unknownUnit = await upload(admin, { p12, password: 'dung', unitCode: '99999' });
      expect(issues(unknownUnit)).toEqual(['unitCode:rule.unitUnknown']);
      expect(
        await h.t.db
          .selectFrom('signing_certificates')
          .select('id')
          .where('unit_code', '=', '99999')
          .execute(),
      ).toEqual([]);
    });

    it("refuses another province's supervisor and commune staff; lists only the caller's province", async () => {
      const p12 = p12Of(pki.unit, 'dung', 'scope');
      expect((await upload(otherProvince, { p12, password: 'dung', unitCode: '25000' })).statusCode).toBe(
        403,
      );
      expect((await upload(leaderCookie, { p12, password: 'dung', unitCode: '25000' })).statusCode).toBe(403);
      const theirs = await h.app.inject({
        method: 'GET',
        url: '/api/signing/certificates',
        headers: { cookie: otherProvince },
      });
      expect(theirs.json().items).toEqual([]);
      const ours = await h.app.inject({
        method: 'GET',
        url: '/api/signing/certificates',
        headers: { cookie: province },
      });
      expect(ours.json().items.length).toBeGreaterThan(0);
    });

    it('refuses uploads while no signing key is configured', async () => {
      useSigningKey(null);
      try {
        const res = await upload(admin, {
          p12: p12Of(pki.unit, 'dung', 'nokey'),
          password: 'dung',
          unitCode: '25000',
        });
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('MOTCUA_SIGNING_KEY');
      } finally {
        useSigningKey(key);
      }
    });
  });
}

describe('the demo root for tests', () => {
  it('is a CA whose certificates chain to it', async () => {
    const root = await createRootCa({ commonName: 'Gốc' }, { now: TEST_NOW, days: 10 });
    const leaf = await issueCertificate(root, { commonName: 'Lá' }, { now: TEST_NOW, days: 5 });
    const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], {
      input: Buffer.from(root.certificate),
    }).toString();
    expect(text).toContain('CA:TRUE');
    writeFileSync(join(dir, 'g.pem'), toPem(root.certificate));
    writeFileSync(join(dir, 'l.pem'), toPem(leaf.certificate));
    const at = String(Math.floor(TEST_NOW / 1000));
    expect(
      execFileSync('openssl', [
        'verify',
        '-attime',
        at,
        '-CAfile',
        join(dir, 'g.pem'),
        join(dir, 'l.pem'),
      ]).toString(),
    ).toContain('OK');
  });
});
