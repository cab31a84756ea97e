import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { AppInstance } from '../platform/types.ts';
import { prepareSignature, recordSignature, type PreparedSignature } from './result.service.ts';

/**
 * Before an approval: the dossier's draft result signed with the leader's certificate (else the unit's), or null
 * when there is nothing to sign (see prepareSignature). An unknown dossier is left to the action to answer. The QR
 * on the result opens the verification page at MOTCUA_PUBLIC_URL, else at the address the approval came in on.
 */
export async function signDraftForApproval(
  app: AppInstance,
  actor: Actor,
  code: string,
  now: number,
  origin: string,
): Promise<PreparedSignature | null> {
  const d = await findDossierByCode(app.db, code, scopeOf(actor));
  if (!d) return null;
  const publicBaseUrl = app.config.MOTCUA_PUBLIC_URL ?? origin;
  return prepareSignature(
    { db: app.db, files: app.files, signing: app.signing, publicBaseUrl },
    actor,
    d,
    now,
  );
}

/**
 * What approval needs of the results module, handed to the dossiers' routes through the app (`app.approvalSigning`,
 * app.ts) so that dossiers/ does not import results/ (which reads dossiers): sign the draft before the approve
 * transaction, record the signed result inside it.
 */
export const approvalSigning = { sign: signDraftForApproval, record: recordSignature };
export type ApprovalSigning = typeof approvalSigning;
