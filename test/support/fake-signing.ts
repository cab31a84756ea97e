/**
 * A stand-in for the signing library in app-level tests of results (results/result.signing.ts is the seam): it
 * "signs" by appending a comment that carries the options and the SHA-256 of every byte before it, and verifies
 * by recomputing that hash, so a changed byte is caught and the app's flow (what is signed, stored, matched,
 * downloaded) is tested without a certificate. The real PAdES signature is tested in src/server/signing.
 */
import { createHash } from 'node:crypto';
import type {
  ResultSigning,
  SignOptions,
  Signer,
  VerifyResult,
} from '../../src/server/results/result.signing.ts';

const MARK = '\n%FAKE-SIGNATURE ';

export interface FakeSigning extends ResultSigning {
  /** Units (and accounts) that have a certificate; others get null from signerFor. */
  certified: Set<string>;
  /** When set, signPdf fails with it (a token pulled out, a remote service down). */
  failWith: Error | null;
  /** Called while signing (tests replace a draft meanwhile). */
  duringSign: (() => Promise<void>) | null;
  signed: SignOptions[];
}

const signer: Signer = {
  kind: 'pkcs12',
  algorithm: 'RSA-SHA256',
  certificates: () => Promise.resolve([]),
  sign: () => Promise.resolve(new Uint8Array()),
};

export function fakeSigning(): FakeSigning {
  const fake: FakeSigning = {
    certified: new Set(),
    failWith: null,
    duringSign: null,
    signed: [],
    signerFor(_db, who) {
      const key = fake.certified.has(who.accountId ?? '') ? who.accountId! : who.unitCode;
      if (!fake.certified.has(key)) return Promise.resolve(null);
      const name = key === who.unitCode ? `UBND xã ${who.unitCode}` : 'Nguyễn Văn Bình';
      return Promise.resolve({
        signer,
        name,
        fingerprint: createHash('sha256').update(name).digest('hex'),
      });
    },
    async signPdf(pdf, _signer, options) {
      if (fake.duringSign) await fake.duringSign();
      if (fake.failWith) throw fake.failWith;
      fake.signed.push(options);
      const body = Buffer.from(pdf);
      const claim = {
        sha256: createHash('sha256').update(body).digest('hex'),
        signer: options.signerName,
        unit: options.unitName,
        signedAt: options.signedAt.toISOString(),
        dossierCode: options.dossierCode ?? null,
        resultId: options.resultId ?? null,
      };
      return Buffer.concat([
        body,
        Buffer.from(`${MARK}${Buffer.from(JSON.stringify(claim)).toString('base64')}\n`),
      ]);
    },
    verifyPdf(pdf) {
      const bytes = Buffer.from(pdf);
      const at = bytes.lastIndexOf(MARK);
      const none: VerifyResult = {
        valid: false,
        signer: null,
        unit: null,
        signedAt: null,
        modified: false,
        trusted: false,
        dossierCode: null,
        resultId: null,
        reason: 'no signature',
      };
      if (at < 0) return Promise.resolve(none);
      let claim: Record<string, string | null>;
      try {
        const line = bytes
          .subarray(at + MARK.length)
          .toString('latin1')
          .trim();
        claim = JSON.parse(Buffer.from(line, 'base64').toString('utf8')) as Record<string, string | null>;
      } catch {
        return Promise.resolve({ ...none, reason: 'damaged signature' });
      }
      const modified = createHash('sha256').update(bytes.subarray(0, at)).digest('hex') !== claim.sha256;
      return Promise.resolve({
        valid: !modified,
        signer: claim.signer ?? null,
        unit: claim.unit ?? null,
        signedAt: claim.signedAt ?? null,
        modified,
        trusted: true,
        dossierCode: claim.dossierCode ?? null,
        resultId: claim.resultId ?? null,
        ...(modified ? { reason: 'the document was changed after signing' } : {}),
      });
    },
  };
  return fake;
}
