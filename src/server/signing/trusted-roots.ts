/**
 * The roots a signature's certificate must chain to for `trusted`: the PEM bundle of MOTCUA_TRUSTED_ROOTS (the
 * licensed CAs' roots the operator chose), plus the demo root when the demo runs.
 */
import { readFileSync } from 'node:fs';
import { fromPemBundle } from './pem.ts';

/** The DER certificates of a PEM bundle file; an unreadable file or one without a certificate is an error. */
export function readRootsBundle(path: string): Uint8Array[] {
  const roots = fromPemBundle(readFileSync(path, 'utf8'));
  if (roots.length === 0) throw new Error(`${path}: no PEM certificate in the file`);
  return roots;
}

let current: Uint8Array[] = [];

/** Makes these DER certificates the roots this process trusts (bootstrap: MOTCUA_TRUSTED_ROOTS, plus the demo's). */
export function useTrustedRoots(roots: Uint8Array[]): void {
  current = roots.map((r) => new Uint8Array(r));
}

/** Adds a root (the demo's) to the trusted ones. */
export function addTrustedRoot(root: Uint8Array): void {
  if (!current.some((r) => Buffer.from(r).equals(Buffer.from(root))))
    current = [...current, new Uint8Array(root)];
}

/** The roots verifyPdf is given by the app (the public verification, the officers' views). */
export const trustedRoots = (): Uint8Array[] => current.map((r) => new Uint8Array(r));
