import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { motcua } from '../cli-test-helpers.ts';

describe('motcua init (the first system administrator, once)', () => {
  const env = { DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'motcua-init-')), 'motcua.db')}` };

  beforeAll(async () => {
    expect((await motcua(['migrate'], { env })).code).toBe(0);
  }, 60_000);

  it('refuses missing arguments and a short password with exit 2, creating nothing', async () => {
    const missing = await motcua(['init', '--unit', '68'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('motcua init: --admin-username is required');
    expect((await motcua(['init', '--admin-username', 'quantri'], { env })).stderr.trim()).toBe(
      'motcua init: --unit is required',
    );
    const short = await motcua(['init', '--admin-username', 'quantri', '--unit', '68'], {
      env,
      input: 'short\n',
    });
    expect(short.code).toBe(2);
    expect(short.stderr.trim()).toMatch(/^motcua init: password: /);
    expect((await motcua(['users', 'list'], { env })).stdout).toBe('');
  });

  it('creates the administrator from standard input, says what to do next, then refuses a second one', async () => {
    const first = await motcua(
      ['init', '--admin-username', 'quantri', '--unit', '68', '--name', 'Quản trị Lâm Đồng'],
      { env, input: 'a-long-first-password\n' },
    );
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Created the first administrator quantri (system_admin) in unit 68.');
    expect(first.stdout).toMatch(/Next:\n {2}1\. Start the server: motcua serve/);
    expect(first.stdout).not.toContain('a-long-first-password');
    expect((await motcua(['users', 'list'], { env })).stdout).toMatch(
      /^quantri\s+68\s+system_admin\s+active/,
    );

    const second = await motcua(['init', '--admin-username', 'quantri2', '--unit', '68'], {
      env: { ...env, MOTCUA_PASSWORD: 'another-long-password' },
    });
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toBe(
      'motcua init: refused, the system already has an administrator (quantri); ' +
        'add accounts with motcua users create, or reset a password with motcua users passwd',
    );
    expect((await motcua(['users', 'list'], { env })).stdout).not.toContain('quantri2');
  });
});
