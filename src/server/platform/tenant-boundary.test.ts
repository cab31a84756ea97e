/**
 * The tenant boundary is one function: every read of a table that carries `unit_code` goes through the scope
 * helper of platform/tenant.ts (`withinScope` for Kysely, `scopeSql` for raw SQL), in a repository. The system's
 * own reads say so (`withinScope(q, EVERY_TENANT)` with the reason), and a read keyed by a row already read within
 * scope says so in a `// tenant: …` comment. This test finds every read in the server's code and fails on one
 * that does neither, or that sits outside the data layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.ts';

const SERVER = fileURLToPath(new URL('../', import.meta.url));

/** Where SQL may live: repositories, and the legacy import (the system's bulk writer). */
const DATA_LAYER = [/\.repository\.ts$/, /^legacy\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-helpers|fixtures/.test(e.name) ? [path] : [];
  });
}

interface Read {
  file: string;
  line: number;
  table: string;
  statement: string;
}

/** Every Kysely or raw-SQL read of one of `tables`, with the statement around it (previous `;` to next `;`). */
function readsOf(tables: readonly string[]): Read[] {
  const names = tables.join('|');
  const kysely = new RegExp(`(?:selectFrom|innerJoin|leftJoin)\\(\\s*\\[?\\s*'(${names})(?: as \\w+)?'`, 'g');
  const raw = new RegExp(`\\b(?:from|join)\\s+(${names})\\b(?![_'])`, 'g');
  const reads: Read[] = [];
  for (const path of sources(SERVER)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(SERVER, path);
    for (const re of [kysely, raw])
      for (const m of text.matchAll(re)) {
        const at = m.index;
        // Raw SQL only inside template literals: skip prose in comments and strings.
        if (re === raw) {
          const lineText = text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
          if (/^\s*(\*|\/\/)/.test(lineText) || !/sql|`/.test(text.slice(text.lastIndexOf(';', at), at)))
            continue;
        }
        const start = text.lastIndexOf(';', at) + 1;
        const end = text.indexOf(';', at);
        reads.push({
          file,
          line: text.slice(0, at).split('\n').length,
          table: m[1]!,
          statement: text.slice(start, end === -1 ? undefined : end),
        });
      }
  }
  return reads;
}

const scoped = (statement: string): boolean => /\bwithinScope\(|\bscopeSql\(|\/\/ tenant: \S/.test(statement);

describe('the tenant boundary', () => {
  let t: TestDb;
  let tenantTables: string[];
  beforeAll(async () => {
    t = await openTestDb('sqlite');
    const { rows } = await sql<{ name: string }>`select m.name from sqlite_master m
      where m.type = 'table' and exists (select 1 from pragma_table_info(m.name) c where c.name = 'unit_code')
      order by m.name`.execute(t.db);
    tenantTables = rows.map((r) => r.name);
  });
  afterAll(async () => t?.dispose());

  it('knows every table that carries a unit_code', () => {
    expect(tenantTables).toEqual(
      expect.arrayContaining(['attachments', 'dossiers', 'petitions', 'tasks', 'users']),
    );
  });

  it('finds the reads (the scan itself works)', () => {
    const reads = readsOf(tenantTables);
    expect(reads.length).toBeGreaterThan(20);
    expect(reads.some((r) => r.file === 'dossiers/dossier.repository.ts' && r.table === 'dossiers')).toBe(
      true,
    );
    expect(scoped("db.selectFrom('dossiers').selectAll().where('code', '=', c)")).toBe(false);
  });

  it('reads every tenant table through the scope helper, in the data layer', () => {
    const unscoped = readsOf(tenantTables)
      .filter((r) => !scoped(r.statement))
      .map((r) => `${r.file}:${r.line} reads ${r.table} without withinScope/scopeSql`);
    const outside = readsOf(tenantTables)
      .filter((r) => !DATA_LAYER.some((re) => re.test(r.file)))
      .map((r) => `${r.file}:${r.line} reads ${r.table} outside a repository`);
    expect([...unscoped, ...outside]).toEqual([]);
  });
});
