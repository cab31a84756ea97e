import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, toPem, type TestPki } from '../../../test/support/signing-pki.ts';
import { startTestSigningService, type TestSigningService } from '../../../test/support/signing-service.ts';
import { signerError, signerFailureOf } from './signer-error.ts';
import type { Signer } from './signer.ts';
import {
  configuredSigners,
  createConfiguredSigner,
  findSignerEntry,
  readPemCertificates,
  readSecret,
  readSignersFile,
  type SignerEntry,
} from './signers-config.ts';

const TOKEN = 'token-cua-xa-di-linh';

describe('signers file (MOTCUA_SIGNERS_FILE)', () => {
  let dir: string;
  let pki: TestPki;
  let service: TestSigningService;
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-signers-'));
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
    });
  });

  afterAll(async () => {
    await service?.close();
    pki?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads token and remote entries, secrets given only as where to read them', () => {
    const path = file('ok.json', {
      signers: [
        {
          unit: '68001',
          kind: 'pkcs11',
          tokenLabel: 'VNPT-CA',
          keyId: '0a1B',
          pin: { env: 'MOTCUA_PIN_68001' },
        },
        {
          unit: '68001',
          account: 'nva.dilinh',
          kind: 'remote',
          url: 'https://ky-so.example.vn/api/v1',
          keyId: 'k1',
          token: { file: '/etc/motcua/remote-token' },
        },
      ],
    });
    const entries = readSignersFile(path);
    expect(entries.map((e) => [e.unit, e.account, e.kind])).toEqual([
      ['68001', undefined, 'pkcs11'],
      ['68001', 'nva.dilinh', 'remote'],
    ]);
  });

  it('fails at start naming the entry and the field', () => {
    const cases: [unknown, RegExp][] = [
      // A PIN written in the file itself is refused: only {env} or {file}.
      [{ signers: [{ unit: '68001', kind: 'pkcs11', pin: '123456' }] }, /signers\.0\.pin/],
      [{ signers: [{ unit: '6800', kind: 'pkcs11', pin: { env: 'P' } }] }, /signers\.0\.unit: a unit code/],
      [
        { signers: [{ unit: '68001', kind: 'pkcs11', pin: { env: 'P' }, keyId: 'xyz' }] },
        /signers\.0\.keyId/,
      ],
      [{ signers: [{ unit: '68001', kind: 'usb', pin: { env: 'P' } }] }, /signers\.0\.kind/],
      [
        { signers: [{ unit: '68001', kind: 'remote', url: 'ftp://x', keyId: 'k', token: { env: 'T' } }] },
        /url/,
      ],
      [{ signers: [{ unit: '68001', kind: 'pkcs11', pin: { env: 'P' }, pinn: 1 }] }, /pinn/],
      [
        {
          signers: [
            { unit: '68001', kind: 'pkcs11', pin: { env: 'P' } },
            { unit: '68001', kind: 'pkcs11', pin: { env: 'Q' } },
          ],
        },
        /signers\.1: a second signer for the same unit and account/,
      ],
    ];
    for (const [content, message] of cases)
      expect(() => readSignersFile(file('bad.json', content)), JSON.stringify(content)).toThrow(message);
    expect(() => readSignersFile(file('bad.json', '{ not json'))).toThrow(/MOTCUA_SIGNERS_FILE .*bad\.json/);
    expect(() => readSignersFile(join(dir, 'absent.json'))).toThrow(/ENOENT/);
  });

  it("picks the account's own signer, else the unit's", () => {
    const entries = [
      { unit: '68001', kind: 'pkcs11', pin: { env: 'A' } },
      { unit: '68001', account: 'nva', kind: 'pkcs11', pin: { env: 'B' } },
      { unit: '68002', account: 'ttb', kind: 'pkcs11', pin: { env: 'C' } },
    ] as SignerEntry[];
    expect(findSignerEntry(entries, { unitCode: '68001', username: 'nva' })).toBe(entries[1]);
    expect(findSignerEntry(entries, { unitCode: '68001', username: 'other' })).toBe(entries[0]);
    expect(findSignerEntry(entries, { unitCode: '68001' })).toBe(entries[0]);
    // An account's entry of another unit is not used, and a unit without an entry has none.
    expect(findSignerEntry(entries, { unitCode: '68002', username: 'nva' })).toBeUndefined();
    expect(findSignerEntry(entries, { unitCode: '68003' })).toBeUndefined();
  });

  it('reads secrets from the environment or a file', () => {
    expect(readSecret({ env: 'PIN_X' }, { PIN_X: '2468' })).toBe('2468');
    expect(readSecret({ env: 'PIN_X' }, {})).toBeUndefined();
    expect(readSecret({ file: file('pin', '1357\n') }, {})).toBe('1357');
    expect(readSecret({ file: join(dir, 'absent') }, {})).toBeUndefined();
  });

  it('reads a PEM chain file', () => {
    const path = file('chain.pem', toPem(pki.ec.certificate) + toPem(pki.root.certificate));
    const chain = readPemCertificates(path);
    expect(chain.map((c) => new X509Certificate(c).subject.split('\n').pop())).toEqual([
      'CN=UBND xã Di Linh',
      'CN=CA thử nghiệm MộtCửa',
    ]);
  });

  it('opens a remote signer from its entry, the token read from a file, and signs', async () => {
    const entry: SignerEntry = {
      unit: '68001',
      kind: 'remote',
      url: service.url,
      keyId: 'don-vi',
      token: { file: file('token', `${TOKEN}\n`) },
    };
    const signer = await createConfiguredSigner(entry, { env: {} });
    const data = Buffer.from('dữ liệu ký');
    const signature = await signer.sign(data);
    expect(verify('sha256', data, new X509Certificate(pki.ec.certificate).publicKey, signature)).toBe(true);
  });

  it('says which secret is missing before reaching the token or the service', async () => {
    const remote: SignerEntry = {
      unit: '68001',
      kind: 'remote',
      url: service.url,
      keyId: 'k',
      token: { env: 'NO' },
    };
    const token: SignerEntry = { unit: '68001', kind: 'pkcs11', tokenLabel: 't', pin: { env: 'NO' } };
    const requests = service.requests.length;
    expect(signerFailureOf(await createConfiguredSigner(remote, { env: {} }).catch((e) => e))).toBe(
      'signer.token_missing',
    );
    expect(signerFailureOf(await createConfiguredSigner(token, { env: {} }).catch((e) => e))).toBe(
      'signer.pin_missing',
    );
    expect(service.requests.length).toBe(requests);
  });

  it('keeps an opened signer, and tries again after one that failed to open', async () => {
    const entries: SignerEntry[] = [
      { unit: '68001', kind: 'remote', url: service.url, keyId: 'don-vi', token: { env: 'T' }, retries: 0 },
    ];
    const signers = configuredSigners(entries, { env: { T: TOKEN } });
    const certificateCalls = () => service.requests.filter((r) => r.path === '/certificates').length;
    const before = certificateCalls();
    service.script = () => ({ status: 503, body: '{}' });
    expect(signerFailureOf(await signers.signerFor({ unitCode: '68001' })!.catch((e) => e))).toBe(
      'signer.remote_server_error',
    );
    service.script = undefined;
    const first = await signers.signerFor({ unitCode: '68001', username: 'nva' })!;
    const again = await signers.signerFor({ unitCode: '68001' })!;
    expect(again).toBe(first);
    expect(certificateCalls() - before).toBe(2);
    expect(signers.signerFor({ unitCode: '68002' })).toBeUndefined();
  });

  it('does not try a PIN the token refused again until it changes (at opening or at a signature)', async () => {
    const env: Record<string, string> = { PIN: 'sai' };
    let opens = 0;
    let signFails = false;
    const fake = async (entry: SignerEntry, settings: { env: NodeJS.ProcessEnv }): Promise<Signer> => {
      opens++;
      if (entry.kind === 'pkcs11' && readSecret(entry.pin, settings.env) === 'sai')
        throw signerError('signer.pin_incorrect');
      return {
        kind: 'pkcs11',
        algorithm: 'RSA-SHA256',
        certificates: async () => [],
        sign: async () => {
          if (signFails) throw signerError('signer.pin_incorrect');
          return new Uint8Array([1]);
        },
      };
    };
    const entries: SignerEntry[] = [{ unit: '68001', kind: 'pkcs11', tokenLabel: 't', pin: { env: 'PIN' } }];
    const signers = configuredSigners(entries, { env }, fake);
    const failure = async () =>
      signerFailureOf(await signers.signerFor({ unitCode: '68001' })!.catch((e) => e));

    expect(await failure()).toBe('signer.pin_incorrect');
    expect(await failure()).toBe('signer.pin_incorrect');
    expect(opens).toBe(1); // the second time the token was not asked
    env.PIN = 'dung';
    const signer = await signers.signerFor({ unitCode: '68001' })!;
    expect(opens).toBe(2);
    expect(await signer.sign(new Uint8Array([0]))).toEqual(new Uint8Array([1]));
    expect(await signers.signerFor({ unitCode: '68001' })).toBe(signer);
    expect(opens).toBe(2);

    // The PIN changed on the token (or the token was swapped): the signature fails and the PIN is not tried again.
    signFails = true;
    expect(signerFailureOf(await signer.sign(new Uint8Array([0])).catch((e) => e))).toBe(
      'signer.pin_incorrect',
    );
    expect(await failure()).toBe('signer.pin_incorrect');
    expect(opens).toBe(2);
    signFails = false;
    env.PIN = 'moi';
    expect(await (await signers.signerFor({ unitCode: '68001' })!).sign(new Uint8Array([0]))).toEqual(
      new Uint8Array([1]),
    );
    expect(opens).toBe(3);
  });

  it('opens again after any other failure (the token plugged back in, the service back)', async () => {
    let opens = 0;
    const fake = async (): Promise<Signer> => {
      opens++;
      throw signerError('signer.token_absent');
    };
    const entries: SignerEntry[] = [{ unit: '68001', kind: 'pkcs11', tokenLabel: 't', pin: { env: 'PIN' } }];
    const signers = configuredSigners(entries, { env: { PIN: '1' } }, fake);
    for (let i = 0; i < 2; i++) await signers.signerFor({ unitCode: '68001' })!.catch(() => undefined);
    expect(opens).toBe(2);
  });
});
