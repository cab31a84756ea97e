import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, verify as nodeVerify, webcrypto, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../../test/support/signing-pki.ts';
import {
  createSoftHsmToken,
  SOFTHSM_AVAILABLE,
  SOFTHSM_MODULE,
  SOFTHSM_SKIP_REASON,
} from '../../../test/support/softhsm.ts';
import { AppError } from '../platform/app-error.ts';
import { translate } from '../platform/i18n/messages.ts';
import { ecdsaDerToRaw } from './ecdsa.ts';
import { createPkcs11Signer, type Pkcs11SignerConfig } from './pkcs11-signer.ts';
import { signerFailureOf } from './signer-error.ts';
import { createConfiguredSigner } from './signers-config.ts';

const MODULE = SOFTHSM_MODULE;
if (!SOFTHSM_AVAILABLE) console.warn(SOFTHSM_SKIP_REASON);

const PIN = '246810';
const SO_PIN = '13579135';
const DATA = new TextEncoder().encode('DER of the signed attributes — chữ ký số của UBND xã Di Linh');

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
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(503);
    return signerFailureOf(e);
  }
  throw new Error('expected a signer failure');
}

describe.skipIf(!SOFTHSM_AVAILABLE)('PKCS#11 signer on a SoftHSM token', () => {
  let pki: TestPki;
  const base = (): Pkcs11SignerConfig => ({ module: MODULE, tokenLabel: 'motcua-test', pin: PIN });

  beforeAll(() => {
    pki = makeTestPki();
    createSoftHsmToken(pki.dir, {
      label: 'motcua-test',
      pin: PIN,
      soPin: SO_PIN,
      keys: [
        { keyPem: pki.rsa.keyPem, id: '01', label: 'lanh-dao' },
        { keyPem: pki.ec.keyPem, id: '02', label: 'don-vi' },
      ],
      certificates: [
        { der: pki.rsa.certificate, id: '01', label: 'lanh-dao' },
        { der: pki.ec.certificate, id: '02', label: 'don-vi' },
        { der: pki.root.certificate, id: 'ff', label: 'ca-goc' },
      ],
    });
  });

  afterAll(() => pki?.cleanup());

  it('signs with an RSA key (CKM_SHA256_RSA_PKCS) found by label; the signature verifies with WebCrypto', async () => {
    const signer = await createPkcs11Signer({ ...base(), keyLabel: 'lanh-dao' });
    expect(signer.kind).toBe('pkcs11');
    expect(signer.algorithm).toBe('RSA-SHA256');
    const certificates = await signer.certificates();
    // Its own certificate first, then the root CA found among the token's certificates.
    expect(certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      Buffer.from(pki.rsa.certificate).toString('hex'),
      Buffer.from(pki.root.certificate).toString('hex'),
    ]);
    expect(new X509Certificate(certificates[0]!).subject).toContain('CN=Nguyễn Văn Bình');

    const signature = await signer.sign(DATA);
    expect(signature.length).toBe(256);
    expect(await webCryptoVerifies(pki.rsa.certificate, signature, DATA)).toBe(true);
    // PKCS#1 v1.5 (not PSS), as CMS with sha256WithRSAEncryption wants.
    expect(
      nodeVerify(
        'sha256',
        DATA,
        { key: new X509Certificate(pki.rsa.certificate).publicKey, padding: constants.RSA_PKCS1_PADDING },
        signature,
      ),
    ).toBe(true);
    // Another text does not verify with that signature.
    expect(await webCryptoVerifies(pki.rsa.certificate, signature, new TextEncoder().encode('khác'))).toBe(
      false,
    );
  });

  it('signs with a P-256 key (CKM_ECDSA over SHA-256) found by id; the DER Ecdsa-Sig-Value verifies', async () => {
    const signer = await createPkcs11Signer({ ...base(), keyId: '02' });
    expect(signer.algorithm).toBe('ECDSA-P256-SHA256');
    expect(Buffer.from((await signer.certificates())[0]!).equals(Buffer.from(pki.ec.certificate))).toBe(true);
    const signature = await signer.sign(DATA);
    expect(signature[0]).toBe(0x30); // DER SEQUENCE, not the token's raw r||s
    expect(await webCryptoVerifies(pki.ec.certificate, signature, DATA)).toBe(true);
    // Node's own DER ECDSA verification agrees.
    expect(nodeVerify('sha256', DATA, new X509Certificate(pki.ec.certificate).publicKey, signature)).toBe(
      true,
    );
  });

  it('serialises concurrent signatures on one token: all of them succeed and verify', async () => {
    const rsa = await createPkcs11Signer({ ...base(), keyLabel: 'lanh-dao' });
    const ec = await createPkcs11Signer({ ...base(), keyLabel: 'don-vi' });
    const inputs = Array.from({ length: 6 }, (_, i) => new TextEncoder().encode(`văn bản ${i}`));
    const signatures = await Promise.all(inputs.map((d, i) => (i % 2 ? ec : rsa).sign(d)));
    for (const [i, signature] of signatures.entries()) {
      const cert = i % 2 ? pki.ec.certificate : pki.rsa.certificate;
      expect(await webCryptoVerifies(cert, signature, inputs[i]!)).toBe(true);
    }
  });

  it('says which: wrong PIN, no PIN, token absent, key not found, module missing', async () => {
    expect(await failureOf(createPkcs11Signer({ ...base(), pin: '000000', keyLabel: 'lanh-dao' }))).toBe(
      'signer.pin_incorrect',
    );
    expect(await failureOf(createPkcs11Signer({ ...base(), pin: '', keyLabel: 'lanh-dao' }))).toBe(
      'signer.pin_missing',
    );
    expect(
      await failureOf(createPkcs11Signer({ ...base(), tokenLabel: 'khong-co', keyLabel: 'lanh-dao' })),
    ).toBe('signer.token_absent');
    expect(await failureOf(createPkcs11Signer({ ...base(), keyLabel: 'khong-co' }))).toBe(
      'signer.key_not_found',
    );
    // Two keys on the token and none named: which one is not guessed.
    expect(await failureOf(createPkcs11Signer(base()))).toBe('signer.key_not_found');
    expect(
      await failureOf(
        createPkcs11Signer({ ...base(), module: join(pki.dir, 'no-such-module.so'), keyId: '01' }),
      ),
    ).toBe('signer.pkcs11_module');
    // After the failures, the token still signs (no session or login left behind).
    const signer = await createPkcs11Signer({ ...base(), keyId: '01' });
    expect(await webCryptoVerifies(pki.rsa.certificate, await signer.sign(DATA), DATA)).toBe(true);
  });

  it('opens from a signers-file entry, the PIN read from a file', async () => {
    const pinFile = join(pki.dir, 'pin');
    writeFileSync(pinFile, `${PIN}\n`, { mode: 0o600 });
    const signer = await createConfiguredSigner(
      {
        unit: '68001',
        kind: 'pkcs11',
        tokenLabel: 'motcua-test',
        keyLabel: 'don-vi',
        pin: { file: pinFile },
      },
      { env: {}, pkcs11Module: MODULE },
    );
    expect(signer.kind).toBe('pkcs11');
    expect(await webCryptoVerifies(pki.ec.certificate, await signer.sign(DATA), DATA)).toBe(true);
  });

  it('words the failure for the user in vi, en and ru', async () => {
    const error = await createPkcs11Signer({ ...base(), pin: '999999', keyLabel: 'lanh-dao' }).catch(
      (e) => e,
    );
    expect(translate('vi', error.code, error.params)).toBe(
      'Không ký số được: mã PIN của thiết bị ký số không đúng',
    );
    expect(translate('en', error.code, error.params)).toBe(
      'Could not sign digitally: the signing token’s PIN is incorrect',
    );
    expect(translate('ru', error.code, error.params)).toBe(
      'Не удалось поставить электронную подпись: неверный PIN-код токена подписи',
    );
  });
});
