import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PKI made with openssl for the signer tests: a root CA and two signing certificates it issued, one RSA
 * 2048 (a leader) and one ECDSA P-256 (a unit), named in Vietnamese. Keys are PEM (PKCS#8), certificates DER.
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
      '',
    ].join('\n'),
  );
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'root.key'], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'root.key',
      '-utf8',
      '-subj',
      '/C=VN/O=MộtCửa thử nghiệm/CN=CA thử nghiệm MộtCửa',
      '-days',
      '14600',
      '-extensions',
      'ca',
      '-config',
      'ext.cnf',
      '-outform',
      'DER',
      '-out',
      'root.der',
    ],
    dir,
  );
  const leaves = [
    { name: 'rsa', alg: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], cn: 'Nguyễn Văn Bình' },
    { name: 'ec', alg: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], cn: 'UBND xã Di Linh' },
  ];
  for (const leaf of leaves) {
    openssl(['genpkey', ...leaf.alg, '-out', `${leaf.name}.key`], dir);
    openssl(
      [
        'req',
        '-new',
        '-key',
        `${leaf.name}.key`,
        '-utf8',
        '-subj',
        `/C=VN/ST=Lâm Đồng/O=UBND xã Di Linh/CN=${leaf.cn}`,
        '-out',
        `${leaf.name}.csr`,
      ],
      dir,
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${leaf.name}.csr`,
        '-CA',
        'root.der',
        '-CAform',
        'DER',
        '-CAkey',
        'root.key',
        '-set_serial',
        leaf.name === 'rsa' ? '1001' : '1002',
        '-days',
        '14600',
        '-extfile',
        'ext.cnf',
        '-extensions',
        'leaf',
        '-outform',
        'DER',
        '-out',
        `${leaf.name}.der`,
      ],
      dir,
    );
  }
  return {
    dir,
    root: identity(dir, 'root'),
    rsa: identity(dir, 'rsa'),
    ec: identity(dir, 'ec'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
