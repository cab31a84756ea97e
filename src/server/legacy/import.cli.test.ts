/**
 * End to end through the CLI commands on a fresh SQLite file with the real administrative units: import the
 * Di Linh sample (`motcua import dossiers`), then `motcua report --format json` equals the expected report.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError, type CliIo } from '../cli/cli-error.ts';
import { importCommand } from '../cli/commands/import.ts';
import { reportCommand } from '../cli/commands/report.ts';
import { writeJsonl } from './legacy.fixtures.ts';
import { testClock } from '../../../test/support/clock.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = resolve(repoRoot, 'test/fixtures/legacy-dilinh.jsonl');
const EXPECTED = resolve(repoRoot, 'test/fixtures/legacy-dilinh.expected.json');

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), clock: testClock() };
}

describe('motcua import dossiers + motcua report (real units, SQLite file)', () => {
  const saved = process.env.DATABASE_URL;
  beforeAll(() => {
    process.env.DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'motcua-cli-')), 'motcua.db')}`;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('imports the sample, then reports exactly the expected figures', async () => {
    const io = captureIo();
    expect(await importCommand(['dossiers', SAMPLE], io)).toBe(0);
    expect(io.stdout[0]).toBe('Imported 300 dossier(s); skipped 0 whose code was already present.');
    expect(io.stdout).toContain('Former unit codes resolved: 25009→25000, 25027→25000, 25030→25000.');
    const again = captureIo();
    expect(await importCommand(['dossiers', SAMPLE], again)).toBe(0);
    expect(again.stdout[0]).toBe('Imported 0 dossier(s); skipped 300 whose code was already present.');
    const out = captureIo();
    expect(await reportCommand(['--unit', '25000', '--from', '2025-07-09', '--to', '2025-08-06'], out)).toBe(
      0,
    );
    const report = JSON.parse(out.stdout.join('\n')) as Record<string, unknown>;
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, unknown>;
    expect({ ...report, unit: { code: (report.unit as { code: string }).code } }).toEqual(expected);
  }, 120_000);

  it('a bad file: exit 1, every bad line on stderr, nothing imported', async () => {
    const file = writeJsonl(['{"code": 1}', '', 'not json']);
    const io = captureIo();
    expect(await importCommand(['dossiers', file], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^line 1: code: must be a string; unitCode: missing;/);
    expect(io.stderr[1]).toMatch(/^line 3: bad JSON/);
    expect(io.stderr[2]).toBe('2 invalid line(s) of 3: nothing was imported.');
  }, 60_000);

  it('usage errors', async () => {
    await expect(importCommand(['dossier', SAMPLE], captureIo())).rejects.toThrow(CliUsageError);
    await expect(importCommand(['dossiers'], captureIo())).rejects.toThrow(
      'import: usage: motcua import dossiers FILE.jsonl',
    );
    await expect(importCommand(['dossiers', '/nonexistent.jsonl'], captureIo())).rejects.toThrow(
      'import: no such file: /nonexistent.jsonl',
    );
  });
});
