import type { Insertable, Selectable } from 'kysely';
import type { Signer } from './signer.ts';

export interface SigningCertificateTable {
  id: string;
  kind: Signer['kind'];
  province_code: string;
  unit_code: string;
  /** A leader's own certificate; null: the unit's. */
  account_id: string | null;
  subject: string;
  issuer: string;
  serial: string; // hex
  not_before: number;
  not_after: number;
  fingerprint: string; // SHA-256 hex of the certificate DER
  /** PEM chain, the certificate first. */
  certificate: string;
  /** pkcs12: signing-key.ts sealKeyMaterial, under MOTCUA_SIGNING_KEY. */
  encrypted_key: string | null;
  /** pkcs11 / remote: their settings, JSON. */
  settings: string | null;
  created_by: string | null;
  created_at: number;
  /** Set when a newer upload for the same unit and account took its place. */
  replaced_at: number | null;
}

export type SigningCertificateRow = Selectable<SigningCertificateTable>;
export type NewSigningCertificate = Insertable<SigningCertificateTable>;
