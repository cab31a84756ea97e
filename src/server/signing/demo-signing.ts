/**
 * The demo's signing: a local root CA "MộtCửa Demo Root CA" and, for each demo commune and each demo leader, a
 * certificate named in Vietnamese, stored like an uploaded PKCS#12 (sealed under the demo's signing key), so the
 * demo signs through the same code path as a real server. The root's certificate is written beside the demo's
 * database (`<db>.demo-root-ca.pem`) and trusted while the demo runs; its private key is not kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  createRootCa,
  DEMO_ROOT_NAME,
  fromPemBundle,
  issueCertificate,
  keyMaterial,
  toPem,
  type IssuedCertificate,
} from './demo-pki.ts';
import { storeKeyMaterial } from './signing.service.ts';
import { findActiveCertificate } from './signing.repository.ts';

export interface DemoSigner {
  unitCode: string;
  provinceCode: string;
  unitName: string;
  /** A leader's account and full name; absent: the unit's own certificate. */
  account?: { id: string; displayName: string };
}

const ROOT_DAYS = 3650;
const SIGNER_DAYS = 730;

/**
 * Issues and stores the demo's certificates, unless the first unit already has one. Returns the root certificate
 * (DER) to trust: the new one, or the one in `rootFile` from an earlier start (null if that file is gone).
 */
export async function seedDemoSigning(
  db: Kysely<Database>,
  signers: DemoSigner[],
  options: { key: Buffer; now: number; rootFile: string },
): Promise<Uint8Array | null> {
  const first = signers[0];
  if (!first) return null;
  if (await findActiveCertificate(db, first.unitCode, null)) {
    return existsSync(options.rootFile)
      ? (fromPemBundle(readFileSync(options.rootFile, 'utf8'))[0] ?? null)
      : null;
  }
  const { now, key } = options;
  const root = await createRootCa(
    { commonName: DEMO_ROOT_NAME, organization: 'MộtCửa' },
    { now, days: ROOT_DAYS },
  );
  const issued: { s: DemoSigner; cert: IssuedCertificate }[] = [];
  for (const s of signers) {
    const subject = s.account
      ? { commonName: s.account.displayName, organization: s.unitName }
      : { commonName: s.unitName, organization: s.unitName };
    issued.push({ s, cert: await issueCertificate(root, subject, { now, days: SIGNER_DAYS }) });
  }
  await db.transaction().execute(async (trx) => {
    for (const { s, cert } of issued) {
      await storeKeyMaterial(
        trx,
        {
          material: keyMaterial(cert, root),
          unitCode: s.unitCode,
          provinceCode: s.provinceCode,
          accountId: s.account?.id ?? null,
          createdBy: null,
        },
        key,
        now,
      );
    }
  });
  writeFileSync(options.rootFile, toPem(root.certificate));
  return root.certificate;
}
