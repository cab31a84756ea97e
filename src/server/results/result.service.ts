/**
 * The result document of a dossier (docs/ELECTRONIC-RESULTS.md): the draft a specialist or leader uploads while the
 * dossier is processed, the signed version made when the leader approves, and the citizen's download of the
 * signed result with a one-time code. Time is always a parameter.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { can } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { FileStore } from '../attachments/file-store.ts';
import type { Database } from '../db/schema.ts';
import type { DossierRow } from '../dossiers/dossier.table.ts';
import { AppError, invalidField, ruleViolation } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { findUnitByCode } from '../units/unit.service.ts';
import './result.messages.ts';
import * as repo from './result.repository.ts';
import { verificationUrl } from './result.url.ts';
import type { ResultSigning } from './result.signing.ts';
import type { DossierResultRow } from './result.table.ts';

type Db = Kysely<Database>;

/** The statuses in which a draft result may be attached or replaced: while the dossier is processed. */
export const DRAFT_STATUSES: readonly string[] = ['processing', 'awaiting_approval'];

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The upload must be a PDF by content: it starts with `%PDF-`, pdf-lib parses it, and it is not encrypted (a
 * signature over an encrypted file cannot be checked by the citizen's reader). 400 naming the body otherwise.
 */
export async function checkPdf(bytes: Buffer): Promise<void> {
  if (bytes.length === 0) throw invalidField('(body)', 'file.empty', '@file.empty');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw invalidField('(body)', 'result.not_pdf', '@result.not_pdf');
  let encrypted: boolean;
  let pages: number;
  try {
    // pdf-lib loads on first use (docs/PERFORMANCE.md, "Memory"): a server that never takes a result never pays for it.
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    encrypted = doc.isEncrypted;
    pages = encrypted ? 1 : doc.getPageCount();
  } catch {
    throw invalidField('(body)', 'result.unreadable', '@result.unreadable');
  }
  if (encrypted) throw invalidField('(body)', 'result.encrypted', '@result.encrypted');
  if (pages === 0) throw invalidField('(body)', 'result.unreadable', '@result.unreadable');
}

/**
 * Who may attach or replace the draft: the unit's leader (and the administrator), or the specialist the dossier is
 * assigned to (the processing policy and the assignment). The dossier's result answer carries it as an ability.
 */
export function mayDraftResult(
  actor: Actor,
  d: Pick<DossierRow, 'province_code' | 'unit_code' | 'assignee_id'>,
) {
  const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
  return (
    can(actor, 'dossier.decide', tenant) ||
    (can(actor, 'dossier.process', tenant) && d.assignee_id === actor.id)
  );
}

/** Records a new draft version (the file already in the store), audited, in `trx`. */
export async function recordDraft(
  trx: Db,
  actor: Actor,
  d: DossierRow,
  file: { sha256: string; size: number },
  ctx: { now: number; ip?: string },
): Promise<DossierResultRow> {
  const latest = await repo.latestResult(trx, d.id);
  if (latest?.signed) throw ruleViolation('result.already_signed');
  const row: DossierResultRow = {
    id: randomUUID(),
    dossier_id: d.id,
    province_code: d.province_code,
    unit_code: d.unit_code,
    version: (latest?.version ?? 0) + 1,
    sha256: file.sha256,
    size: file.size,
    uploaded_by: actor.username,
    uploaded_at: ctx.now,
    signed: 0,
    signer: null,
    signed_at: null,
    cert_fingerprint: null,
    source_version: null,
    downloads: 0,
    first_downloaded_at: null,
  };
  await repo.insertResult(trx, row);
  await appendAudit(
    trx,
    {
      actor,
      action: 'dossier.result_draft',
      targetType: 'dossier',
      targetId: d.code,
      unitCode: d.unit_code,
      provinceCode: d.province_code,
      ip: ctx.ip,
      details: {
        version: row.version,
        sha256: row.sha256,
        size: row.size,
        replaces: latest?.version ?? null,
      },
    },
    ctx.now,
  );
  return row;
}

/** A signed result made before the approval's transaction, to be recorded in it. */
export interface PreparedSignature {
  id: string;
  sha256: string;
  size: number;
  signer: string;
  fingerprint: string;
  signedAt: number;
  draftVersion: number;
}

export interface SigningDeps {
  db: Db;
  files: FileStore;
  signing: ResultSigning;
  /** The public site's address, for the verification QR drawn on the result's first page. */
  publicBaseUrl?: string;
}

/**
 * Signs the dossier's draft result for the leader's approval, before the approval's transaction (signing is CPU
 * or token work, never inside a write). Null when there is nothing to sign: the approval would not pass anyway
 * (wrong status: the action answers why), there is no draft, or no certificate is configured for the leader or
 * the unit (the result stays unsigned and the dossier page says so). A signer's failure is a 502 SIGNING_FAILED
 * and nothing is written.
 */
export async function prepareSignature(
  deps: SigningDeps,
  actor: Actor,
  d: DossierRow,
  now: number,
): Promise<PreparedSignature | null> {
  const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
  if (d.status !== 'awaiting_approval' || !can(actor, 'dossier.decide', tenant)) return null;
  const draft = await repo.latestResult(deps.db, d.id);
  if (!draft || draft.signed) return null;
  const failed = (e: unknown, kind: string) =>
    new AppError('SIGNING_FAILED', { cause: e, details: { dossier: d.code, signer: kind } });
  let who: Awaited<ReturnType<ResultSigning['signerFor']>>;
  try {
    // opening a stored key (MOTCUA_SIGNING_KEY missing or wrong) can fail too
    who = await deps.signing.signerFor(deps.db, { unitCode: d.unit_code, accountId: actor.id });
  } catch (e) {
    throw failed(e, 'registry');
  }
  if (!who) return null;
  const unit = await findUnitByCode(deps.db, d.unit_code, { asOf: todayInVietnam(now) });
  const id = randomUUID();
  let signed: Uint8Array;
  try {
    const draftBytes = new Uint8Array(await deps.files.get(draft.sha256));
    const pdf = deps.publicBaseUrl
      ? await (
          await import('./result.qr.ts')
        ).stampVerificationQr(draftBytes, verificationUrl(deps.publicBaseUrl, d.code, id))
      : draftBytes;
    signed = await deps.signing.signPdf(pdf, who.signer, {
      signedAt: new Date(now),
      signerName: who.name,
      unitName: unit ? `UBND ${unit.name}` : d.unit_code,
      reason: `Kết quả giải quyết hồ sơ ${d.code}`,
      location: unit?.name,
      dossierCode: d.code,
      resultId: id,
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'FILE_MISSING') throw e;
    throw failed(e, who.signer.kind);
  }
  const bytes = Buffer.from(signed);
  const sha256 = await deps.files.put(bytes);
  return {
    id,
    sha256,
    size: bytes.length,
    signer: who.name,
    fingerprint: who.fingerprint,
    signedAt: now,
    draftVersion: draft.version,
  };
}

/**
 * Records the signed result in the approval's transaction. The draft must still be the one that was signed (a
 * replacement uploaded meanwhile makes the approval a 409, nothing written).
 */
export async function recordSignature(
  trx: Db,
  actor: Actor,
  d: DossierRow,
  p: PreparedSignature,
  ctx: { ip?: string },
): Promise<void> {
  const latest = await repo.latestResult(trx, d.id);
  if (!latest || latest.signed || latest.version !== p.draftVersion)
    throw ruleViolation('result.draft_changed', { signedVersion: p.draftVersion });
  await repo.insertResult(trx, {
    id: p.id,
    dossier_id: d.id,
    province_code: d.province_code,
    unit_code: d.unit_code,
    version: latest.version + 1,
    sha256: p.sha256,
    size: p.size,
    uploaded_by: null,
    uploaded_at: p.signedAt,
    signed: 1,
    signer: p.signer,
    signed_at: p.signedAt,
    cert_fingerprint: p.fingerprint,
    source_version: p.draftVersion,
    downloads: 0,
    first_downloaded_at: null,
  });
  await appendAudit(
    trx,
    {
      actor,
      action: 'dossier.result_signed',
      targetType: 'dossier',
      targetId: d.code,
      unitCode: d.unit_code,
      provinceCode: d.province_code,
      ip: ctx.ip,
      details: { resultId: p.id, sha256: p.sha256, signer: p.signer, certificate: p.fingerprint },
    },
    p.signedAt,
  );
}

/** What the dossier page shows of the result: none yet, a draft, signed, or approved without a signature. */
export type ResultState = 'none' | 'draft' | 'signed' | 'unsigned';

export function resultStateOf(d: Pick<DossierRow, 'outcome'>, rows: DossierResultRow[]): ResultState {
  if (rows.some((r) => r.signed)) return 'signed';
  if (d.outcome === 'approved') return 'unsigned';
  return rows.length > 0 ? 'draft' : 'none';
}
