import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_AT, testPki, type TestPki } from '../../../test/support/signing.ts';
import { startTestSigningService, type TestSigningService } from '../../../test/support/signing-service.ts';
import {
  createSoftHsmToken,
  pkcs8Pem,
  SOFTHSM_AVAILABLE,
  SOFTHSM_MODULE,
  SOFTHSM_SKIP_REASON,
} from '../../../test/support/softhsm.ts';
import { signPdf, verifyPdf } from './pades.ts';
import { createPkcs11Signer } from './pkcs11-signer.ts';
import { createRemoteSigner } from './remote-signer.ts';
import type { Signer } from './signer.ts';

/**
 * A PDF signed through a PKCS#11 token and through a remote signing service passes verifyPdf and poppler's pdfsig,
 * and a one-byte change is caught: the signer kinds plugged into signPdf as the PKCS#12 one is (pades.test.ts).
 */
const PIN = '864200';
const TOKEN = 'remote-token';
const OPTIONS = {
  signedAt: new Date(SIGNING_AT),
  unitName: 'UBND xã Di Linh',
  reason: 'Ký số kết quả giải quyết thủ tục hành chính',
  dossierCode: '000.00.01.H29-260302-0007',
  resultId: 'res_signers_01',
} as const;

if (!SOFTHSM_AVAILABLE) console.warn(SOFTHSM_SKIP_REASON);

let pki: TestPki;
let dir: string;
let service: TestSigningService;

async function decision(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Quyet dinh ve viec cap giay phep', { x: 50, y: 780, font });
  return doc.save();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-signers-pades-'));
  pki = await testPki();
  if (SOFTHSM_AVAILABLE)
    createSoftHsmToken(dir, {
      label: 'ubnd-di-linh',
      pin: PIN,
      soPin: '97531975',
      keys: [
        { keyPem: pkcs8Pem(pki.leader.privateKey), id: '0a', label: 'Nguyễn Văn Ánh' },
        { keyPem: pkcs8Pem(pki.unit.privateKey), id: '0b', label: 'UBND xã Di Linh' },
      ],
      certificates: [
        { der: pki.leader.certificate, id: '0a', label: 'Nguyễn Văn Ánh' },
        { der: pki.unit.certificate, id: '0b', label: 'UBND xã Di Linh' },
        { der: pki.root.certificate, id: 'ff', label: 'root' },
      ],
    });
  service = await startTestSigningService({
    token: TOKEN,
    keys: {
      leader: {
        keyPem: pkcs8Pem(pki.leader.privateKey),
        algorithm: 'RSA-SHA256',
        certificates: [pki.leader.certificate, pki.root.certificate],
      },
      unit: {
        keyPem: pkcs8Pem(pki.unit.privateKey),
        algorithm: 'ECDSA-P256-SHA256',
        certificates: [pki.unit.certificate, pki.root.certificate],
      },
    },
  });
});

afterAll(async () => {
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cases: {
  name: string;
  kind: string;
  signerName: string;
  open: () => Promise<Signer>;
  needsToken: boolean;
}[] = [
  {
    name: 'PKCS#11 token, RSA (a leader)',
    kind: 'pkcs11',
    signerName: 'Nguyễn Văn Ánh',
    needsToken: true,
    open: () =>
      createPkcs11Signer({ module: SOFTHSM_MODULE, tokenLabel: 'ubnd-di-linh', pin: PIN, keyId: '0a' }),
  },
  {
    name: 'PKCS#11 token, ECDSA P-256 (the unit)',
    kind: 'pkcs11',
    signerName: 'UBND xã Di Linh',
    needsToken: true,
    open: () =>
      createPkcs11Signer({
        module: SOFTHSM_MODULE,
        tokenLabel: 'ubnd-di-linh',
        pin: PIN,
        keyLabel: 'UBND xã Di Linh',
      }),
  },
  {
    name: 'remote signing service, RSA (a leader)',
    kind: 'remote',
    signerName: 'Nguyễn Văn Ánh',
    needsToken: false,
    open: () => createRemoteSigner({ url: service.url, keyId: 'leader', token: TOKEN }),
  },
  {
    name: 'remote signing service, ECDSA P-256 (the unit)',
    kind: 'remote',
    signerName: 'UBND xã Di Linh',
    needsToken: false,
    open: () => createRemoteSigner({ url: service.url, keyId: 'unit', token: TOKEN }),
  },
];

describe('a PDF signed through each signer kind', () => {
  for (const c of cases)
    it.skipIf(c.needsToken && !SOFTHSM_AVAILABLE)(
      `${c.name}: verifyPdf and pdfsig accept it; a changed byte is caught`,
      async () => {
        const signer = await c.open();
        expect(signer.kind).toBe(c.kind);
        const signed = await signPdf(await decision(), signer, { ...OPTIONS, signerName: c.signerName });

        expect(await verifyPdf(signed, [pki.root.certificate])).toEqual({
          valid: true,
          signer: c.signerName,
          unit: OPTIONS.unitName,
          signedAt: OPTIONS.signedAt.toISOString(),
          modified: false,
          trusted: true,
          dossierCode: OPTIONS.dossierCode,
          resultId: OPTIONS.resultId,
        });
        const file = join(dir, `${c.kind}-${signer.algorithm}.pdf`);
        writeFileSync(file, signed);
        const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
        expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');
        expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
        expect(pdfsig).toContain(`Signer Certificate Common Name: ${c.signerName}`);

        // One byte flipped inside the first signed range (before the signature's /Contents).
        const changed = Buffer.from(signed);
        const at = Math.floor(changed.toString('latin1').lastIndexOf('/Contents <') / 2);
        changed[at] = changed[at]! ^ 0x01;
        expect(await verifyPdf(changed, [pki.root.certificate])).toMatchObject({
          valid: false,
          modified: true,
        });
        writeFileSync(file, changed);
        const pdfsigChanged = execFileSync('pdfsig', [file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'], // its complaints about the damaged file
        });
        expect(pdfsigChanged).not.toContain('Signature Validation: Signature is Valid.');
      },
    );
});
