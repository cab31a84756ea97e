import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../../app.ts'; // every feature, so that the messages features register themselves are in
import { ERROR_STATUS } from '../app-error.ts';
import { hasMessageIn } from './messages.ts';
import { LOCALES } from './locale.ts';

const SERVER = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every message key the server's code can send to a user: '@key' texts, broken rules, error codes. */
function keysInCode(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const where = relative(SERVER, file);
    for (const m of text.matchAll(/['"`]@([a-zA-Z][\w.]*[\w])['"`]/g)) keys.set(m[1]!, where);
    for (const m of text.matchAll(/ruleViolation\(\s*['"]([\w.]+)['"]/g)) keys.set(m[1]!, where);
    for (const m of text.matchAll(/new AppError\(\s*['"]([A-Z_]+)['"]/g)) keys.set(m[1]!, where);
    if (text.includes('`@calendar.${')) keys.set('calendar.*', where);
  }
  return keys;
}

const CALENDAR_CODES = [
  'INVALID_LIMIT',
  'INVALID_UNIT',
  'INVALID_CUTOFF',
  'INVALID_DATE',
  'INVALID_INSTANT',
  'INVALID_SPEC',
  'OUT_OF_RANGE',
  'EXTENSION_ALREADY_USED',
  'EXTENSION_NOT_LATER',
] as const;

describe('server messages', () => {
  it('every key the server can throw has its own text in Vietnamese, English and Russian', () => {
    const found = keysInCode();
    expect(found.size).toBeGreaterThan(40);
    const keys = new Set([...found.keys()].filter((k) => k !== 'calendar.*'));
    for (const code of Object.keys(ERROR_STATUS)) keys.add(code);
    for (const code of CALENDAR_CODES) keys.add(`calendar.${code}`);
    const missing = [...keys].flatMap((key) =>
      LOCALES.filter((l) => !hasMessageIn(l, key)).map(
        (l) => `${l}: ${key} (${found.get(key) ?? 'code table'})`,
      ),
    );
    expect(missing).toEqual([]);
  });
});
