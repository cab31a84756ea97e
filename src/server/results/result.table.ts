import type { Insertable, Selectable } from 'kysely';

/** One version of a dossier's result document (migration 202612062200_dossier_results). Instants: epoch ms. */
export interface DossierResultTable {
  id: string; // the result's id: printed in the signed PDF and in its QR (`kq`)
  dossier_id: string;
  province_code: string;
  unit_code: string;
  version: number; // 1, 2, … per dossier
  sha256: string; // the file in the file store
  size: number;
  uploaded_by: string | null; // username; null when the system signed it
  uploaded_at: number;
  signed: number; // 1: the signed electronic result (made at approval); 0: a draft
  signer: string | null; // the certificate's subject name
  signed_at: number | null;
  cert_fingerprint: string | null; // SHA-256 of the signer's certificate (hex)
  source_version: number | null; // the draft version that was signed
  downloads: number; // by the citizen, with a one-time code
  first_downloaded_at: number | null;
}

export type DossierResultRow = Selectable<DossierResultTable>;
export type NewDossierResult = Insertable<DossierResultTable>;

/** A one-time code for the citizen's download of the signed result (stored hashed). */
export interface DossierResultCodeTable {
  id: string;
  dossier_id: string;
  province_code: string;
  unit_code: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  attempts: number;
  used_at: number | null;
}

export type DossierResultCodeRow = Selectable<DossierResultCodeTable>;
