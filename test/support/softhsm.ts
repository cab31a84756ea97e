import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PKCS11_MODULE } from '../../src/server/signing/pkcs11-signer.ts';

/**
 * A SoftHSM token made for one test file (Debian packages softhsm2 and opensc): its own token directory and
 * configuration under `dir`, keys imported with softhsm2-util, certificates written with pkcs11-tool.
 */
export const SOFTHSM_MODULE = process.env.MOTCUA_PKCS11_MODULE ?? DEFAULT_PKCS11_MODULE;

function hasCommand(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the tests can make a token; when not, they skip with this reason printed once. */
export const SOFTHSM_AVAILABLE =
  existsSync(SOFTHSM_MODULE) && ['softhsm2-util', 'pkcs11-tool', 'openssl'].every(hasCommand);
export const SOFTHSM_SKIP_REASON = `PKCS#11 tests skipped: ${SOFTHSM_MODULE} or softhsm2-util/pkcs11-tool missing (Debian: apt-get install softhsm2 opensc)`;

export interface TokenObjects {
  label: string;
  pin: string;
  soPin: string;
  /** Private keys: PKCS#8 as PEM text, with the CKA_ID (hex) and label to give them. */
  keys: { keyPem: string; id: string; label: string }[];
  /** DER certificates with their CKA_ID and label (the key's own id for a key's certificate). */
  certificates: { der: Uint8Array; id: string; label: string }[];
}

/** PKCS#8 DER as the PEM softhsm2-util --import reads. */
export function pkcs8Pem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/**
 * Creates the token and points this process's SOFTHSM2_CONF at it. SoftHSM reads the configuration when the module
 * is initialised, so call it before the first signer loads the module; each test file runs in its own process
 * (vitest pool: forks), so no other file sees the token.
 */
export function createSoftHsmToken(dir: string, token: TokenObjects): void {
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { recursive: true });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  run('softhsm2-util', [
    '--init-token',
    '--free',
    '--label',
    token.label,
    '--pin',
    token.pin,
    '--so-pin',
    token.soPin,
  ]);
  for (const [i, key] of token.keys.entries()) {
    const file = join(dir, `token-key-${i}.pem`);
    writeFileSync(file, key.keyPem, { mode: 0o600 });
    run('softhsm2-util', [
      '--import',
      file,
      '--token',
      token.label,
      '--id',
      key.id,
      '--label',
      key.label,
      '--pin',
      token.pin,
    ]);
  }
  for (const [i, cert] of token.certificates.entries()) {
    const file = join(dir, `token-cert-${i}.der`);
    writeFileSync(file, cert.der);
    run('pkcs11-tool', [
      '--module', SOFTHSM_MODULE, '--token-label', token.label, '--login', '--pin', token.pin,
      '--write-object', file, '--type', 'cert', '--id', cert.id, '--label', cert.label,
    ]); // prettier-ignore
  }
}
