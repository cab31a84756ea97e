/**
 * The PKCS#12 signer: a .p12/.pfx an admin uploads (or the demo PKI makes) read with pkijs into its private key
 * (PKCS#8) and certificate chain, then a Signer that signs with WebCrypto. What is kept at rest is that key
 * material, encrypted (signing-key-store.ts), not the file and never its password.
 */
import * as pkijs from 'pkijs';
import { ecdsaRawToDer, OID, parseCertificate, toArrayBuffer } from './cms.ts';
import type { SignatureAlgorithm, Signer } from './signer.ts';

/** A private key (PKCS#8 DER) and its certificates (DER, the key's own first). */
export interface KeyMaterial {
  privateKey: Uint8Array;
  certificates: Uint8Array[];
}

export type Pkcs12ErrorCode =
  'not_pkcs12' | 'bad_password' | 'no_key' | 'no_certificate' | 'key_mismatch' | 'unsupported_key';

export class Pkcs12Error extends Error {
  readonly code: Pkcs12ErrorCode;
  constructor(code: Pkcs12ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const X509_CERT = '1.2.840.113549.1.9.22.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';

/** Reads a PKCS#12 file: its (first) private key and the certificates, the one matching the key first. */
export async function readPkcs12(p12: Uint8Array, password: string): Promise<KeyMaterial> {
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  } catch {
    throw new Pkcs12Error('not_pkcs12', 'not a PKCS#12 file');
  }
  const pw = toArrayBuffer(Buffer.from(password, 'utf8'));
  const safes: pkijs.SafeContents[] = [];
  try {
    await pfx.parseInternalValues({ password: pw, checkIntegrity: true });
    const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
    if (!authenticatedSafe) throw new Error('no authenticated safe');
    await authenticatedSafe.parseInternalValues({
      safeContents: authenticatedSafe.safeContents.map(() => ({ password: pw })),
    });
    for (const content of (authenticatedSafe.parsedValue as { safeContents: { value: pkijs.SafeContents }[] })
      .safeContents) {
      safes.push(content.value);
    }
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/integrity|decrypt|password|padding|operation/i.test(message) || error instanceof DOMException) {
      throw new Pkcs12Error('bad_password', 'wrong password (or an encryption this reader does not support)');
    }
    throw new Pkcs12Error('not_pkcs12', `the PKCS#12 file cannot be read: ${message}`);
  }

  let key: pkijs.PrivateKeyInfo | undefined;
  const certificates: pkijs.Certificate[] = [];
  for (const safe of safes) {
    for (const bag of safe.safeBags) {
      if (bag.bagId === BAG.shroudedKey && !key) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          await (
            shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
          ).parseInternalValues({ password: pw });
        } catch {
          throw new Pkcs12Error('bad_password', 'wrong password for the private key');
        }
        key = shrouded.parsedValue;
      } else if (bag.bagId === BAG.key && !key) {
        key = bag.bagValue as pkijs.PrivateKeyInfo;
      } else if (bag.bagId === BAG.cert) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === X509_CERT && certBag.parsedValue instanceof pkijs.Certificate) {
          certificates.push(certBag.parsedValue);
        }
      }
    }
  }
  if (!key) throw new Pkcs12Error('no_key', 'the PKCS#12 file holds no private key');
  if (certificates.length === 0)
    throw new Pkcs12Error('no_certificate', 'the PKCS#12 file holds no certificate');
  const privateKey = new Uint8Array(key.toSchema().toBER(false));
  const ders = certificates.map((c) => new Uint8Array(c.toSchema().toBER(false)));
  const ownIndex = await indexOfKeyCertificate(privateKey, ders);
  if (ownIndex < 0)
    throw new Pkcs12Error('key_mismatch', 'no certificate in the file matches the private key');
  const own = ders[ownIndex]!;
  return {
    privateKey,
    certificates: [
      own,
      ...orderChain(
        own,
        ders.filter((_, i) => i !== ownIndex),
      ),
    ],
  };
}

/** The issuers of `own` in order (issuer, its issuer, …), then whatever else the file held. */
function orderChain(own: Uint8Array, rest: Uint8Array[]): Uint8Array[] {
  const parsed = rest.map((der) => ({ der, cert: parseCertificate(der) }));
  const ordered: Uint8Array[] = [];
  let current = parseCertificate(own);
  for (;;) {
    const issuer = parsed.find((p) => !ordered.includes(p.der) && p.cert.subject.isEqual(current.issuer));
    if (!issuer || issuer.cert.subject.isEqual(current.subject)) break;
    ordered.push(issuer.der);
    current = issuer.cert;
  }
  return [...ordered, ...parsed.map((p) => p.der).filter((der) => !ordered.includes(der))];
}

function keyAlgorithm(privateKey: Uint8Array): SignatureAlgorithm {
  const info = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(privateKey));
  const oid = info.privateKeyAlgorithm.algorithmId;
  if (oid === OID.rsaEncryption) return 'RSA-SHA256';
  if (oid === EC_PUBLIC_KEY) {
    const curve = (
      info.privateKeyAlgorithm.algorithmParams as { valueBlock?: { toString(): string } } | undefined
    )?.valueBlock?.toString();
    if (curve === P256) return 'ECDSA-P256-SHA256';
  }
  throw new Pkcs12Error('unsupported_key', 'only RSA and ECDSA P-256 keys are supported');
}

const IMPORT: Record<SignatureAlgorithm, RsaHashedImportParams | EcKeyImportParams> = {
  'RSA-SHA256': { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  'ECDSA-P256-SHA256': { name: 'ECDSA', namedCurve: 'P-256' },
};

async function publicJwk(spkiOrKey: CryptoKey): Promise<string> {
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', spkiOrKey);
  return JSON.stringify([jwk.n, jwk.e, jwk.x, jwk.y]);
}

/** Which certificate carries the public half of this private key; -1 if none. */
async function indexOfKeyCertificate(privateKey: Uint8Array, certificates: Uint8Array[]): Promise<number> {
  const algorithm = keyAlgorithm(privateKey);
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    toArrayBuffer(privateKey),
    IMPORT[algorithm],
    true,
    ['sign'],
  );
  const own = await publicJwk(key);
  for (const [i, der] of certificates.entries()) {
    const spki = parseCertificate(der).subjectPublicKeyInfo.toSchema().toBER(false);
    try {
      const pub = await globalThis.crypto.subtle.importKey('spki', spki, IMPORT[algorithm], true, ['verify']);
      if ((await publicJwk(pub)) === own) return i;
    } catch {
      // another kind of key: not this one
    }
  }
  return -1;
}

/** A Signer over key material (from a PKCS#12 file, or the demo PKI). */
export async function pkcs12Signer(material: KeyMaterial): Promise<Signer> {
  const algorithm = keyAlgorithm(material.privateKey);
  if ((await indexOfKeyCertificate(material.privateKey, material.certificates.slice(0, 1))) !== 0) {
    throw new Pkcs12Error('key_mismatch', 'the certificate does not match the private key');
  }
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    toArrayBuffer(material.privateKey),
    IMPORT[algorithm],
    false,
    ['sign'],
  );
  const certificates = material.certificates.map((c) => new Uint8Array(c));
  return {
    kind: 'pkcs12',
    algorithm,
    certificates: () => Promise.resolve(certificates.map((c) => new Uint8Array(c))),
    async sign(data) {
      if (algorithm === 'RSA-SHA256') {
        return new Uint8Array(
          await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, toArrayBuffer(data)),
        );
      }
      const raw = await globalThis.crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        toArrayBuffer(data),
      );
      return ecdsaRawToDer(new Uint8Array(raw));
    },
  };
}

/** Reads a PKCS#12 file and returns its Signer. */
export async function loadPkcs12Signer(p12: Uint8Array, password: string): Promise<Signer> {
  return pkcs12Signer(await readPkcs12(p12, password));
}
