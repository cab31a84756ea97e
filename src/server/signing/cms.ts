/**
 * The CMS (RFC 5652) part of a PAdES signature: a detached SignedData over the PDF's ByteRange, with the signed
 * attributes ETSI EN 319 122 asks for (content-type, message-digest, signing-certificate-v2 of RFC 5035) and, when a
 * TSA is configured, an RFC 3161 signature timestamp as the unsigned attribute id-aa-timeStampToken. Built with
 * pkijs/asn1js on WebCrypto; certificate names stay as encoded (UTF8String Vietnamese names round-trip).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer, SignatureAlgorithm } from './signer.ts';

pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const;

export const sha256 = async (data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toArrayBuffer(data)));

/** A standalone ArrayBuffer holding exactly these bytes (pkijs and WebCrypto want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

const ALGORITHM_OID: Record<SignatureAlgorithm, string> = {
  'RSA-SHA256': OID.sha256WithRsa,
  'ECDSA-P256-SHA256': OID.ecdsaWithSha256,
};

/** ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate and its issuer and serial. */
async function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array): Promise<pkijs.Attribute> {
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      // hashAlgorithm omitted: its DEFAULT is id-sha256
      new asn1js.OctetString({ valueHex: toArrayBuffer(await sha256(certDer)) }),
      new pkijs.IssuerSerial({
        issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
        serialNumber: cert.serialNumber,
      }).toSchema(),
    ],
  });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}

/** DER orders a SET OF by the encodings of its elements. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

export interface BuildCmsOptions {
  /** Asks an RFC 3161 TSA to timestamp the signature value; returns the TimeStampToken (a ContentInfo) DER. */
  timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

/** The DER of a detached CMS SignedData over `content` (the PDF bytes of the ByteRange). */
export async function buildDetachedCms(
  content: Uint8Array,
  signer: Signer,
  options: BuildCmsOptions = {},
): Promise<Uint8Array> {
  const chainDer = await signer.certificates();
  if (chainDer.length === 0) throw new Error('the signer has no certificate');
  const chain = chainDer.map(parseCertificate);
  const own = chain[0]!;
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(await sha256(content)) })],
      }),
      await signingCertificateV2(own, chainDer[0]!),
    ]),
  });
  // What is signed is the DER of the attributes as a SET (tag 0x31), not the [0] IMPLICIT of the SignerInfo.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: own.issuer, serialNumber: own.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: ALGORITHM_OID[signer.algorithm],
      ...(signer.algorithm === 'RSA-SHA256' ? { algorithmParams: new asn1js.Null() } : {}),
    }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  if (options.timestamp) {
    const token = await options.timestamp(signature);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [
        new pkijs.Attribute({
          type: OID.timeStampToken,
          values: [asn1js.fromBER(toArrayBuffer(token)).result],
        }),
      ],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: chain,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** An RDN attribute's text (UTF8String, PrintableString, BMPString… all decode to a JS string). */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === type);
  if (!found) return null;
  const value = (found.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  return typeof value === 'string' ? value : null;
}

/** The signature value of an ECDSA signer from WebCrypto (r||s) as the DER Ecdsa-Sig-Value CMS wants. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const trimmed = bytes.subarray(start);
    return new asn1js.Integer({
      valueHex: toArrayBuffer(trimmed[0]! & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed),
    });
  };
  return new Uint8Array(
    new asn1js.Sequence({ value: [integer(raw.subarray(0, half)), integer(raw.subarray(half))] }).toBER(
      false,
    ),
  );
}
