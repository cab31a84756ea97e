import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/motcua', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(BIN, args, {
      env: { ...process.env, DATABASE_URL: 'sqlite::memory:' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('motcua calendar due (CLI)', () => {
  it('prints one JSON object with the due (Tết 2026 example)', async () => {
    const r = await run(
      'calendar',
      'due',
      '--received',
      '2026-02-13T16:00:00+07:00',
      '--limit',
      '3',
      '--unit',
      'working_day',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"due":"2026-02-25T17:30:00+07:00"}\n');
    expect(JSON.parse(r.stdout)).toEqual({ due: '2026-02-25T17:30:00+07:00' });
  });

  it('honours --cutoff for same-day limits', async () => {
    const before = await run(
      'calendar',
      'due',
      '--received',
      '2026-03-10T14:30:00+07:00',
      '--limit',
      '0',
      '--unit',
      'working_day',
    );
    const after = await run(
      'calendar',
      'due',
      '--received',
      '2026-03-10T14:30:00+07:00',
      '--limit',
      '0',
      '--unit',
      'working_day',
      '--cutoff',
      '14:00',
    );
    expect(JSON.parse(before.stdout).due).toBe('2026-03-10T17:30:00+07:00');
    expect(JSON.parse(after.stdout).due).toBe('2026-03-11T17:30:00+07:00');
  });

  it.each([
    [['--received', 'yesterday', '--limit', '1', '--unit', 'working_day'], /received/],
    [['--received', '2026-02-30T10:00:00+07:00', '--limit', '1', '--unit', 'working_day'], /received/],
    [['--received', '2026-02-13T16:00:00+07:00', '--limit', '-1', '--unit', 'working_day'], /limit/],
    [['--received', '2026-02-13T16:00:00+07:00', '--limit', '1.5', '--unit', 'working_day'], /limit/],
    [['--received', '2026-02-13T16:00:00+07:00', '--limit', '2', '--unit', 'fortnight'], /unit/],
    [['--limit', '2', '--unit', 'working_day'], /received/],
  ])('rejects bad input %j with a non-zero exit and one line on stderr', async (args, field) => {
    const r = await run('calendar', 'due', ...args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(field);
  });
});

describe('motcua calendar days (CLI)', () => {
  it('lists 2025 days off with reasons, including the swapped Saturday 26 April', async () => {
    const r = await run('calendar', 'days', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/26\/04\/2025 +Thứ Bảy +làm việc/);
    expect(r.stdout).toMatch(/02\/05\/2025 +Thứ Sáu +nghỉ/);
    expect(r.stdout).toMatch(/07\/04\/2025 +Thứ Hai +nghỉ +Giỗ Tổ Hùng Vương/);
  });
});

describe('motcua calendar check-open (CLI)', () => {
  it('reports what it checked as one JSON object with --json, and in Vietnamese without', async () => {
    const json = await run('calendar', 'check-open', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ checked: 0, differences: [], notRecomputed: [] });
    const text = await run('calendar', 'check-open', '--province', '68');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Đã kiểm tra 0 hồ sơ đang giải quyết: 0 hồ sơ có hạn khác/);
  });

  it('names a bad --province', async () => {
    const r = await run('calendar', 'check-open', '--province', 'Lâm Đồng');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--province must be a 2-digit province code');
  });
});
