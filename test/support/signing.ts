/**
 * Signing test helpers: a small PKI at a fixed instant (Vietnamese names), a tiny RFC 3161 TSA over HTTP (pkijs,
 * its time set by the test), and the extraction of a signature's CMS and signed bytes the way an outside tool would.
 */
import * as asn1js from 'asn1js';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pkijs from 'pkijs';
import { OID, sha256, toArrayBuffer } from '../../src/server/signing/cms.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRootCa,
  issueCertificate,
  toPem,
  type IssuedCertificate,
  DEMO_ROOT_NAME,
} from '../../src/server/signing/demo-pki.ts';

/** A fixed instant for certificates and signatures: no test depends on the day it runs. */
export const SIGNING_AT = Date.parse('2026-03-02T02:03:04Z');

export interface TestPki {
  root: IssuedCertificate;
  unit: IssuedCertificate;
  leader: IssuedCertificate;
}

export async function testPki(now = SIGNING_AT): Promise<TestPki> {
  const root = await createRootCa(
    { commonName: DEMO_ROOT_NAME, organization: 'MộtCửa' },
    { now, days: 3650 },
  );
  const unit = await issueCertificate(
    root,
    { commonName: 'UBND xã Di Linh', organization: 'UBND xã Di Linh' },
    { now, days: 730 },
  );
  const leader = await issueCertificate(
    root,
    { commonName: 'Nguyễn Văn Ánh', organization: 'UBND xã Di Linh', organizationalUnit: 'Lãnh đạo' },
    { now, days: 730, algorithm: 'RSA-SHA256' },
  );
  return { root, unit, leader };
}

/** The signed bytes and the CMS DER of a PDF's last signature, read with plain regular expressions. */
export function extractSignature(pdf: Uint8Array): { content: Buffer; cms: Buffer } {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new Error('no ByteRange');
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  const bytes = Buffer.from(pdf);
  const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // DER: a SEQUENCE with a long-form length; drop the zero padding after it.
  const lengthBytes = der[1]! & 0x7f;
  const length = der.subarray(2, 2 + lengthBytes).reduce((n, byte) => n * 256 + byte, 0);
  return { content, cms: der.subarray(0, 2 + lengthBytes + length) };
}

export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface TestTsa {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** An RFC 3161 TSA answering with a token of `genTime`, signed by a TSA certificate from `ca`. */
export async function startTsa(ca: IssuedCertificate, genTime: Date): Promise<TestTsa> {
  const tsa = await issueCertificate(
    ca,
    { commonName: 'MộtCửa Test TSA' },
    { now: genTime.getTime(), days: 365 },
  );
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(tsa.certificate));
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    toArrayBuffer(tsa.privateKey),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  let serial = 1;
  const state: TestTsa = { url: '', requests: 0, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      void respond(Buffer.concat(chunks)).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(body);
        },
        () => {
          res.writeHead(400);
          res.end();
        },
      );
    });
  });
  async function respond(body: Buffer): Promise<Buffer> {
    const request = pkijs.TimeStampReq.fromBER(toArrayBuffer(body));
    const info = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1',
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ value: serial++ }),
      genTime,
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const infoDer = new Uint8Array(info.toSchema().toBER(false));
    const signed = new pkijs.SignedData({
      version: 3,
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '1.2.840.113549.1.9.16.1.4', // id-ct-TSTInfo
        eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(infoDer) }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({
                type: OID.contentType,
                values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })],
              }),
              new pkijs.Attribute({
                type: OID.messageDigest,
                values: [new asn1js.OctetString({ valueHex: toArrayBuffer(await sha256(infoDer)) })],
              }),
            ],
          }),
        }),
      ],
      certificates: [cert],
    });
    await signed.sign(key, 0, 'SHA-256');
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: 0 }),
      timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }),
    });
    return Buffer.from(response.toSchema().toBER(false));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

/**
 * A .p12 made by `openssl pkcs12 -export` (as a CA or an officer would make one) from a test key and certificate,
 * with the root in the chain when given; written to `dir` as `<name>.key`, `<name>.pem`, `<name>.p12`.
 */
export function exportP12(
  dir: string,
  leaf: IssuedCertificate,
  password: string,
  name: string,
  root?: IssuedCertificate,
): { p12: string; cert: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  writeFileSync(key, toPem(leaf.privateKey, 'PRIVATE KEY'));
  writeFileSync(cert, toPem(leaf.certificate));
  const chain: string[] = [];
  if (root) {
    const rootPem = join(dir, `${name}-root.pem`);
    writeFileSync(rootPem, toPem(root.certificate));
    chain.push('-certfile', rootPem);
  }
  const p12 = join(dir, `${name}.p12`);
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    key,
    '-in',
    cert,
    ...chain,
    '-out',
    p12,
    '-passout',
    `pass:${password}`,
  ]);
  return { p12, cert };
}
