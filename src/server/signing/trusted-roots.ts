/**
 * The roots a signature's certificate must chain to for `trusted`: the PEM bundle of MOTCUA_TRUSTED_ROOTS (the
 * licensed CAs' roots the operator chose), plus the demo root when the demo runs.
 */
import { readFileSync } from 'node:fs';
import { fromPemBundle } from './demo-pki.ts';

/** The DER certificates of a PEM bundle file; an unreadable file or one without a certificate is an error. */
export function readRootsBundle(path: string): Uint8Array[] {
  const roots = fromPemBundle(readFileSync(path, 'utf8'));
  if (roots.length === 0) throw new Error(`${path}: no PEM certificate in the file`);
  return roots;
}
