/** The certificates of a PEM bundle, DER each (no ASN.1 library: read at start without loading the signing code). */
export function fromPemBundle(pem: string): Uint8Array[] {
  const found = pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g);
  return [...found].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}
