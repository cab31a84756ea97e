/**
 * A small certification authority for the demo and the tests: a root CA ("MộtCửa Demo Root CA") and certificates
 * for units and leaders with Vietnamese names (UTF8String), made with WebCrypto and pkijs. Validity comes from the
 * caller's clock, never from the machine's, so the tests do not depend on the day they run.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, toArrayBuffer } from './cms.ts';
import type { KeyMaterial } from './pkcs12-signer.ts';
import type { SignatureAlgorithm } from './signer.ts';

export const DEMO_ROOT_NAME = 'MộtCửa Demo Root CA';

export interface IssuedCertificate {
  /** DER. */
  certificate: Uint8Array;
  /** PKCS#8 DER. */
  privateKey: Uint8Array;
  algorithm: SignatureAlgorithm;
}

export interface SubjectName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
}

export interface IssueOptions {
  /** Epoch milliseconds: the start of validity (a day earlier, for clocks a little behind). */
  now: number;
  days: number;
  algorithm?: SignatureAlgorithm;
}

const DAY_MS = 86_400_000;
const KEY_PARAMS: Record<SignatureAlgorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
  'RSA-SHA256': {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
  'ECDSA-P256-SHA256': { name: 'ECDSA', namedCurve: 'P-256' },
};

/** A name with one attribute per RDN (C, O, OU, CN), Vietnamese text as UTF8String. */
function makeName(name: SubjectName): pkijs.RelativeDistinguishedNames {
  const attributes: pkijs.AttributeTypeAndValue[] = [
    new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
  ];
  const add = (type: string, value: string | undefined) => {
    if (value)
      attributes.push(new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }));
  };
  add(OID.organization, name.organization);
  add(OID.organizationalUnit, name.organizationalUnit);
  add(OID.commonName, name.commonName);
  // pkijs would put every attribute in one multi-valued RDN; encode the usual SEQUENCE of single-attribute SETs.
  const sequence = new asn1js.Sequence({
    value: attributes.map((a) => new asn1js.Set({ value: [a.toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

function keyUsage(bits: number, unusedBits: number): pkijs.Extension {
  const value = new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: value.toBER(false) });
}

async function makeCertificate(
  subject: SubjectName,
  issuer: { name: pkijs.RelativeDistinguishedNames; key: CryptoKey } | null,
  isCa: boolean,
  options: IssueOptions,
): Promise<IssuedCertificate> {
  const algorithm = options.algorithm ?? 'ECDSA-P256-SHA256';
  const keys = (await globalThis.crypto.subtle.generateKey(KEY_PARAMS[algorithm], true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = globalThis.crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = makeName(subject);
  cert.issuer = issuer ? issuer.name : makeName(subject);
  cert.notBefore.value = new Date(options.now - DAY_MS);
  cert.notAfter.value = new Date(options.now + options.days * DAY_MS);
  const basic = new pkijs.BasicConstraints({ cA: isCa });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basic.toSchema().toBER(false) }),
    // keyCertSign + cRLSign for a CA; digitalSignature + nonRepudiation for a signer
    isCa ? keyUsage(0x06, 1) : keyUsage(0xc0, 6),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(issuer ? issuer.key : keys.privateKey, 'SHA-256');
  return {
    certificate: new Uint8Array(cert.toSchema(true).toBER(false)),
    privateKey: new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey)),
    algorithm,
  };
}

/** A self-signed root CA. */
export function createRootCa(name: SubjectName, options: IssueOptions): Promise<IssuedCertificate> {
  return makeCertificate(name, null, true, options);
}

/** A signing certificate for `subject`, issued by `ca`. */
export async function issueCertificate(
  ca: IssuedCertificate,
  subject: SubjectName,
  options: IssueOptions,
): Promise<IssuedCertificate> {
  const caCert = pkijs.Certificate.fromBER(toArrayBuffer(ca.certificate));
  const caKey = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    toArrayBuffer(ca.privateKey),
    ca.algorithm === 'RSA-SHA256'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  return makeCertificate(subject, { name: caCert.subject, key: caKey }, false, options);
}

/** The key material of an issued certificate with its chain (as a PKCS#12 upload would give). */
export function keyMaterial(leaf: IssuedCertificate, ...chain: IssuedCertificate[]): KeyMaterial {
  return {
    privateKey: leaf.privateKey,
    certificates: [leaf.certificate, ...chain.map((c) => c.certificate)],
  };
}

/** PEM of a DER certificate. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** The DER certificates of a PEM bundle. */
export { fromPemBundle } from './pem.ts';
