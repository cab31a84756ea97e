import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';
import { reportCommand } from '../cli/commands/report.ts';
import { CliUsageError, type CliIo } from '../cli/cli-error.ts';
import { insertReportUnits, legacyLine, writeJsonl } from '../legacy/legacy.fixtures.ts';
import { importLegacyDossiers } from '../legacy/legacy.import.ts';
import { periodReport } from './period-report.ts';
import { TEST_NOW, testClock } from '../../../test/support/clock.ts';

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), clock: testClock() };
}

describe('motcua report', () => {
  let t: TestDb;
  const open = async () => ({ ...t, close: async () => {} });
  const ARGS = ['--unit', '25000', '--from', '2025-07-09', '--to', '2025-08-06'];
  beforeAll(async () => {
    t = await openTestDb('sqlite');
    await insertReportUnits(t.db);
    const line = legacyLine({
      code: 'C-1',
      receivedAt: '2025-07-10T08:00:00+07:00',
      dueAt: '2025-07-15T17:30:00+07:00',
    });
    await importLegacyDossiers(t.db, writeJsonl([line]), { now: TEST_NOW });
  });
  afterAll(async () => t.dispose());

  it('--format json writes nothing but the JSON to stdout', async () => {
    const io = captureIo();
    expect(await reportCommand([...ARGS, '--format', 'json'], io, { open })).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(JSON.parse(io.stdout[0] ?? '')).toEqual(
      await periodReport(t.db, { unitCode: '25000', from: '2025-07-09', to: '2025-08-06' }, TEST_NOW),
    );
  });

  it('--format brief --lang en, and binary formats to stdout or --out', async () => {
    const io = captureIo();
    await reportCommand([...ARGS, '--format', 'brief', '--lang', 'en'], io, { open });
    expect(io.stdout[0]).toMatch(/^Di Linh commune was formed by merging/);
    const bytes: Buffer[] = [];
    await reportCommand([...ARGS, '--format', 'pdf'], captureIo(), {
      open,
      writeBytes: (b) => bytes.push(b),
    });
    expect(bytes[0]?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const out = join(mkdtempSync(join(tmpdir(), 'motcua-report-')), 'b06.xlsx');
    const quiet = captureIo();
    await reportCommand([...ARGS, '--format', 'xlsx', '--out', out], quiet, { open });
    expect(quiet.stdout).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Biểu 06')?.getCell('C10').value).toBe(1);
  });

  it.each([
    [['--from', '2025-07-09', '--to', '2025-08-06'], 'report: --unit is required'],
    [[...ARGS, '--format', 'docx'], 'report: --format must be one of json, xlsx, pdf, brief, got "docx"'],
    [[...ARGS, '--lang', 'fr'], 'report: --lang must be one of vi, en, ru, got "fr"'],
    [
      ['--unit', '25000', '--from', '2025-08-07', '--to', '2025-08-06'],
      'report: --from: the start date must not be after the end date (2025-08-07..2025-08-06)',
    ],
    [
      ['--unit', '25000', '--from', '2025-02-30', '--to', '2025-08-06'],
      'report: --from: is not a real date (2025-02-30..2025-08-06)',
    ],
    [
      ['--unit', '99999', '--from', '2025-07-09', '--to', '2025-08-06'],
      'report: --unit: unknown unit "99999"',
    ],
    [[...ARGS, '--bogus'], "report: Unknown option '--bogus'"],
  ])('bad arguments %j → a one-line usage error (exit 2)', async (args, message) => {
    const e = await reportCommand(args, captureIo(), { open }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliUsageError);
    expect((e as Error).message.startsWith(message)).toBe(true);
    expect((e as Error).message).not.toContain('\n');
  });
});
