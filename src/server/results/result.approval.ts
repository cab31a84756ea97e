import type { Actor } from '../accounts/roles.ts';
import { scopeOf } from '../accounts/scope.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import type { AppInstance } from '../platform/types.ts';
import { prepareSignature, type PreparedSignature } from './result.service.ts';

/**
 * Before an approval: the dossier's draft result signed with the leader's certificate (else the unit's), or null
 * when there is nothing to sign (see prepareSignature). An unknown dossier is left to the action to answer.
 */
export async function signDraftForApproval(
  app: AppInstance,
  actor: Actor,
  code: string,
  now: number,
): Promise<PreparedSignature | null> {
  const d = await findDossierByCode(app.db, code, scopeOf(actor));
  if (!d) return null;
  return prepareSignature({ db: app.db, files: app.files, signing: app.signing }, actor, d, now);
}
