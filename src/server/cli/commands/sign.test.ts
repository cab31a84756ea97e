import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_AT, testPki } from '../../../../test/support/signing.ts';
import { keyMaterial, toPem } from '../../signing/demo-pki.ts';
import { signPdf } from '../../signing/pades.ts';
import { pkcs12Signer } from '../../signing/pkcs12-signer.ts';
import { motcua } from '../cli-test-helpers.ts';

let dir: string;
let signedFile: string;
let rootsFile: string;
let signed: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-sign-cli-'));
  const pki = await testPki();
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Giay xac nhan');
  signed = await signPdf(await doc.save(), await pkcs12Signer(keyMaterial(pki.unit, pki.root)), {
    signedAt: new Date(SIGNING_AT),
    signerName: 'UBND xã Di Linh',
    unitName: 'UBND xã Di Linh',
    dossierCode: '000.00.01.H29-260302-0009',
  });
  signedFile = join(dir, 'signed.pdf');
  writeFileSync(signedFile, signed);
  rootsFile = join(dir, 'roots.pem');
  writeFileSync(rootsFile, toPem(pki.root.certificate));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('motcua sign verify', () => {
  it('prints one JSON object, the agreed fields first, and exits 0 for a valid unchanged signature', async () => {
    const run = await motcua(['sign', 'verify', signedFile, '--roots', rootsFile]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const printed = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(printed).slice(0, 5)).toEqual([
      'valid',
      'signer',
      'signedAt',
      'modified',
      'dossierCode',
    ]);
    expect(printed).toMatchObject({
      valid: true,
      signer: 'UBND xã Di Linh',
      signedAt: new Date(SIGNING_AT).toISOString(),
      modified: false,
      dossierCode: '000.00.01.H29-260302-0009',
      trusted: true,
    });
  });

  it('exits 1 for a changed byte and for bytes appended after signing', async () => {
    const flipped = new Uint8Array(signed);
    flipped[200] = flipped[200]! ^ 0x20;
    const flippedFile = join(dir, 'flipped.pdf');
    writeFileSync(flippedFile, flipped);
    const changed = await motcua(['sign', 'verify', flippedFile, '--roots', rootsFile]);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toMatchObject({ valid: false, modified: true });

    const appendedFile = join(dir, 'appended.pdf');
    writeFileSync(appendedFile, Buffer.concat([signed, Buffer.from('%% added\n')]));
    const appended = await motcua(['sign', 'verify', appendedFile]);
    expect(appended.code).toBe(1);
    expect(JSON.parse(appended.stdout)).toMatchObject({ valid: true, modified: true, trusted: false });
  });

  it('exits 2 on usage errors', async () => {
    expect((await motcua(['sign', 'verify'])).code).toBe(2);
    expect((await motcua(['sign', 'check', signedFile])).code).toBe(2);
    expect((await motcua(['sign', 'verify', join(dir, 'missing.pdf')])).code).toBe(2);
  });
});
