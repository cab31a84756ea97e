import { X509Certificate, webcrypto } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, toPem, type TestPki } from '../../../test/support/signing-pki.ts';
import { startTestSigningService, type TestSigningService } from '../../../test/support/signing-service.ts';
import { AppError } from '../platform/app-error.ts';
import { translate } from '../platform/i18n/messages.ts';
import { ecdsaDerToRaw } from './ecdsa.ts';
import { createRemoteSigner, remoteBaseUrl, type RemoteSignerConfig } from './remote-signer.ts';
import { signerFailureOf } from './signer-error.ts';

const TOKEN = 'bearer-token-of-the-commune';
const DATA = new TextEncoder().encode('DER of the signed attributes — Quyết định của UBND xã Di Linh');

/** Verifies with WebCrypto against the certificate's public key, independently of the code under test. */
async function webCryptoVerifies(certificate: Uint8Array, signature: Uint8Array, data: Uint8Array) {
  const x509 = new X509Certificate(certificate);
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  if (x509.publicKey.asymmetricKeyType === 'rsa') {
    const key = await webcrypto.subtle.importKey(
      'spki',
      spki,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data);
  }
  const key = await webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'verify',
  ]);
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, ecdsaDerToRaw(signature), data);
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(503);
  return signerFailureOf(error);
}

describe('remote signing service signer', () => {
  let pki: TestPki;
  let service: TestSigningService;
  const config = (overrides: Partial<RemoteSignerConfig> = {}): RemoteSignerConfig => ({
    url: service.url,
    keyId: 'lanh-dao',
    token: TOKEN,
    timeoutMs: 2000,
    retryDelayMs: 0,
    ...overrides,
  });
  const signs = () => service.requests.filter((r) => r.path === '/sign');

  beforeAll(async () => {
    pki = makeTestPki();
    service = await startTestSigningService({
      token: TOKEN,
      keys: {
        'lanh-dao': {
          keyPem: pki.rsa.keyPem,
          algorithm: 'RSA-SHA256',
          certificates: [pki.rsa.certificate, pki.root.certificate],
        },
        'don-vi': {
          keyPem: pki.ec.keyPem,
          algorithm: 'ECDSA-P256-SHA256',
          certificates: [pki.ec.certificate],
        },
        // A misconfigured key: presents the unit's certificate but signs with another P-256 key.
        'sai-khoa': {
          keyPem: pki.tls.keyPem,
          algorithm: 'ECDSA-P256-SHA256',
          certificates: [pki.ec.certificate],
        },
      },
    });
  });

  afterEach(() => {
    service.script = undefined;
    service.requests.length = 0;
  });

  afterAll(async () => {
    await service?.close();
    pki?.cleanup();
  });

  it('reads the chain and signs with RSA; the signature verifies with WebCrypto', async () => {
    const signer = await createRemoteSigner(config());
    expect(signer.kind).toBe('remote');
    expect(signer.algorithm).toBe('RSA-SHA256');
    const certificates = await signer.certificates();
    expect(certificates.map((c) => Buffer.from(c).toString('base64'))).toEqual(
      [pki.rsa.certificate, pki.root.certificate].map((c) => Buffer.from(c).toString('base64')),
    );
    const signature = await signer.sign(DATA);
    expect(await webCryptoVerifies(pki.rsa.certificate, signature, DATA)).toBe(true);

    // What crossed the wire: the bearer token, the key, the algorithm and the data itself, with an Idempotency-Key.
    const [get, post] = service.requests;
    expect(get).toMatchObject({ method: 'GET', path: '/certificates' });
    expect(get!.query.get('keyId')).toBe('lanh-dao');
    expect(post!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post!.body).toEqual({
      keyId: 'lanh-dao',
      algorithm: 'RSA-SHA256',
      data: Buffer.from(DATA).toString('base64'),
    });
  });

  it('signs with ECDSA P-256, the DER Ecdsa-Sig-Value verifying with WebCrypto', async () => {
    const signer = await createRemoteSigner(config({ keyId: 'don-vi', algorithm: 'ECDSA-P256-SHA256' }));
    expect(signer.algorithm).toBe('ECDSA-P256-SHA256');
    expect(await webCryptoVerifies(pki.ec.certificate, await signer.sign(DATA), DATA)).toBe(true);
  });

  it('a wrong bearer token is a 401: signer.remote_unauthorized, not repeated', async () => {
    expect(await failureOf(createRemoteSigner(config({ token: 'wrong' })))).toBe(
      'signer.remote_unauthorized',
    );
    expect(service.requests).toHaveLength(1);
    // The same for a sign call once the token is revoked.
    const signer = await createRemoteSigner(config());
    service.script = (r) => (r.path === '/sign' ? { status: 401, body: '{"error":"revoked"}' } : undefined);
    expect(await failureOf(signer.sign(DATA))).toBe('signer.remote_unauthorized');
    expect(signs()).toHaveLength(1);
  });

  it('an unknown key id is signer.key_not_found; a key of another algorithm than configured is refused', async () => {
    expect(await failureOf(createRemoteSigner(config({ keyId: 'khong-co' })))).toBe('signer.key_not_found');
    expect(await failureOf(createRemoteSigner(config({ algorithm: 'ECDSA-P256-SHA256' })))).toBe(
      'signer.key_unsupported',
    );
  });

  it('times out a service that does not answer, repeating with the same Idempotency-Key', async () => {
    const signer = await createRemoteSigner(config({ timeoutMs: 150, retries: 2 }));
    service.script = (r) => (r.path === '/sign' ? 'hang' : undefined);
    const started = performance.now();
    expect(await failureOf(signer.sign(DATA))).toBe('signer.remote_timeout');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(signs()).toHaveLength(3);
    expect(new Set(signs().map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('repeats after a 503 and succeeds; never repeats a 400 or a 500', async () => {
    const signer = await createRemoteSigner(config());
    let first = true;
    service.script = (r) => {
      if (r.path !== '/sign' || !first) return undefined;
      first = false;
      return { status: 503, body: '{"error":"busy"}' };
    };
    expect(await webCryptoVerifies(pki.rsa.certificate, await signer.sign(DATA), DATA)).toBe(true);
    expect(signs()).toHaveLength(2);
    expect(signs()[0]!.headers['idempotency-key']).toBe(signs()[1]!.headers['idempotency-key']);

    for (const [status, failure] of [
      [400, 'signer.remote_refused'],
      [500, 'signer.remote_server_error'],
    ] as const) {
      service.requests.length = 0;
      service.script = (r) => (r.path === '/sign' ? { status, body: '{}' } : undefined);
      expect(await failureOf(signer.sign(DATA))).toBe(failure);
      expect(signs()).toHaveLength(1);
    }
  });

  it('rejects malformed answers: not JSON, wrong shape, not base64, too large, a certificate that is not one', async () => {
    const signer = await createRemoteSigner(config());
    const malformedSign = [
      'không phải JSON',
      '{"signature": 12}',
      '{"sig": "AAAA"}',
      '{"signature": "***"}',
      JSON.stringify({ signature: 'A'.repeat(400_000) }),
    ];
    for (const body of malformedSign) {
      service.script = (r) => (r.path === '/sign' ? { status: 200, body } : undefined);
      expect(await failureOf(signer.sign(DATA)), body.slice(0, 40)).toBe('signer.remote_malformed');
    }
    const malformedCertificates = [
      '{"algorithm": "RSA-SHA256", "certificates": []}',
      '{"algorithm": "MD5", "certificates": ["AAAA"]}',
      '{"algorithm": "RSA-SHA256", "certificates": ["AAAA"]}',
      // A real certificate, but of an EC key announced as RSA.
      JSON.stringify({
        algorithm: 'RSA-SHA256',
        certificates: [Buffer.from(pki.ec.certificate).toString('base64')],
      }),
    ];
    for (const body of malformedCertificates) {
      service.script = () => ({ status: 200, body });
      expect(await failureOf(createRemoteSigner(config())), body.slice(0, 40)).toBe(
        'signer.remote_malformed',
      );
    }
  });

  it('refuses a signature that does not match the certificate (a service signing with another key)', async () => {
    const signer = await createRemoteSigner(config({ keyId: 'sai-khoa' }));
    expect(await failureOf(signer.sign(DATA))).toBe('signer.signature_mismatch');
  });

  it('an unreachable service is signer.remote_unreachable, after its repeats', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    expect(
      await failureOf(createRemoteSigner(config({ url: `http://127.0.0.1:${closed}/api/v1`, retries: 1 }))),
    ).toBe('signer.remote_unreachable');
  });

  it('accepts https, or http to this machine only', () => {
    expect(remoteBaseUrl('https://ky-so.example.vn/api/v1/').href).toBe('https://ky-so.example.vn/api/v1');
    expect(remoteBaseUrl('http://127.0.0.1:8443/api').href).toBe('http://127.0.0.1:8443/api');
    expect(() => remoteBaseUrl('http://ky-so.example.vn/api')).toThrow(/use https/);
    expect(() => remoteBaseUrl('https://user:pw@ky-so.example.vn/api')).toThrow(/no credentials/);
  });

  it('words the failure for the user in vi, en and ru', async () => {
    const error = (await createRemoteSigner(config({ token: 'wrong' })).catch((e: unknown) => e)) as AppError;
    expect(translate('vi', error.code, error.params)).toBe(
      'Không ký số được: dịch vụ ký số từ xa từ chối thông tin xác thực (token truy cập)',
    );
    expect(translate('en', error.code, error.params)).toBe(
      'Could not sign digitally: the remote signing service rejected the credentials (access token)',
    );
    expect(translate('ru', error.code, error.params)).toMatch(
      /^Не удалось поставить электронную подпись: удалённый/,
    );
  });
});

describe('remote signing service signer over https', () => {
  let pki: TestPki;
  let service: TestSigningService;

  beforeAll(async () => {
    pki = makeTestPki();
    service = await startTestSigningService({
      token: TOKEN,
      keys: {
        'don-vi': {
          keyPem: pki.ec.keyPem,
          algorithm: 'ECDSA-P256-SHA256',
          certificates: [pki.ec.certificate],
        },
      },
      tls: { keyPem: pki.tls.keyPem, certPem: toPem(pki.tls.certificate) },
    });
  });

  afterAll(async () => {
    await service?.close();
    pki?.cleanup();
  });

  it('trusts the service through the configured CA bundle, and not without it', async () => {
    const base = { url: service.url, keyId: 'don-vi', token: TOKEN, retryDelayMs: 0 };
    const signer = await createRemoteSigner({ ...base, ca: toPem(pki.root.certificate) });
    expect(await webCryptoVerifies(pki.ec.certificate, await signer.sign(DATA), DATA)).toBe(true);
    expect(await failureOf(createRemoteSigner(base))).toBe('signer.remote_untrusted');
    expect(service.requests.filter((r) => r.path === '/certificates')).toHaveLength(1);
  });
});
