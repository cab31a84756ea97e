import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../../../test/support/signing-pki.ts';
import {
  startTestSigningService,
  type TestSigningService,
} from '../../../../test/support/signing-service.ts';
import { manualClock } from '../../platform/clock.ts';
import { CliUsageError } from '../cli-error.ts';
import { signersCommand } from './signers.ts';

describe('motcua signers check', () => {
  let dir: string;
  let pki: TestPki;
  let service: TestSigningService;
  const saved = { file: process.env.MOTCUA_SIGNERS_FILE, token: process.env.TEST_REMOTE_TOKEN };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-signers-cli-'));
    pki = makeTestPki();
    service = await startTestSigningService({
      token: 'dung',
      keys: {
        'don-vi': {
          keyPem: pki.ec.keyPem,
          algorithm: 'ECDSA-P256-SHA256',
          certificates: [pki.ec.certificate],
        },
      },
    });
    const file = join(dir, 'signers.json');
    writeFileSync(
      file,
      JSON.stringify({
        signers: [
          {
            unit: '68001',
            kind: 'remote',
            url: service.url,
            keyId: 'don-vi',
            token: { env: 'TEST_REMOTE_TOKEN' },
          },
          {
            unit: '68002',
            kind: 'remote',
            url: service.url,
            keyId: 'don-vi',
            token: { file: join(dir, 'absent-token') },
          },
        ],
      }),
    );
    process.env.MOTCUA_SIGNERS_FILE = file;
    process.env.TEST_REMOTE_TOKEN = 'dung';
  });

  afterAll(async () => {
    for (const [name, value] of [
      ['MOTCUA_SIGNERS_FILE', saved.file],
      ['TEST_REMOTE_TOKEN', saved.token],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    await service?.close();
    pki?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[], at: string) => {
    const out: string[] = [];
    const code = await signersCommand(args, {
      out: (t) => out.push(t),
      err: () => {},
      clock: manualClock(at),
    });
    return { code, lines: out.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  it('signs a probe with each configured signer and says which cannot sign', async () => {
    // "Now" is the clock's: a day into the test certificate's validity, whatever day the suite runs.
    const now = new Date(
      Date.parse(new X509Certificate(pki.ec.certificate).validFrom) + 86_400_000,
    ).toISOString();
    const { code, lines } = await run(['check'], now);
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({
      unit: '68001',
      kind: 'remote',
      ok: true,
      algorithm: 'ECDSA-P256-SHA256',
      chain: 1,
    });
    expect(lines[0]!.subject).toContain('CN=UBND xã Di Linh');
    expect(lines[1]).toMatchObject({ unit: '68002', ok: false, error: 'signer.token_missing' });
    expect(service.requests.filter((r) => r.path === '/sign')).toHaveLength(1);

    expect((await run(['check', '--unit', '68001'], now)).code).toBe(0);
  });

  it('fails a certificate that is not valid at the clock’s time', async () => {
    const { code, lines } = await run(['check', '--unit', '68001'], '2200-01-01T00:00:00Z');
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ ok: false, error: 'certificate not valid now' });
  });

  it('rejects a wrong usage', async () => {
    await expect(run(['list'], '2026-01-01T00:00:00Z')).rejects.toBeInstanceOf(CliUsageError);
    await expect(run(['check', '--unit', '99999'], '2026-01-01T00:00:00Z')).rejects.toThrow(
      /no signer for unit 99999/,
    );
  });
});
