import { AppError } from '../platform/app-error.ts';
import './signer.messages.ts';

/** Why a token or a remote service could not sign: the `{rule}` of SIGNER_UNAVAILABLE (texts in signer.messages.ts). */
export type SignerFailure =
  | 'signer.pkcs11_unavailable'
  | 'signer.pkcs11_module'
  | 'signer.token_absent'
  | 'signer.pin_missing'
  | 'signer.pin_incorrect'
  | 'signer.pin_locked'
  | 'signer.key_not_found'
  | 'signer.certificate_not_found'
  | 'signer.key_unsupported'
  | 'signer.token_error'
  | 'signer.token_missing'
  | 'signer.remote_unreachable'
  | 'signer.remote_timeout'
  | 'signer.remote_untrusted'
  | 'signer.remote_unauthorized'
  | 'signer.remote_refused'
  | 'signer.remote_server_error'
  | 'signer.remote_malformed'
  | 'signer.signature_mismatch';

/**
 * 503 SIGNER_UNAVAILABLE naming the failure: the document stays unsigned and the action can be retried once the
 * token, PIN or service is fixed. The technical cause (a PKCS#11 return code, an HTTP status) is kept as `cause`
 * for the log and never shown.
 */
export function signerError(failure: SignerFailure, cause?: unknown): AppError {
  return new AppError('SIGNER_UNAVAILABLE', { params: { rule: failure }, details: { rule: failure }, cause });
}

/** The failure of a SIGNER_UNAVAILABLE error, or undefined for any other error. */
export function signerFailureOf(e: unknown): SignerFailure | undefined {
  return e instanceof AppError && e.code === 'SIGNER_UNAVAILABLE'
    ? (e.params.rule as SignerFailure)
    : undefined;
}
