import { X509Certificate, webcrypto } from 'node:crypto';
import { ecdsaDerToRaw } from './ecdsa.ts';
import type { SignatureAlgorithm } from './signer.ts';

/**
 * The signature algorithm a certificate's public key calls for (RSA: RSA-SHA256; EC on P-256: ECDSA-P256-SHA256),
 * or undefined for any other key (another curve, DSA, Ed25519), which the PAdES code does not produce.
 */
export function algorithmOfCertificate(certificate: Uint8Array): SignatureAlgorithm | undefined {
  const key = new X509Certificate(certificate).publicKey;
  if (key.asymmetricKeyType === 'rsa') return 'RSA-SHA256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ECDSA-P256-SHA256';
  return undefined;
}

/**
 * Whether `signature` (as a Signer returns it: PKCS#1 v1.5, or DER Ecdsa-Sig-Value) over `data` was made by the key
 * of `certificate`, checked with WebCrypto. The token and remote signers check every signature they return, so a
 * key that does not belong to the certificate (a misconfigured token, a service answering for another key) fails
 * at signing time, not at the citizen's verification.
 */
export async function signatureMatchesCertificate(
  certificate: Uint8Array,
  algorithm: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const spki = new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
  const subtle = webcrypto.subtle;
  try {
    if (algorithm === 'RSA-SHA256') {
      const key = await subtle.importKey(
        'spki',
        spki,
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      return await subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data);
    }
    const key = await subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'verify',
    ]);
    return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, ecdsaDerToRaw(signature), data);
  } catch {
    // A key of another type than `algorithm`, or a signature that is not DER: not a match.
    return false;
  }
}
