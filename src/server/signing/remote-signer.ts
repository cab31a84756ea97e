import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { algorithmOfCertificate, signatureMatchesCertificate } from './signature-check.ts';
import { signerError, signerFailureOf, type SignerFailure } from './signer-error.ts';
import type { SignatureAlgorithm, Signer } from './signer.ts';
import { AppError } from '../platform/app-error.ts';

/**
 * A key held by a remote signing service, such as a licensed CA's cloud signing (docs/SIGNING.md, "Remote signing
 * service", the HTTP contract this client speaks).
 */
export interface RemoteSignerConfig {
  /** The service's base address, e.g. `https://ky-so.example.vn/api/v1`; plain http only to this machine. */
  url: string;
  /** Which of the service's keys signs. */
  keyId: string;
  /** The bearer token (read by the caller from the environment or a file, never stored in the DB). */
  token: string;
  /** The algorithm expected; the service's answer must match it. */
  algorithm?: SignatureAlgorithm;
  /** PEM CA certificates to trust for the service's TLS certificate, besides the system's. */
  ca?: string;
  /** Per request, connection and answer included (default 10 s). */
  timeoutMs?: number;
  /** How many times a failed request is repeated when repeating is safe (default 2). */
  retries?: number;
  /** The wait before the first repeat, doubled at each (default 500 ms). */
  retryDelayMs?: number;
}

/** The bounds of the service's answers: a chain of up to 10 certificates of up to 16 KB each, a signature of 2 KB. */
export const REMOTE_LIMITS = {
  maxCertificates: 10,
  maxCertificateBytes: 16_384,
  maxSignatureBytes: 2048,
} as const;
const MAX_ANSWER_BYTES = 256 * 1024;
const MAX_DATA_BYTES = 64 * 1024;

const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .transform((s) => new Uint8Array(Buffer.from(s, 'base64')));

const ZCertificatesAnswer = z.object({
  algorithm: z.enum(['RSA-SHA256', 'ECDSA-P256-SHA256']),
  certificates: z.array(base64(REMOTE_LIMITS.maxCertificateBytes)).min(1).max(REMOTE_LIMITS.maxCertificates),
});
const ZSignAnswer = z.object({ signature: base64(REMOTE_LIMITS.maxSignatureBytes) });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The base address, checked: https, or http to this machine only (the bearer token never crosses a network bare). */
export function remoteBaseUrl(url: string): URL {
  const base = new URL(url.replace(/\/+$/, ''));
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && LOOPBACK.has(base.hostname)))
    throw new Error(`remote signing service ${base.origin}: use https (plain http only to this machine)`);
  if (base.username || base.password || base.search || base.hash)
    throw new Error('remote signing service: the address must carry no credentials, query or fragment');
  return base;
}

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

class Timeout extends Error {}

/** One HTTP exchange, bounded in time and size; rejects with the failure it amounts to. */
function exchange(
  config: RemoteSignerConfig,
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<Answer> {
  const url = new URL(base.href + path);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${config.token}`,
  };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options =
    url.protocol === 'https:' && config.ca ? { method, headers, ca: config.ca } : { method, headers };

  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) req.destroy(signerError('signer.remote_malformed'));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', (e) => req.destroy(e));
    });
    const timer = setTimeout(() => req.destroy(new Timeout()), config.timeoutMs ?? 10_000);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) => {
      clearTimeout(timer);
      if (e instanceof AppError) reject(e);
      else if (e instanceof Timeout) reject(signerError('signer.remote_timeout', e));
      else {
        const code = (e as { code?: unknown }).code;
        const failure =
          typeof code === 'string' && TLS_TRUST_CODES.has(code) ? 'signer.remote_untrusted' : null;
        reject(signerError(failure ?? 'signer.remote_unreachable', e));
      }
    });
    req.end(payload);
  });
}

/** What an HTTP status means; `retry` when asking again may help (the service was busy or failing). */
function failureOfStatus(status: number): { failure: SignerFailure; retry: boolean } {
  if (status === 401 || status === 403) return { failure: 'signer.remote_unauthorized', retry: false };
  if (status === 404) return { failure: 'signer.key_not_found', retry: false };
  if (status === 429 || status === 502 || status === 503 || status === 504)
    return { failure: 'signer.remote_server_error', retry: true };
  if (status >= 500) return { failure: 'signer.remote_server_error', retry: false };
  return { failure: 'signer.remote_refused', retry: false };
}

const RETRIED: ReadonlySet<SignerFailure> = new Set(['signer.remote_timeout', 'signer.remote_unreachable']);

/**
 * A request with its repeats. Both calls of the contract are safe to repeat: GET reads, and POST /sign carries an
 * Idempotency-Key the service answers again with the same signature (signing the same bytes twice changes nothing).
 * Repeated: timeouts, refused or reset connections, 429, 502, 503, 504. Never: 4xx, TLS trust, malformed answers.
 */
async function call<T>(
  config: RemoteSignerConfig,
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  const idempotencyKey = method === 'POST' ? randomUUID() : undefined;
  const retries = config.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(config, base, method, path, body, idempotencyKey);
    if ('value' in outcome) return parseAnswer(outcome.value, schema);
    if (attempt >= retries) throw outcome.failure;
    const delay = Math.max((config.retryDelayMs ?? 500) * 2 ** attempt, outcome.retryAfterMs);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** One try: the 200 answer, or a failure worth repeating (thrown when it is not). */
async function attemptOnce(
  config: RemoteSignerConfig,
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<{ value: Answer } | { failure: AppError; retryAfterMs: number }> {
  let answer: Answer;
  try {
    answer = await exchange(config, base, method, path, body, idempotencyKey);
  } catch (e) {
    const failure = signerFailureOf(e);
    if (failure && RETRIED.has(failure)) return { failure: e as AppError, retryAfterMs: 0 };
    throw e;
  }
  if (answer.status === 200) return { value: answer };
  const { failure, retry } = failureOfStatus(answer.status);
  const error = signerError(failure, new Error(`${method} ${path}: HTTP ${answer.status}`));
  if (!retry) throw error;
  return { failure: error, retryAfterMs: Math.min(Number(answer.headers['retry-after']) * 1000 || 0, 5000) };
}

function parseAnswer<T>(answer: Answer, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString('utf8'));
  } catch (e) {
    throw signerError('signer.remote_malformed', e);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw signerError('signer.remote_malformed', parsed.error);
  return parsed.data;
}

/**
 * A Signer whose key stays in a remote signing service. Reads the key's certificates and algorithm once (so a wrong
 * token or key id fails here, at configuration), then sends each signed-attributes DER to `POST /sign` and checks
 * the signature that comes back against the certificate before returning it.
 */
export async function createRemoteSigner(config: RemoteSignerConfig): Promise<Signer> {
  const base = remoteBaseUrl(config.url);
  const keyQuery = `?keyId=${encodeURIComponent(config.keyId)}`;
  const info = await call(config, base, 'GET', `/certificates${keyQuery}`, ZCertificatesAnswer);
  const own = info.certificates[0]!;
  let certificateAlgorithm: SignatureAlgorithm | undefined;
  try {
    certificateAlgorithm = algorithmOfCertificate(own);
  } catch (e) {
    throw signerError('signer.remote_malformed', e);
  }
  if (certificateAlgorithm !== info.algorithm) throw signerError('signer.remote_malformed');
  if (config.algorithm && config.algorithm !== info.algorithm) throw signerError('signer.key_unsupported');
  const algorithm = info.algorithm;

  return {
    kind: 'remote',
    algorithm,
    certificates: () => Promise.resolve(info.certificates.map((c) => c.slice())),
    sign: async (data) => {
      if (data.length > MAX_DATA_BYTES) throw new Error('signed attributes larger than 64 KB');
      const answer = await call(config, base, 'POST', '/sign', ZSignAnswer, {
        keyId: config.keyId,
        algorithm,
        data: Buffer.from(data).toString('base64'),
      });
      if (!(await signatureMatchesCertificate(own, algorithm, data, answer.signature)))
        throw signerError('signer.signature_mismatch');
      return answer.signature;
    },
  };
}
