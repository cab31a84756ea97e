/**
 * Storing signing certificates: an admin's PKCS#12 upload (or the demo PKI's certificates) checked, its key
 * material sealed under MOTCUA_SIGNING_KEY, recorded as the active certificate of a unit or a leader, audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type * as pkijs from 'pkijs';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/schema.ts';
import { invalidField } from '../platform/app-error.ts';
import { nameAttribute, OID, parseCertificate, sha256 } from './cms.ts';
import { toPem } from './demo-pki.ts';
import { Pkcs12Error, pkcs12Signer, readPkcs12, type KeyMaterial } from './pkcs12-signer.ts';
import { sealKeyMaterial } from './signing-key.ts';
import './signing.messages.ts';
import { insertActiveCertificate } from './signing.repository.ts';

type Db = Kysely<Database>;

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '0.9.2342.19200300.100.1.1': 'UID',
};

function distinguishedName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((t) => {
      const value = (t.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      return `${SHORT_NAMES[t.type] ?? t.type}=${typeof value === 'string' ? value : '?'}`;
    })
    .reverse()
    .join(', ');
}

export interface CertificateDescription {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: number;
  notAfter: number;
  fingerprint: string;
  commonName: string | null;
  /** O, else OU: the unit a signature names. */
  organization: string | null;
}

/** What a certificate says about its holder, its issuer and its validity. */
export async function describeCertificate(der: Uint8Array): Promise<CertificateDescription> {
  const cert = parseCertificate(der);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serial: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value.getTime(),
    notAfter: cert.notAfter.value.getTime(),
    fingerprint: Buffer.from(await sha256(der)).toString('hex'),
    commonName: nameAttribute(cert.subject, OID.commonName),
    organization:
      nameAttribute(cert.subject, OID.organization) ?? nameAttribute(cert.subject, OID.organizationalUnit),
  };
}

export interface StoreInput {
  material: KeyMaterial;
  unitCode: string;
  provinceCode: string;
  accountId: string | null;
  createdBy: string | null;
}

/**
 * Records key material as the active pkcs12 certificate of its unit (or account), sealed under `key`; the one
 * active before is kept, replaced. Returns the row's id and the certificate's description. Inside a transaction.
 */
export async function storeKeyMaterial(
  trx: Db,
  input: StoreInput,
  key: Buffer,
  now: number,
): Promise<{ id: string; certificate: CertificateDescription }> {
  const own = input.material.certificates[0];
  if (!own) throw new Error('no certificate');
  const certificate = await describeCertificate(own);
  const id = randomUUID();
  await insertActiveCertificate(
    trx,
    {
      id,
      kind: 'pkcs12',
      province_code: input.provinceCode,
      unit_code: input.unitCode,
      account_id: input.accountId,
      subject: certificate.subject,
      issuer: certificate.issuer,
      serial: certificate.serial,
      not_before: certificate.notBefore,
      not_after: certificate.notAfter,
      fingerprint: certificate.fingerprint,
      certificate: input.material.certificates.map((c) => toPem(c)).join(''),
      encrypted_key: sealKeyMaterial(input.material, key, certificate.fingerprint),
      settings: null,
      created_by: input.createdBy,
      created_at: now,
      replaced_at: null,
    },
    now,
  );
  return { id, certificate };
}

const PKCS12_RULE: Record<Pkcs12Error['code'], { path: string; rule: string }> = {
  not_pkcs12: { path: 'p12', rule: 'signing.not_pkcs12' },
  bad_password: { path: 'password', rule: 'signing.bad_password' },
  no_key: { path: 'p12', rule: 'signing.no_key' },
  no_certificate: { path: 'p12', rule: 'signing.no_certificate' },
  key_mismatch: { path: 'p12', rule: 'signing.key_mismatch' },
  unsupported_key: { path: 'p12', rule: 'signing.unsupported_key' },
};

/** Reads an uploaded PKCS#12; its problems are 400s naming the field and the rule. */
export async function readUpload(p12: Uint8Array, password: string, now: number): Promise<KeyMaterial> {
  let material: KeyMaterial;
  try {
    material = await readPkcs12(p12, password);
    await pkcs12Signer(material); // the key imports and matches its certificate
  } catch (error) {
    if (!(error instanceof Pkcs12Error)) throw error;
    const { path, rule } = PKCS12_RULE[error.code];
    throw invalidField(path, rule, `@${rule}`);
  }
  const certificate = await describeCertificate(material.certificates[0]!);
  if (now > certificate.notAfter) throw invalidField('p12', 'signing.expired', '@signing.expired');
  if (now < certificate.notBefore)
    throw invalidField('p12', 'signing.not_yet_valid', '@signing.not_yet_valid');
  return material;
}

/** Stores an uploaded certificate and audits it, in the caller's transaction. */
export async function uploadCertificate(
  trx: Db,
  actor: Actor,
  input: Omit<StoreInput, 'createdBy'>,
  key: Buffer,
  now: number,
  ip: string | null,
): Promise<{ id: string; certificate: CertificateDescription }> {
  const stored = await storeKeyMaterial(trx, { ...input, createdBy: actor.username }, key, now);
  await appendAudit(
    trx,
    {
      actor,
      action: 'signing.certificate_upload',
      targetType: 'signing_certificate',
      targetId: stored.id,
      unitCode: input.unitCode,
      provinceCode: input.provinceCode,
      ip,
      details: {
        accountId: input.accountId,
        subject: stored.certificate.subject,
        issuer: stored.certificate.issuer,
        fingerprint: stored.certificate.fingerprint,
        notAfter: new Date(stored.certificate.notAfter).toISOString(),
      },
    },
    now,
  );
  return stored;
}
