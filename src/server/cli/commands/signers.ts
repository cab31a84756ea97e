import { X509Certificate } from 'node:crypto';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../platform/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { createConfiguredSigner, readSignersFile, type SignerEntry } from '../../signing/signers-config.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE = 'signers: usage: motcua signers check [--unit CODE]';

/**
 * `motcua signers check`: opens every token and remote signer of MOTCUA_SIGNERS_FILE (or those of one unit), signs a
 * probe with each, and prints one JSON line per signer: its certificate's subject, issuer and end of validity, or
 * why it cannot sign. Exit 0 only when every one signed with a certificate valid now. For the administrator after
 * plugging a token in or changing a PIN or a service's access token (docs/SIGNING.md, "Token and remote signers").
 */
export async function signersCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs('signers', args, { unit: { type: 'string' } });
  if (positionals[0] !== 'check' || positionals.length > 1) throw new CliUsageError(USAGE);
  const config = loadConfig();
  if (!config.MOTCUA_SIGNERS_FILE) throw new CliUsageError('signers: MOTCUA_SIGNERS_FILE is not set');
  const entries = readSignersFile(config.MOTCUA_SIGNERS_FILE).filter(
    (e) => !values.unit || e.unit === values.unit,
  );
  if (entries.length === 0) throw new CliUsageError(`signers: no signer for unit ${values.unit ?? '(any)'}`);
  let failures = 0;
  for (const entry of entries) {
    const line = await check(entry, config.MOTCUA_PKCS11_MODULE, io.clock.now());
    if (!line.ok) failures++;
    io.out(JSON.stringify(line));
  }
  return failures === 0 ? 0 : 1;
}

async function check(
  entry: SignerEntry,
  pkcs11Module: string,
  now: number,
): Promise<Record<string, unknown>> {
  const who = { unit: entry.unit, account: entry.account, kind: entry.kind };
  try {
    const signer = await createConfiguredSigner(entry, { env: process.env, pkcs11Module });
    const certificates = await signer.certificates();
    const own = new X509Certificate(certificates[0]!);
    await signer.sign(new TextEncoder().encode(`MộtCửa signer check ${now}`));
    const validNow = Date.parse(own.validFrom) <= now && now <= Date.parse(own.validTo);
    return {
      ...who,
      ok: validNow,
      ...(validNow ? {} : { error: 'certificate not valid now' }),
      algorithm: signer.algorithm,
      subject: own.subject.replace(/\n/g, ', '),
      issuer: own.issuer.replace(/\n/g, ', '),
      validTo: new Date(Date.parse(own.validTo)).toISOString(),
      chain: certificates.length,
    };
  } catch (e) {
    if (e instanceof AppError)
      return {
        ...who,
        ok: false,
        error: e.params.rule ?? e.code,
        message: translate('en', e.code, e.params),
      };
    return { ...who, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
