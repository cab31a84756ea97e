/**
 * RFC 3161 signature timestamps: the client that asks a TSA to timestamp a signature value (ETSI EN 319 122-1's
 * signature-time-stamp), and the reading of a token's time when verifying.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, sha256, toArrayBuffer } from './cms.ts';

const TSA_TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export class TimestampError extends Error {}

/** Asks the TSA at `url` for a token over SHA-256(signatureValue); returns the TimeStampToken DER. */
export async function requestTimestamp(url: string, signatureValue: Uint8Array): Promise<Uint8Array> {
  const imprint = await sha256(signatureValue);
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(8));
  nonce[0]! &= 0x7f;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
    });
  } catch (error) {
    throw new TimestampError(`the TSA did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new TimestampError(`the TSA answered HTTP ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > MAX_RESPONSE_BYTES) throw new TimestampError('the TSA answer is too large');
  let parsed: pkijs.TimeStampResp;
  try {
    parsed = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
  } catch {
    throw new TimestampError('the TSA answer is not a TimeStampResp');
  }
  const status = parsed.status.status;
  if ((status !== 0 && status !== 1) || !parsed.timeStampToken) {
    throw new TimestampError(`the TSA refused the request (status ${status})`);
  }
  const info = tokenInfo(parsed.timeStampToken);
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(imprint))) {
    throw new TimestampError('the TSA timestamped something else');
  }
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(Buffer.from(nonce))) {
    throw new TimestampError('the TSA answer does not carry our nonce');
  }
  return new Uint8Array(parsed.timeStampToken.toSchema().toBER(false));
}

/** The TSTInfo inside a TimeStampToken (a ContentInfo holding a SignedData). */
export function tokenInfo(token: pkijs.ContentInfo): pkijs.TSTInfo {
  const signed = new pkijs.SignedData({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new TimestampError('the timestamp token has no content');
  return pkijs.TSTInfo.fromBER(content.getValue());
}

/**
 * Checks a timestamp token taken from a signature's unsigned attributes: it is over this signature value and its
 * own signature verifies. Returns the time it states.
 */
export async function verifyTimestamp(
  tokenSchema: asn1js.AsnType,
  signatureValue: Uint8Array,
): Promise<Date> {
  const token = new pkijs.ContentInfo({ schema: tokenSchema });
  const info = tokenInfo(token);
  const imprint = await sha256(signatureValue);
  if (info.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) {
    // Another digest: recompute with it.
    const name = pkijs
      .getCrypto(true)
      .getAlgorithmByOID(info.messageImprint.hashAlgorithm.algorithmId, true, 'hash');
    const digest = new Uint8Array(
      await globalThis.crypto.subtle.digest((name as { name: string }).name, toArrayBuffer(signatureValue)),
    );
    if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) {
      throw new TimestampError('the timestamp is not over this signature');
    }
  } else if (
    !Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(imprint))
  ) {
    throw new TimestampError('the timestamp is not over this signature');
  }
  const signed = new pkijs.SignedData({ schema: token.content });
  // pkijs checks the TSTInfo's imprint against `data` (the timestamped signature value), then the token's signature.
  const ok = await signed
    .verify({ signer: 0, data: toArrayBuffer(signatureValue), checkChain: false })
    .catch(() => false);
  if (!ok) throw new TimestampError("the timestamp token's signature does not verify");
  return info.genTime;
}
