/**
 * The seam between the app and the signing library (src/server/signing, issue 13 item 2): who signs a unit's
 * results, how a PDF is signed, how one is verified against the configured roots. The app reaches signing only
 * through `app.signing` (a `ResultSigning`), so the routes and services here do not depend on how keys are held
 * (PKCS#12, PKCS#11 token, remote service) and tests can run the app with a signer of their own.
 *
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SignOptions, VerifyResult } from '../signing/pades.ts';
import type { Signer } from '../signing/signer.ts';
import { signerFor as registrySignerFor } from '../signing/signer-registry.ts';
import { readRootsBundle, trustedRoots } from '../signing/trusted-roots.ts';
import type { AppConfig } from '../config.ts';

export type { SignOptions, Signer, VerifyResult };

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

/** How the library finds a unit's or a leader's signer, and the roots a verification trusts. */
export interface SigningSources {
  signerFor(db: Kysely<Database>, who: { unitCode: string; accountId?: string }): Promise<Signer | null>;
  trustedRoots(): Promise<Uint8Array[]>;
  /** An RFC 3161 time-stamping service (MOTCUA_TSA_URL). */
  tsaUrl?: string;
}

/** The subject's common name and the SHA-256 fingerprint of the signer's own certificate. */
export async function describeSigner(signer: Signer): Promise<ResultSigner> {
  const [own] = await signer.certificates();
  if (!own) throw new Error('the signer has no certificate');
  // The signing code (pkijs, pdf-lib, fontkit) loads on first use: a server that never signs never pays its memory.
  const { nameAttribute, OID, parseCertificate } = await import('../signing/cms.ts');
  const subject = parseCertificate(own).subject;
  const name = nameAttribute(subject, OID.commonName) ?? nameAttribute(subject, OID.organization) ?? '';
  return { signer, name, fingerprint: createHash('sha256').update(own).digest('hex') };
}

/** The signing library (signing/pades.ts) behind the seam. */
export function libraryResultSigning(sources: SigningSources): ResultSigning {
  return {
    async signerFor(db, who) {
      const signer = await sources.signerFor(db, who);
      return signer ? describeSigner(signer) : null;
    },
    signPdf: async (pdf, signer, options) =>
      (await import('../signing/pades.ts')).signPdf(
        pdf,
        signer,
        sources.tsaUrl ? { tsaUrl: sources.tsaUrl, ...options } : options,
      ),
    verifyPdf: async (pdf) =>
      (await import('../signing/pades.ts')).verifyPdf(pdf, await sources.trustedRoots()),
  };
}

/**
 * The app's signing from its settings: who signs a unit's results from the signer registry (the leader's own active
 * certificate, else the unit's; signing/signer-registry.ts), verification against the process's trusted roots
 * (bootstrap: MOTCUA_TRUSTED_ROOTS and the demo root; signing/trusted-roots.ts) and, when given here, the bundle of
 * MOTCUA_TRUSTED_ROOTS read at start (a bad file stops the server); time-stamps from MOTCUA_TSA_URL.
 */
export function configuredSigning(
  config: Pick<AppConfig, 'MOTCUA_TRUSTED_ROOTS' | 'MOTCUA_TSA_URL'>,
): ResultSigning {
  const configured = config.MOTCUA_TRUSTED_ROOTS ? readRootsBundle(config.MOTCUA_TRUSTED_ROOTS) : [];
  return libraryResultSigning({
    signerFor: (db, who) => registrySignerFor(db, who),
    trustedRoots: () => Promise.resolve([...configured, ...trustedRoots()]),
    tsaUrl: config.MOTCUA_TSA_URL,
  });
}
