import { createHash, X509Certificate } from 'node:crypto';
import type * as Pkcs11Js from 'pkcs11js';
import { AppError } from '../platform/app-error.ts';
import { ecdsaRawToDer } from './ecdsa.ts';
import { algorithmOfCertificate, signatureMatchesCertificate } from './signature-check.ts';
import { signerError, type SignerFailure } from './signer-error.ts';
import type { SignatureAlgorithm, Signer } from './signer.ts';

type Binding = typeof Pkcs11Js;
type Library = Pkcs11Js.PKCS11;
type Handle = Pkcs11Js.Handle;

/** Debian's SoftHSM (package softhsm2): the default module, for tests and trials without a USB token. */
export const DEFAULT_PKCS11_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/**
 * A key on a PKCS#11 token (docs/SIGNING.md, "PKCS#11 token"). The token is found by its label (or slot id), the
 * key by its label and/or id (CKA_ID, hex), which must match exactly one private key; with neither, the token must
 * hold exactly one, as the USB tokens the CAs hand out do. The certificate is the token's certificate object with
 * the key's id (or label).
 */
export interface Pkcs11SignerConfig {
  /** The vendor's PKCS#11 library (a .so), e.g. DEFAULT_PKCS11_MODULE. */
  module: string;
  tokenLabel?: string;
  /** The slot id as `pkcs11-tool -L` prints it (e.g. 0x7bff2a66); used when no token label is given. */
  slotId?: number;
  /** The user PIN: read by the caller from the environment or a file (signers-config.ts), never stored in the DB. */
  pin: string;
  keyLabel?: string;
  /** CKA_ID in hex, as `pkcs11-tool -O` prints it. */
  keyId?: string;
  /** CA certificates (DER) to send after the signer's own when the token does not hold them. */
  chain?: Uint8Array[];
}

let binding: Promise<Binding> | undefined;
const libraries = new Map<string, Library>();
const queues = new Map<string, Promise<unknown>>();

/**
 * pkcs11js is a native addon: imported on first use, so a server without it built (e.g. the Node 24 smoke test)
 * starts and only the token signer fails, with `signer.pkcs11_unavailable`.
 */
async function loadBinding(): Promise<Binding> {
  binding ??= import('pkcs11js').then(
    (m) => ((m as { default?: Binding }).default ?? m) as Binding,
    (e: unknown) => {
      binding = undefined;
      throw signerError('signer.pkcs11_unavailable', e);
    },
  );
  return binding;
}

/** One loaded and initialised library per module path and process (C_Initialize may run only once). */
function libraryFor(pk: Binding, module: string): Library {
  const known = libraries.get(module);
  if (known) return known;
  const library = new pk.PKCS11();
  try {
    library.load(module);
  } catch (e) {
    throw signerError('signer.pkcs11_module', e);
  }
  try {
    library.C_Initialize({ flags: pk.CKF_OS_LOCKING_OK });
  } catch (e) {
    if (codeOf(e) === pk.CKR_CANT_LOCK) library.C_Initialize();
    else if (codeOf(e) !== pk.CKR_CRYPTOKI_ALREADY_INITIALIZED) throw mapError(pk, e);
  }
  libraries.set(module, library);
  return library;
}

/**
 * Runs `work` after every earlier call on the same module has finished. Token sessions are not safe to share and
 * a login is per token and application, so signatures through one module go one at a time.
 */
function serialised<T>(module: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(module) ?? Promise.resolve();
  const run = previous.then(work, work);
  queues.set(
    module,
    run.catch(() => undefined),
  );
  return run;
}

function codeOf(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A PKCS#11 return code as the failure a user can act on; anything unexpected is `signer.token_error`. */
function mapError(pk: Binding, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = codeOf(e);
  const failure: SignerFailure =
    code === pk.CKR_PIN_INCORRECT || code === pk.CKR_PIN_LEN_RANGE
      ? 'signer.pin_incorrect'
      : code === pk.CKR_PIN_LOCKED || code === pk.CKR_PIN_EXPIRED
        ? 'signer.pin_locked'
        : code === pk.CKR_TOKEN_NOT_PRESENT ||
            code === pk.CKR_DEVICE_REMOVED ||
            code === pk.CKR_SLOT_ID_INVALID ||
            code === pk.CKR_TOKEN_NOT_RECOGNIZED
          ? 'signer.token_absent'
          : 'signer.token_error';
  return signerError(failure, e);
}

function handleNumber(handle: Handle): number {
  return Number(handle.length >= 8 ? handle.readBigUInt64LE(0) : handle.readUInt32LE(0));
}

function findSlot(library: Library, config: Pkcs11SignerConfig): Handle {
  const slots = library.C_GetSlotList(true);
  const slot =
    config.tokenLabel !== undefined
      ? slots.find((s) => library.C_GetTokenInfo(s).label.trim() === config.tokenLabel)
      : config.slotId !== undefined
        ? slots.find((s) => handleNumber(s) === config.slotId)
        : slots.length === 1
          ? slots[0]
          : undefined;
  if (!slot)
    throw signerError('signer.token_absent', new Error(`no token ${config.tokenLabel ?? config.slotId}`));
  return slot;
}

function findObjects(library: Library, session: Handle, template: Pkcs11Js.Template): Handle[] {
  library.C_FindObjectsInit(session, template);
  try {
    return library.C_FindObjects(session, 100);
  } finally {
    library.C_FindObjectsFinal(session);
  }
}

/** Opens a session on the token, logs in, runs `work`, then logs out and closes the session whatever happens. */
async function withSession<T>(
  pk: Binding,
  library: Library,
  config: Pkcs11SignerConfig,
  work: (session: Handle) => Promise<T>,
): Promise<T> {
  if (!config.pin) throw signerError('signer.pin_missing');
  let session: Handle;
  try {
    session = library.C_OpenSession(findSlot(library, config), pk.CKF_SERIAL_SESSION);
  } catch (e) {
    throw mapError(pk, e);
  }
  try {
    try {
      library.C_Login(session, pk.CKU_USER, config.pin);
    } catch (e) {
      if (codeOf(e) !== pk.CKR_USER_ALREADY_LOGGED_IN) throw e;
    }
    return await work(session);
  } catch (e) {
    throw mapError(pk, e);
  } finally {
    try {
      library.C_Logout(session);
    } catch {
      // not logged in (the login failed): nothing to undo
    }
    try {
      library.C_CloseSession(session);
    } catch {
      // the token was pulled out: the session is gone already
    }
  }
}

interface KeyOnToken {
  handle: Handle;
  id: Buffer | undefined;
  label: string | undefined;
}

function findKey(pk: Binding, library: Library, session: Handle, config: Pkcs11SignerConfig): KeyOnToken {
  const template: Pkcs11Js.Template = [{ type: pk.CKA_CLASS, value: pk.CKO_PRIVATE_KEY }];
  if (config.keyLabel !== undefined) template.push({ type: pk.CKA_LABEL, value: config.keyLabel });
  if (config.keyId !== undefined) template.push({ type: pk.CKA_ID, value: Buffer.from(config.keyId, 'hex') });
  const keys = findObjects(library, session, template);
  // Exactly one: two keys under one label (or none named on a token with two) is not guessed between.
  const handle = keys.length === 1 ? keys[0] : undefined;
  if (!handle) throw signerError('signer.key_not_found', new Error(`${keys.length} private keys match`));
  const attributes = library.C_GetAttributeValue(session, handle, [
    { type: pk.CKA_ID },
    { type: pk.CKA_LABEL },
  ]);
  const id = attributes[0]?.value as Buffer | undefined;
  const label = (attributes[1]?.value as Buffer | undefined)?.toString('utf8');
  return { handle, id: id && id.length > 0 ? id : undefined, label: label || undefined };
}

function certificateValue(pk: Binding, library: Library, session: Handle, handle: Handle): Uint8Array {
  const [value] = library.C_GetAttributeValue(session, handle, [{ type: pk.CKA_VALUE }]);
  return new Uint8Array(value?.value as Buffer);
}

/**
 * The key's certificate (same CKA_ID, else same label), then the issuers found among the token's other certificates
 * and `config.chain`, nearest first.
 */
function findCertificates(
  pk: Binding,
  library: Library,
  session: Handle,
  key: KeyOnToken,
  config: Pkcs11SignerConfig,
): Uint8Array[] {
  const byKey = key.id
    ? { type: pk.CKA_ID, value: key.id }
    : key.label
      ? { type: pk.CKA_LABEL, value: key.label }
      : undefined;
  const own = byKey
    ? findObjects(library, session, [{ type: pk.CKA_CLASS, value: pk.CKO_CERTIFICATE }, byKey])[0]
    : undefined;
  if (!own) throw signerError('signer.certificate_not_found');
  const ownDer = certificateValue(pk, library, session, own);
  const others = findObjects(library, session, [{ type: pk.CKA_CLASS, value: pk.CKO_CERTIFICATE }])
    .map((h) => certificateValue(pk, library, session, h))
    .concat(config.chain ?? []);
  return [ownDer, ...issuerChain(ownDer, others)];
}

/** The issuers of `leaf` among `candidates`, nearest first, stopping at a self-signed certificate. */
export function issuerChain(leaf: Uint8Array, candidates: Uint8Array[]): Uint8Array[] {
  const parsed = candidates.map((der) => ({ der, x509: new X509Certificate(der) }));
  const chain: Uint8Array[] = [];
  let current = new X509Certificate(leaf);
  for (let depth = 0; depth < 8; depth++) {
    if (current.checkIssued(current)) break;
    const issuer = parsed.find(
      (c) => !chain.includes(c.der) && !c.x509.raw.equals(current.raw) && current.checkIssued(c.x509),
    );
    if (!issuer || !current.verify(issuer.x509.publicKey)) break;
    chain.push(issuer.der);
    current = issuer.x509;
  }
  return chain;
}

/**
 * A Signer on a PKCS#11 token. Opens a session once to find the key and read its certificates (so a wrong PIN, an
 * absent token or a missing key fails here, at configuration), then one session per signature, one signature at a
 * time per module. RSA keys sign with CKM_SHA256_RSA_PKCS; P-256 keys with CKM_ECDSA over the SHA-256 digest, the
 * token's raw r||s turned into the DER CMS wants. Every signature is checked against the certificate.
 */
export async function createPkcs11Signer(config: Pkcs11SignerConfig): Promise<Signer> {
  const pk = await loadBinding();
  const setup = await serialised(config.module, () => {
    const library = libraryFor(pk, config.module);
    return withSession(pk, library, config, async (session) => {
      const key = findKey(pk, library, session, config);
      return { library, certificates: findCertificates(pk, library, session, key, config) };
    });
  });
  const { library, certificates } = setup;
  const own = certificates[0]!;
  const algorithm = algorithmOfCertificate(own);
  if (!algorithm) throw signerError('signer.key_unsupported');

  return {
    kind: 'pkcs11',
    algorithm,
    certificates: () => Promise.resolve(certificates.map((c) => c.slice())),
    sign: async (data) => {
      const signature = await serialised(config.module, () =>
        withSession(pk, library, config, (session) =>
          signOnToken(pk, library, session, config, algorithm, data),
        ),
      );
      if (!(await signatureMatchesCertificate(own, algorithm, data, signature)))
        throw signerError('signer.signature_mismatch');
      return signature;
    },
  };
}

async function signOnToken(
  pk: Binding,
  library: Library,
  session: Handle,
  config: Pkcs11SignerConfig,
  algorithm: SignatureAlgorithm,
  data: Uint8Array,
): Promise<Uint8Array> {
  const key = findKey(pk, library, session, config);
  const rsa = algorithm === 'RSA-SHA256';
  library.C_SignInit(session, { mechanism: rsa ? pk.CKM_SHA256_RSA_PKCS : pk.CKM_ECDSA }, key.handle);
  const input = rsa ? Buffer.from(data) : createHash('sha256').update(data).digest();
  const output = await library.C_SignAsync(session, input, Buffer.alloc(1024));
  return rsa ? new Uint8Array(output) : ecdsaRawToDer(new Uint8Array(output));
}
