import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PKI made with openssl for the signer tests: a root CA and two signing certificates it issued, one RSA
 * 2048 (a leader) and one ECDSA P-256 (a unit), named in Vietnamese, and a TLS server certificate. Keys are PEM (PKCS#8), certificates DER.
 */
export interface TestIdentity {
  keyPem: string;
  /** Path of the key as an unencrypted PKCS#8 PEM file (for softhsm2-util --import). */
  keyFile: string;
  certificate: Uint8Array;
  certificateFile: string;
}

export interface TestPki {
  dir: string;
  root: TestIdentity;
  rsa: TestIdentity;
  ec: TestIdentity;
  /** A TLS server certificate for 127.0.0.1 and localhost. */
  tls: TestIdentity;
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function identity(dir: string, name: string): TestIdentity {
  const keyFile = join(dir, `${name}.key`);
  const certificateFile = join(dir, `${name}.der`);
  return {
    keyFile,
    keyPem: readFileSync(keyFile, 'utf8'),
    certificateFile,
    certificate: new Uint8Array(readFileSync(certificateFile)),
  };
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pki-'));
  // Valid for 40 years from the machine's today: the signer tests never compare validity to a clock.
  writeFileSync(
    join(dir, 'ext.cnf'),
    [
      '[ca]',
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,keyCertSign,cRLSign',
      'subjectKeyIdentifier=hash',
      '[leaf]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,nonRepudiation',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      '[tls]',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '',
    ].join('\n'),
  );
  const P256 = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(['genpkey', ...P256, '-out', 'root.key'], dir);
  const rootSubject = '/C=VN/O=MộtCửa thử nghiệm/CN=CA thử nghiệm MộtCửa';
  openssl(
    ['req', '-x509', '-new', '-key', 'root.key', '-utf8', '-subj', rootSubject, '-days', '14600'].concat([
      '-extensions',
      'ca',
      '-config',
      'ext.cnf',
      '-outform',
      'DER',
      '-out',
      'root.der',
    ]),
    dir,
  );
  const leaves = [
    {
      name: 'rsa',
      alg: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      cn: 'Nguyễn Văn Bình',
      ext: 'leaf',
    },
    { name: 'ec', alg: P256, cn: 'UBND xã Di Linh', ext: 'leaf' },
    { name: 'tls', alg: P256, cn: 'ky-so.test', ext: 'tls' },
  ];
  for (const [serial, leaf] of leaves.entries()) {
    openssl(['genpkey', ...leaf.alg, '-out', `${leaf.name}.key`], dir);
    const subject = `/C=VN/ST=Lâm Đồng/O=UBND xã Di Linh/CN=${leaf.cn}`;
    openssl(
      ['req', '-new', '-key', `${leaf.name}.key`, '-utf8', '-subj', subject, '-out', `${leaf.name}.csr`],
      dir,
    );
    openssl(
      ['x509', '-req', '-in', `${leaf.name}.csr`, '-CA', 'root.der', '-CAform', 'DER', '-CAkey', 'root.key']
        .concat(['-set_serial', String(1001 + serial), '-days', '14600', '-extfile', 'ext.cnf'])
        .concat(['-extensions', leaf.ext, '-outform', 'DER', '-out', `${leaf.name}.der`]),
      dir,
    );
  }
  return {
    dir,
    root: identity(dir, 'root'),
    rsa: identity(dir, 'rsa'),
    ec: identity(dir, 'ec'),
    tls: identity(dir, 'tls'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A DER certificate as PEM (for a TLS server or a CA bundle). */
export function toPem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
