import { readFileSync, statSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { verifyPdf } from '../../signing/pades.ts';
import { readRootsBundle } from '../../signing/trusted-roots.ts';
import { parseCommandArgs } from '../args.ts';
import { CliUsageError, type CliIo } from '../cli-error.ts';

const USAGE = 'sign: usage: motcua sign verify FILE.pdf [--roots BUNDLE.pem]';
const MAX_PDF_BYTES = 200 * 1024 * 1024;

/**
 * `motcua sign verify FILE.pdf [--roots BUNDLE.pem]`: checks the PDF's last signature and prints one JSON object
 * (valid, signer, signedAt, modified, dossierCode, then trusted, unit, resultId, reason). Exit 0 only when the
 * signature is valid and the file unchanged since; 1 otherwise. The roots: --roots, else MOTCUA_TRUSTED_ROOTS.
 */
export async function signCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs('sign', args, { roots: { type: 'string' } });
  if (positionals[0] !== 'verify' || positionals.length !== 2) throw new CliUsageError(USAGE);
  const file = positionals[1]!;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliUsageError(`sign: cannot read ${file}`);
  }
  if (size > MAX_PDF_BYTES) throw new CliUsageError(`sign: ${file} is larger than ${MAX_PDF_BYTES} bytes`);
  const rootsFile = values.roots ?? loadConfig().MOTCUA_TRUSTED_ROOTS;
  let roots: Uint8Array[] = [];
  if (rootsFile) {
    try {
      roots = readRootsBundle(rootsFile);
    } catch (e) {
      throw new CliUsageError(`sign: --roots: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const result = await verifyPdf(readFileSync(file), roots);
  const { valid, signer, signedAt, modified, dossierCode, ...rest } = result;
  io.out(JSON.stringify({ valid, signer, signedAt, modified, dossierCode, ...rest }));
  return valid && !modified ? 0 : 1;
}
