import type { Signer } from './signer.ts';

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

/** Signs a PDF with a PAdES (ETSI.CAdES.detached) signature. */
export function signPdf(_pdf: Uint8Array, _signer: Signer, _options: SignOptions): Promise<Uint8Array> {
  return Promise.reject(new Error('not implemented'));
}

/** Verifies the PDF's last signature against the trusted roots (DER). */
export function verifyPdf(_pdf: Uint8Array, _trustedRoots: Uint8Array[]): Promise<VerifyResult> {
  return Promise.reject(new Error('not implemented'));
}
