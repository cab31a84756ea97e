/**
 * PAdES signatures (ETSI EN 319 142-1, baseline B-B, and B-T when a TSA is configured) on our PDFs: signPdf adds a
 * signature field, the visible block of Decree 30/2020 and a detached CMS over the ByteRange; verifyPdf checks the
 * last signature of a PDF the way an independent verifier would (ByteRange, digest, CMS signature, chain to the
 * trusted roots, timestamp). docs/SIGNING.md tells the whole story.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildDetachedCms, nameAttribute, OID, toArrayBuffer } from './cms.ts';
import {
  byteRangeContent,
  CONTENTS_BYTES,
  DOSSIER_KEY,
  parsePdfDate,
  preparePdf,
  RESULT_ID_KEY,
} from './pdf-signature-field.ts';
import type { Signer } from './signer.ts';
import { requestTimestamp, verifyTimestamp } from './timestamp.ts';

export interface SignOptions {
  signedAt: Date;
  signerName: string;
  unitName: string;
  reason?: string;
  location?: string;
  dossierCode?: string;
  resultId?: string;
  tsaUrl?: string;
  /** Draw the visible signature block on the last page; default true. */
  visible?: boolean;
}

export interface VerifyResult {
  valid: boolean;
  signer: string | null;
  unit: string | null;
  signedAt: string | null;
  modified: boolean;
  trusted: boolean;
  dossierCode: string | null;
  resultId: string | null;
  /** Why the signature is not valid. */
  reason?: string;
}

/** Signs a PDF with a PAdES (ETSI.CAdES.detached) signature. Refuses encrypted PDFs. */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignOptions): Promise<Uint8Array> {
  const { bytes, contentsStart, contentsEnd } = await preparePdf(pdf, {
    ...options,
    visible: options.visible ?? true,
  });
  const content = byteRangeContent(bytes, [0, contentsStart, contentsEnd, bytes.length - contentsEnd]);
  const tsaUrl = options.tsaUrl;
  const cms = await buildDetachedCms(content, signer, {
    ...(tsaUrl ? { timestamp: (value: Uint8Array) => requestTimestamp(tsaUrl, value) } : {}),
  });
  if (cms.length > CONTENTS_BYTES)
    throw new Error(`the CMS signature (${cms.length} bytes) does not fit its place`);
  bytes.set(Buffer.from(Buffer.from(cms).toString('hex'), 'latin1'), contentsStart + 1);
  return bytes;
}

interface FoundSignature {
  range: [number, number, number, number];
  dict: string;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** The signature dictionaries of a PDF, in file order, found by their /ByteRange. */
function findSignatures(latin1: string): FoundSignature[] {
  const found: FoundSignature[] = [];
  for (const match of latin1.matchAll(BYTE_RANGE)) {
    const at = match.index;
    const start = latin1.lastIndexOf(' obj', at);
    const end = latin1.indexOf('endobj', at);
    found.push({
      range: [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])],
      dict: latin1.slice(start < 0 ? at : start, end < 0 ? at + match[0].length : end),
    });
  }
  return found;
}

/** A text string value of a dictionary key: a hex string (UTF-16BE with BOM or PDFDocEncoding) or a literal. */
export function readTextKey(dict: string, key: string): string | null {
  const at = new RegExp(`/${key}\\s*([<(])`).exec(dict);
  if (!at) return null;
  const from = at.index + at[0].length;
  let raw: Buffer;
  if (at[1] === '<') {
    const end = dict.indexOf('>', from);
    if (end < 0) return null;
    const hex = dict.slice(from, end).replace(/\s+/g, '');
    raw = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  } else {
    const out: number[] = [];
    let depth = 1;
    for (let i = from; i < dict.length; i += 1) {
      const ch = dict[i]!;
      if (ch === '\\') {
        const next = dict[i + 1] ?? '';
        const octal = /^[0-7]{1,3}/.exec(dict.slice(i + 1, i + 4));
        if (octal) {
          out.push(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length;
          continue;
        }
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        if (next !== '\n' && next !== '\r') out.push(escapes[next] ?? next.charCodeAt(0));
        i += 1;
        continue;
      }
      if (ch === '(') depth += 1;
      if (ch === ')' && --depth === 0) break;
      out.push(ch.charCodeAt(0));
    }
    raw = Buffer.from(out);
  }
  if (raw[0] === 0xfe && raw[1] === 0xff) {
    const body = raw.subarray(2);
    const swapped = Buffer.alloc(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    return swapped.toString('utf16le');
  }
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) return raw.subarray(3).toString('utf8');
  return raw.toString('latin1');
}

const EMPTY: VerifyResult = {
  valid: false,
  signer: null,
  unit: null,
  signedAt: null,
  modified: false,
  trusted: false,
  dossierCode: null,
  resultId: null,
};

/** The DER of the CMS in a /Contents hex string, without the zero padding. */
function contentsDer(latin1: string, from: number, to: number): Uint8Array | null {
  if (latin1[from] !== '<' || latin1[to - 1] !== '>') return null;
  const hex = latin1.slice(from + 1, to - 1).replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2) return null;
  const bytes = Buffer.from(hex, 'hex');
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1) return null;
  return new Uint8Array(bytes.subarray(0, parsed.offset));
}

async function digestOf(algorithmOid: string, data: Uint8Array): Promise<Uint8Array | null> {
  const names: Record<string, string> = {
    [OID.sha256]: 'SHA-256',
    '2.16.840.1.101.3.4.2.2': 'SHA-384',
    '2.16.840.1.101.3.4.2.3': 'SHA-512',
  };
  const name = names[algorithmOid];
  return name ? new Uint8Array(await globalThis.crypto.subtle.digest(name, toArrayBuffer(data))) : null;
}

/**
 * Verifies the PDF's last signature against the trusted roots (DER certificates). `valid` is the signature's own
 * validity (ByteRange, digest, CMS signature, timestamp); `trusted` whether its certificate chains to a root;
 * `modified` whether the file was changed after signing (bytes appended, or a byte of the signed range changed).
 */
export async function verifyPdf(pdf: Uint8Array, trustedRoots: Uint8Array[]): Promise<VerifyResult> {
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const signatures = findSignatures(latin1);
  const last = signatures[signatures.length - 1];
  if (!last) return { ...EMPTY, reason: 'the PDF has no signature' };
  const [a, b, c, d] = last.range;
  const result: VerifyResult = {
    ...EMPTY,
    dossierCode: readTextKey(last.dict, DOSSIER_KEY),
    resultId: readTextKey(last.dict, RESULT_ID_KEY),
  };
  const mDate = readTextKey(last.dict, 'M');
  const fromM = mDate ? parsePdfDate(mDate) : null;
  result.signedAt = fromM ? fromM.toISOString() : null;
  if (a !== 0 || b >= c || c + d > pdf.length) {
    return { ...result, modified: true, reason: 'the ByteRange does not fit the file' };
  }
  // Anything after the signed range was added after signing (another revision, or plain appended bytes).
  result.modified = c + d !== pdf.length;
  const der = contentsDer(latin1, b, c);
  if (!der) return { ...result, reason: 'the signature /Contents is not a DER hex string' };

  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { ...result, reason: 'the signature is not a CMS SignedData' };
  }
  const signerInfo = signedData.signerInfos[0];
  const certificates = (signedData.certificates ?? []).filter(
    (cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate,
  );
  if (!signerInfo) return { ...result, reason: 'the CMS has no signer' };

  const content = byteRangeContent(pdf, last.range);
  const digestAttr = signerInfo.signedAttrs?.attributes.find((attr) => attr.type === OID.messageDigest);
  const expected = digestAttr?.values[0] as asn1js.OctetString | undefined;
  const actual = await digestOf(signerInfo.digestAlgorithm.algorithmId, content);
  if (!expected || !actual) return { ...result, reason: 'the CMS has no message digest this verifier knows' };
  if (!Buffer.from(expected.valueBlock.valueHexView).equals(Buffer.from(actual))) {
    return { ...result, modified: true, reason: 'the document was changed after signing (digest mismatch)' };
  }

  let signerCertificate: pkijs.Certificate | null = null;
  try {
    const verified = await signedData.verify({
      signer: 0,
      data: toArrayBuffer(content),
      checkChain: false,
      extendedMode: true,
    });
    signerCertificate = verified.signerCertificate ?? null;
    if (!verified.signatureVerified) return { ...result, reason: 'the CMS signature does not verify' };
  } catch (error) {
    return { ...result, reason: `the CMS signature does not verify: ${(error as Error).message}` };
  }
  if (!signerCertificate) return { ...result, reason: "the signer's certificate is not in the CMS" };
  result.signer = nameAttribute(signerCertificate.subject, OID.commonName);
  result.unit =
    nameAttribute(signerCertificate.subject, OID.organization) ??
    nameAttribute(signerCertificate.subject, OID.organizationalUnit);

  const token = signerInfo.unsignedAttrs?.attributes.find((attr) => attr.type === OID.timeStampToken);
  if (token?.values[0]) {
    try {
      const at = await verifyTimestamp(
        token.values[0],
        new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
      );
      result.signedAt = at.toISOString();
    } catch (error) {
      return { ...result, reason: `the signature timestamp is not valid: ${(error as Error).message}` };
    }
  }

  result.trusted = await chainsToRoot(signerCertificate, certificates, trustedRoots, result.signedAt);
  return { ...result, valid: true };
}

async function chainsToRoot(
  signerCertificate: pkijs.Certificate,
  certificates: pkijs.Certificate[],
  trustedRoots: Uint8Array[],
  signedAt: string | null,
): Promise<boolean> {
  if (trustedRoots.length === 0) return false;
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: trustedRoots.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der))),
      // pkijs builds the path from the last certificate of `certs`: the signer's.
      certs: [...certificates.filter((cert) => cert !== signerCertificate), signerCertificate],
      ...(signedAt ? { checkDate: new Date(signedAt) } : {}),
    });
    const chain = await engine.verify();
    return chain.result;
  } catch {
    return false;
  }
}
