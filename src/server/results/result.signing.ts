/**
 * The seam between the app and the signing library (src/server/signing, issue 13 item 2): who signs a unit's
 * results, how a PDF is signed, how one is verified against the configured roots. The app reaches signing only
 * through `app.signing` (a `ResultSigning`), so the routes and services here do not depend on how keys are held
 * (PKCS#12, PKCS#11 token, remote service) and tests can run the app with a signer of their own.
 *
 * The shapes below restate signing/pades.ts (SignOptions, VerifyResult) and signing/signer.ts (Signer).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface Signer {
  readonly kind: 'pkcs12' | 'pkcs11' | 'remote';
  readonly algorithm: 'RSA-SHA256' | 'ECDSA-P256-SHA256';
  certificates(): Promise<Uint8Array[]>;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface SignOptions {
  signedAt: Date;
  signerName: string;
  unitName: string;
  reason?: string;
  location?: string;
  dossierCode?: string;
  resultId?: string;
  tsaUrl?: string;
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
  reason?: string;
}

/** A signer and what the result's row records of it. */
export interface ResultSigner {
  signer: Signer;
  /** The certificate subject's common name ("Nguyễn Văn Bình", "UBND xã Di Linh"). */
  name: string;
  /** SHA-256 of the signer's certificate (DER), hex. */
  fingerprint: string;
}

export interface ResultSigning {
  /** The leader's own certificate, else the unit's; null when neither is configured (results stay unsigned). */
  signerFor(
    db: Kysely<Database>,
    who: { unitCode: string; accountId?: string },
  ): Promise<ResultSigner | null>;
  signPdf(pdf: Uint8Array, signer: Signer, options: SignOptions): Promise<Uint8Array>;
  /** Verifies the PDF's signature against the configured trusted roots. */
  verifyPdf(pdf: Uint8Array): Promise<VerifyResult>;
}

/**
 * No signing configured: no unit has a signer, so approvals leave results unsigned, and a verification answers
 * "not valid" with the reason. The default until the signing library is wired in (app.ts).
 */
export const NO_SIGNING: ResultSigning = {
  signerFor: () => Promise.resolve(null),
  signPdf: () => Promise.reject(new Error('no signing configured')),
  verifyPdf: () =>
    Promise.resolve({
      valid: false,
      signer: null,
      unit: null,
      signedAt: null,
      modified: false,
      trusted: false,
      dossierCode: null,
      resultId: null,
      reason: 'signing is not configured on this server',
    }),
};
