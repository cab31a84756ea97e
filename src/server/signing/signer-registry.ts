/**
 * Which signer signs for a unit or a leader. First the signers file (MOTCUA_SIGNERS_FILE: a PKCS#11 token or a
 * remote signing service, per account or unit; signers-config.ts), then the stored certificates: the account's own
 * active certificate, else the unit's. The `kind` of a stored row picks the implementation; pkcs12 opens the sealed
 * key material with MOTCUA_SIGNING_KEY.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { configuredSigners } from './signers-config.ts';
import type { Signer } from './signer.ts';
import { openKeyMaterial, signingKey, SigningKeyError } from './signing-key.ts';
import { findActiveCertificate, usernameOf } from './signing.repository.ts';
import type { SigningCertificateRow } from './signing.table.ts';

export interface SignerTarget {
  unitCode: string;
  /** A leader's account: their own certificate first, if they have one. */
  accountId?: string | null;
}

/** The active certificate row that would sign for the target (the account's, else the unit's); none: null. */
export async function certificateFor(
  db: Kysely<Database>,
  target: SignerTarget,
): Promise<SigningCertificateRow | null> {
  const own = target.accountId
    ? await findActiveCertificate(db, target.unitCode, target.accountId)
    : undefined;
  return own ?? (await findActiveCertificate(db, target.unitCode, null)) ?? null;
}

/** The Signer of a stored certificate row. */
export async function signerOf(row: SigningCertificateRow): Promise<Signer> {
  switch (row.kind) {
    case 'pkcs12': {
      const key = signingKey();
      if (!key)
        throw new SigningKeyError(
          'no signing key is configured (MOTCUA_SIGNING_KEY or MOTCUA_SIGNING_KEY_FILE)',
        );
      if (!row.encrypted_key) throw new SigningKeyError(`signing certificate ${row.id} has no key material`);
      // The ASN.1 and PKCS#12 code loads on the first signature (docs/PERFORMANCE.md, "Memory").
      const { pkcs12Signer } = await import('./pkcs12-signer.ts');
      return pkcs12Signer(openKeyMaterial(row.encrypted_key, key, row.fingerprint));
    }
    case 'pkcs11':
    case 'remote':
      throw new Error(`the ${row.kind} signer is not available in this build`);
  }
}

type ConfiguredSigners = ReturnType<typeof configuredSigners>;
let configured: ConfiguredSigners | null = null;

/** The signers of MOTCUA_SIGNERS_FILE, set once at start (bootstrap.ts); null: none configured. */
export function useConfiguredSigners(signers: ConfiguredSigners | null): void {
  configured = signers;
}

/**
 * The signer for a unit or a leader: the signers file's entry for the account, else for the unit; else the
 * account's own stored certificate, else the unit's; null when none has one.
 */
export async function signerFor(db: Kysely<Database>, target: SignerTarget): Promise<Signer | null> {
  if (configured) {
    const username = target.accountId ? await usernameOf(db, target.accountId) : undefined;
    const fromFile = configured.signerFor({ unitCode: target.unitCode, username });
    if (fromFile) return fromFile;
  }
  const row = await certificateFor(db, target);
  return row ? signerOf(row) : null;
}
