import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportP12,
  extractSignature,
  hasTool,
  SIGNING_AT,
  startTsa,
  testPki,
  type TestPki,
} from '../../../test/support/signing.ts';
import { FONT, renderPdf } from '../documents/pdf.printer.ts';
import { keyMaterial, toPem } from './demo-pki.ts';
import { signPdf, verifyPdf } from './pades.ts';
import { loadPkcs12Signer, pkcs12Signer } from './pkcs12-signer.ts';
import type { Signer } from './signer.ts';
import { TimestampError } from './timestamp.ts';

const at = new Date(SIGNING_AT);
const OPTIONS = {
  signedAt: at,
  signerName: 'UBND xã Di Linh',
  unitName: 'UBND xã Di Linh',
  reason: 'Ký số kết quả giải quyết thủ tục hành chính',
  location: 'Di Linh, Lâm Đồng',
  dossierCode: '000.00.01.H29-260302-0007',
  resultId: 'res_01JABCDEF',
} as const;

let pki: TestPki;
let dir: string;
let unitSigner: Signer;

/** A pdfmake document like our forms. */
const formPdf = () =>
  renderPdf({
    content: [{ text: 'PHIẾU TIẾP NHẬN VÀ HẸN TRẢ KẾT QUẢ', bold: true }, 'Ông/bà: Trần Thị Bích Ngọc'],
    defaultStyle: { font: FONT },
  });

/** An officer's upload: another producer, object streams, three pages. */
async function uploadedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2, 3])
    doc.addPage([595, 842]).drawText(`Quyet dinh - trang ${n}`, { x: 50, y: 780, font });
  return doc.save({ useObjectStreams: true });
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** `openssl cms -verify` of the extracted CMS over the ByteRange bytes, chained to `root`, at the signing time. */
function opensslVerify(pdf: Uint8Array, root: Uint8Array): string {
  const { content, cms } = extractSignature(pdf);
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', write('sig.der', cms)];
  args.push('-content', write('content.bin', content), '-CAfile', write('root.pem', toPem(root)));
  args.push('-purpose', 'any', '-attime', String(Math.floor(SIGNING_AT / 1000) + 60), '-out', '/dev/null');
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-pades-'));
  pki = await testPki();
  unitSigner = await pkcs12Signer(keyMaterial(pki.unit, pki.root));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signPdf and verifyPdf', () => {
  it('signs a pdfmake form: pdfsig and openssl accept it, verifyPdf reads back who, when and which dossier', async () => {
    const signed = await signPdf(await formPdf(), unitSigner, OPTIONS);
    const file = write('form-signed.pdf', signed);

    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('Signer Certificate Common Name: UBND xã Di Linh');
    expect(() => opensslVerify(signed, pki.root.certificate)).not.toThrow();

    const result = await verifyPdf(signed, [pki.root.certificate]);
    expect(result).toEqual({
      valid: true,
      signer: 'UBND xã Di Linh',
      unit: 'UBND xã Di Linh',
      signedAt: at.toISOString(),
      modified: false,
      trusted: true,
      dossierCode: OPTIONS.dossierCode,
      resultId: OPTIONS.resultId,
    });
  });

  it('draws the Decree 30 block on the last page of an uploaded PDF, signed by a leader with an RSA key', async () => {
    const leader = await pkcs12Signer(keyMaterial(pki.leader, pki.root));
    expect(leader.algorithm).toBe('RSA-SHA256');
    const signed = await signPdf(await uploadedPdf(), leader, {
      ...OPTIONS,
      signerName: 'Nguyễn Văn Ánh',
      unitName: 'UBND xã Di Linh',
    });
    const file = write('upload-signed.pdf', signed);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    expect(() => opensslVerify(signed, pki.root.certificate)).not.toThrow();
    const lastPage = execFileSync('pdftotext', ['-f', '3', '-l', '3', file, '-'], { encoding: 'utf8' });
    expect(lastPage).toContain('Ký bởi: Nguyễn Văn Ánh');
    expect(lastPage).toContain('Cơ quan: UBND xã Di Linh');
    // 02:03:04 UTC is 09:03:04 in Vietnam
    expect(lastPage).toContain('Thời gian ký: 02/03/2026 09:03:04 +07:00');
    const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(firstPage).not.toContain('Ký bởi');
    const result = await verifyPdf(signed, [pki.root.certificate]);
    expect(result).toMatchObject({
      valid: true,
      trusted: true,
      signer: 'Nguyễn Văn Ánh',
      unit: 'UBND xã Di Linh',
    });
  });

  it('signs without the block when visible is false', async () => {
    const signed = await signPdf(await formPdf(), unitSigner, { ...OPTIONS, visible: false });
    const text = execFileSync('pdftotext', [write('invisible.pdf', signed), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Ký bởi');
    expect((await verifyPdf(signed, [pki.root.certificate])).valid).toBe(true);
  });

  it('catches one flipped byte inside the signed range, and bytes appended after signing', async () => {
    const signed = await signPdf(await formPdf(), unitSigner, OPTIONS);
    const contentsAt = Buffer.from(signed).toString('latin1').lastIndexOf('/Contents <');
    const flipped = new Uint8Array(signed);
    const inside = Math.floor(contentsAt / 2); // well inside the first signed range
    flipped[inside] = flipped[inside]! ^ 0x01;
    const broken = await verifyPdf(flipped, [pki.root.certificate]);
    expect(broken).toMatchObject({ valid: false, modified: true });
    expect(broken.reason).toMatch(/changed after signing/);

    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')]);
    const grown = await verifyPdf(appended, [pki.root.certificate]);
    expect(grown).toMatchObject({ valid: true, modified: true, signer: 'UBND xã Di Linh' });
  });

  it('is valid but not trusted against other roots', async () => {
    const signed = await signPdf(await formPdf(), unitSigner, OPTIONS);
    const other = await testPki();
    expect(await verifyPdf(signed, [other.root.certificate])).toMatchObject({ valid: true, trusted: false });
    expect(await verifyPdf(signed, [])).toMatchObject({ valid: true, trusted: false });
  });

  it('answers "no signature" for an unsigned PDF', async () => {
    expect(await verifyPdf(await formPdf(), [pki.root.certificate])).toMatchObject({
      valid: false,
      reason: 'the PDF has no signature',
    });
  });
});

describe('RFC 3161 timestamp', () => {
  it('adds the TSA token as id-aa-timeStampToken; signedAt is the TSA time', async () => {
    const genTime = new Date(SIGNING_AT + 42_000);
    const tsa = await startTsa(pki.root, genTime);
    try {
      const signed = await signPdf(await formPdf(), unitSigner, { ...OPTIONS, tsaUrl: tsa.url });
      expect(tsa.requests).toBe(1);
      const file = write('tsa-signed.pdf', signed);
      expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
      expect(() => opensslVerify(signed, pki.root.certificate)).not.toThrow();
      const printed = execFileSync(
        'openssl',
        ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'sig.der')],
        {
          encoding: 'utf8',
        },
      );
      expect(printed).toContain('id-smime-aa-timeStampToken');
      expect(printed).toContain('id-smime-aa-signingCertificateV2');
      const result = await verifyPdf(signed, [pki.root.certificate]);
      expect(result.reason).toBeUndefined();
      expect(result).toMatchObject({ valid: true, trusted: true, signedAt: genTime.toISOString() });
    } finally {
      await tsa.close();
    }
  });

  it('refuses to sign when the TSA does not answer', async () => {
    const tsa = await startTsa(pki.root, at);
    const url = tsa.url;
    await tsa.close();
    await expect(signPdf(await formPdf(), unitSigner, { ...OPTIONS, tsaUrl: url })).rejects.toBeInstanceOf(
      TimestampError,
    );
  });
});

describe.skipIf(!hasTool('openssl'))('a PKCS#12 made by openssl', () => {
  it('loads, keeps the Vietnamese names (UTF8String) and signs; a wrong password is refused', async () => {
    const { p12, cert } = exportP12(dir, pki.leader, 'mật-khẩu-1', 'leader', pki.root);
    const subject = execFileSync(
      'openssl',
      ['x509', '-in', cert, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus'],
      {
        encoding: 'utf8',
      },
    );
    expect(subject).toContain('CN=Nguyễn Văn Ánh');
    expect(subject).toContain('OU=Lãnh đạo');

    const signer = await loadPkcs12Signer(readFileSync(p12), 'mật-khẩu-1');
    const chain = await signer.certificates();
    expect(chain).toHaveLength(2);
    expect(Buffer.from(chain[0]!)).toEqual(Buffer.from(pki.leader.certificate));
    const signed = await signPdf(await uploadedPdf(), signer, { ...OPTIONS, signerName: 'Nguyễn Văn Ánh' });
    expect(await verifyPdf(signed, [pki.root.certificate])).toMatchObject({
      valid: true,
      trusted: true,
      signer: 'Nguyễn Văn Ánh',
    });
    await expect(loadPkcs12Signer(readFileSync(p12), 'wrong')).rejects.toMatchObject({
      code: 'bad_password',
    });
  });

  it("refuses key material whose certificate is not the key's", async () => {
    await expect(
      pkcs12Signer({ privateKey: pki.unit.privateKey, certificates: [pki.leader.certificate] }),
    ).rejects.toMatchObject({ code: 'key_mismatch' });
  });
});
