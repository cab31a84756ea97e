import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createPkcs11Signer, DEFAULT_PKCS11_MODULE } from './pkcs11-signer.ts';
import { createRemoteSigner } from './remote-signer.ts';
import { signerError, signerFailureOf } from './signer-error.ts';
import type { Signer } from './signer.ts';

/**
 * Which units and accounts sign with a PKCS#11 token or a remote signing service: the JSON file named by
 * MOTCUA_SIGNERS_FILE (docs/SIGNING.md, "Token and remote signers"). Secrets (the PIN, the bearer token) are never
 * written in it, only where to read them: `{"env": "NAME"}` or `{"file": "/path"}`.
 *
 * ```json
 * { "signers": [
 *   { "unit": "68001", "kind": "pkcs11", "tokenLabel": "VNPT-CA", "keyLabel": "UBND xa Di Linh",
 *     "pin": { "env": "MOTCUA_PIN_68001" } },
 *   { "unit": "68001", "account": "nva.dilinh", "kind": "remote", "url": "https://ky-so.example.vn/api/v1",
 *     "keyId": "a1b2c3", "token": { "file": "/etc/motcua/remote-token" }, "caFile": "/etc/motcua/ca.pem" } ] }
 * ```
 */
const ZSecret = z.union([
  z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name') }).strict(),
  z.object({ file: z.string().min(1).max(4096) }).strict(),
]);
export type SecretSource = z.infer<typeof ZSecret>;

const ZWho = {
  /** The administrative unit's code (5 digits for a commune, 2 for a province). */
  unit: z.string().regex(/^\d{2}(\d{3})?$/, 'a unit code of 2 or 5 digits'),
  /** An account's username: the leader signs with their own key instead of the unit's. */
  account: z.string().min(3).max(64).optional(),
};

const ZPkcs11Entry = z
  .object({
    ...ZWho,
    kind: z.literal('pkcs11'),
    /** The token vendor's PKCS#11 library; default MOTCUA_PKCS11_MODULE, else Debian's SoftHSM. */
    module: z.string().min(1).max(4096).optional(),
    tokenLabel: z.string().min(1).max(32).optional(),
    slotId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    keyLabel: z.string().min(1).max(255).optional(),
    keyId: z
      .string()
      .regex(/^([0-9a-fA-F]{2}){1,64}$/, 'hexadecimal, as pkcs11-tool prints it')
      .optional(),
    pin: ZSecret,
    /** PEM file of CA certificates to send after the signer's own when the token does not hold them. */
    chainFile: z.string().min(1).max(4096).optional(),
  })
  .strict();

const ZRemoteEntry = z
  .object({
    ...ZWho,
    kind: z.literal('remote'),
    url: z.url({ protocol: /^https?$/ }).max(2048),
    keyId: z.string().min(1).max(255),
    token: ZSecret,
    algorithm: z.enum(['RSA-SHA256', 'ECDSA-P256-SHA256']).optional(),
    /** PEM CA certificates to trust for the service's TLS certificate, besides the system's. */
    caFile: z.string().min(1).max(4096).optional(),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    retries: z.number().int().min(0).max(5).optional(),
  })
  .strict();

const ZSignerEntry = z.discriminatedUnion('kind', [ZPkcs11Entry, ZRemoteEntry]);
export type SignerEntry = z.infer<typeof ZSignerEntry>;

export const ZSignersFile = z
  .object({ signers: z.array(ZSignerEntry).max(2000) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.signers.forEach((entry, i) => {
      const who = `${entry.unit}/${entry.account ?? ''}`;
      if (seen.has(who))
        ctx.addIssue({
          code: 'custom',
          path: ['signers', i],
          message: 'a second signer for the same unit and account',
        });
      seen.add(who);
    });
  });

/** Reads and checks the signers file once, at start; a mistake fails with the entry and field named. */
export function readSignersFile(path: string): SignerEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`MOTCUA_SIGNERS_FILE ${path}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = ZSignersFile.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`MOTCUA_SIGNERS_FILE ${path} is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data.signers;
}

/** The entry for a signature by `account` of `unit`: the account's own if it has one, else the unit's. */
export function findSignerEntry(
  entries: readonly SignerEntry[],
  who: { unitCode: string; username?: string | undefined },
): SignerEntry | undefined {
  return (
    (who.username && entries.find((e) => e.unit === who.unitCode && e.account === who.username)) ||
    entries.find((e) => e.unit === who.unitCode && e.account === undefined)
  );
}

/** A secret's value (trailing newline dropped), or undefined when the variable is unset or the file unreadable. */
export function readSecret(source: SecretSource, env: NodeJS.ProcessEnv): string | undefined {
  if ('env' in source) return env[source.env] || undefined;
  try {
    return readFileSync(source.file, 'utf8').replace(/\r?\n$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The DER certificates of a PEM file. */
export function readPemCertificates(path: string): Uint8Array[] {
  const pem = readFileSync(path, 'utf8');
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
  );
}

export interface SignerSettings {
  /** The environment secrets are read from (the process's). */
  env: NodeJS.ProcessEnv;
  /** MOTCUA_PKCS11_MODULE: the module of entries that name none. */
  pkcs11Module?: string | undefined;
}

/** Opens the signer an entry describes: the PIN or token read now, the token or service reached now. */
export async function createConfiguredSigner(entry: SignerEntry, settings: SignerSettings): Promise<Signer> {
  if (entry.kind === 'pkcs11') {
    const pin = readSecret(entry.pin, settings.env);
    if (!pin) throw signerError('signer.pin_missing');
    return createPkcs11Signer({
      module: entry.module ?? settings.pkcs11Module ?? DEFAULT_PKCS11_MODULE,
      tokenLabel: entry.tokenLabel,
      slotId: entry.slotId,
      keyLabel: entry.keyLabel,
      keyId: entry.keyId,
      pin,
      chain: entry.chainFile ? readPemCertificates(entry.chainFile) : undefined,
    });
  }
  const token = readSecret(entry.token, settings.env);
  if (!token) throw signerError('signer.token_missing');
  return createRemoteSigner({
    url: entry.url,
    keyId: entry.keyId,
    token,
    algorithm: entry.algorithm,
    ca: entry.caFile ? readFileSync(entry.caFile, 'utf8') : undefined,
    timeoutMs: entry.timeoutMs,
    retries: entry.retries,
  });
}

const PIN_FAILURES = new Set(['signer.pin_incorrect', 'signer.pin_locked']);

function fingerprint(secret: string | undefined): string {
  return createHash('sha256')
    .update(secret ?? '')
    .digest('hex');
}

/**
 * The configured signers, opened on first use and kept: `signerFor` answers the signer for a unit (or one of its
 * accounts), or undefined when the file names none (the caller then uses the unit's PKCS#12). A signer that failed
 * to open (token absent, service down) is not kept, so the next signature tries again, except after a wrong PIN:
 * a token locks itself after a few wrong PINs, so a PIN the token refused is not tried again (at opening or at a
 * signature) until the PIN in the environment or file changes.
 */
export function configuredSigners(
  entries: readonly SignerEntry[],
  settings: SignerSettings,
  create: (entry: SignerEntry, settings: SignerSettings) => Promise<Signer> = createConfiguredSigner,
) {
  const open = new Map<SignerEntry, Promise<Signer>>();
  const refusedPin = new Map<SignerEntry, { pin: string; error: unknown }>();
  const pinOf = (entry: SignerEntry) =>
    entry.kind === 'pkcs11' ? fingerprint(readSecret(entry.pin, settings.env)) : undefined;
  const onFailure = (entry: SignerEntry, pin: string | undefined, e: unknown) => {
    open.delete(entry);
    const failure = signerFailureOf(e);
    if (pin !== undefined && failure && PIN_FAILURES.has(failure)) refusedPin.set(entry, { pin, error: e });
  };

  return {
    signerFor(who: { unitCode: string; username?: string | undefined }): Promise<Signer> | undefined {
      const entry = findSignerEntry(entries, who);
      if (!entry) return undefined;
      const known = open.get(entry);
      if (known) return known;
      const pin = pinOf(entry);
      const refused = refusedPin.get(entry);
      if (refused && refused.pin === pin) return Promise.reject(refused.error);
      refusedPin.delete(entry);
      const signer = create(entry, settings).then((opened): Signer => ({
        kind: opened.kind,
        algorithm: opened.algorithm,
        certificates: () => opened.certificates(),
        sign: (data) =>
          opened.sign(data).catch((e: unknown) => {
            onFailure(entry, pin, e);
            throw e;
          }),
      }));
      open.set(entry, signer);
      signer.catch((e: unknown) => onFailure(entry, pin, e));
      return signer;
    },
  };
}
