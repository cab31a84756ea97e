import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock.ts';
import { DIALECTS, openTestDb, type TestDb } from '../../../test/support/db.ts';
import { insertUnits, LAM_DONG_SAMPLE } from '../../../test/support/factories.ts';
import { createUser } from '../accounts/account.service.ts';
import { fromPemBundle } from './demo-pki.ts';
import { seedDemoSigning, type DemoSigner } from './demo-signing.ts';
import { signPdf, verifyPdf } from './pades.ts';
import { signerFor } from './signer-registry.ts';
import { useSigningKey } from './signing-key.ts';

for (const dialect of DIALECTS) {
  describe(`demo PKI on ${dialect}`, () => {
    let t: TestDb;
    let dir: string;
    let leaderId: string;
    const key = randomBytes(32);
    beforeAll(async () => {
      t = await openTestDb(dialect);
      await insertUnits(t.db, LAM_DONG_SAMPLE);
      await t.db.transaction().execute((trx) =>
        createUser(
          trx,
          null,
          {
            username: 'lanhdao.demo',
            displayName: 'Nguyễn Thị Thu Hà',
            password: 'mat-khau-demo',
            unitCode: '25000',
            roles: ['commune_leader'],
          },
          TEST_NOW,
        ),
      );
      leaderId = (
        await t.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'lanhdao.demo')
          .executeTakeFirstOrThrow()
      ).id;
      dir = mkdtempSync(join(tmpdir(), 'motcua-demo-pki-'));
      useSigningKey(key);
    });
    afterAll(async () => {
      useSigningKey(null);
      rmSync(dir, { recursive: true, force: true });
      await t?.close();
    });

    it('issues Vietnamese-named certificates for the unit and its leader, stored like uploads, once', async () => {
      const unit = { unitCode: '25000', provinceCode: '68', unitName: 'UBND xã Di Linh' };
      const signers: DemoSigner[] = [
        unit,
        { ...unit, account: { id: leaderId, displayName: 'Nguyễn Thị Thu Hà' } },
      ];
      const rootFile = join(dir, 'root.pem');
      const root = await seedDemoSigning(t.db, signers, { key, now: TEST_NOW, rootFile });
      expect(root).not.toBeNull();
      expect(fromPemBundle(readFileSync(rootFile, 'utf8'))[0]).toEqual(root);
      // A second start keeps them and answers the same root.
      const again = await seedDemoSigning(t.db, signers, { key, now: TEST_NOW + 1000, rootFile });
      expect(Buffer.from(again!)).toEqual(Buffer.from(root!));
      expect(await t.db.selectFrom('signing_certificates').select('id').execute()).toHaveLength(2);

      const doc = await PDFDocument.create();
      doc.addPage();
      const pdf = await doc.save();
      const leader = await signerFor(t.db, { unitCode: '25000', accountId: leaderId });
      const signed = await signPdf(pdf, leader!, {
        signedAt: new Date(TEST_NOW),
        signerName: 'Nguyễn Thị Thu Hà',
        unitName: 'UBND xã Di Linh',
      });
      expect(await verifyPdf(signed, [root!])).toMatchObject({
        valid: true,
        trusted: true,
        signer: 'Nguyễn Thị Thu Hà',
        unit: 'UBND xã Di Linh',
      });
      const unitSigned = await signPdf(pdf, (await signerFor(t.db, { unitCode: '25000' }))!, {
        signedAt: new Date(TEST_NOW),
        signerName: 'UBND xã Di Linh',
        unitName: 'UBND xã Di Linh',
      });
      expect(await verifyPdf(unitSigned, [root!])).toMatchObject({
        valid: true,
        trusted: true,
        signer: 'UBND xã Di Linh',
      });
    });
  });
}
