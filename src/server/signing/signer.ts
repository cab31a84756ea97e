/**
 * A signer holds (or reaches) one private key and its certificate chain. The PAdES code in pades.ts builds the CMS
 * around it; a signer only signs the DER of the signed attributes. Three kinds: a PKCS#12 file stored encrypted at
 * rest (pkcs12-signer.ts), a PKCS#11 token, and a remote signing service.
 */
export type SignatureAlgorithm = 'RSA-SHA256' | 'ECDSA-P256-SHA256';

export interface Signer {
  readonly kind: 'pkcs12' | 'pkcs11' | 'remote';
  readonly algorithm: SignatureAlgorithm;
  /** DER certificates, the signer's own first, then its chain (the root may be omitted). */
  certificates(): Promise<Uint8Array[]>;
  /** Signs `data` (the DER of the CMS signed attributes) with the signer's private key; returns the raw signature
   *  (PKCS#1 v1.5 for RSA; for ECDSA the DER-encoded Ecdsa-Sig-Value, as CMS wants). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}
