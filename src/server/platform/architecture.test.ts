/**
 * The shape of the server, checked: no import cycle between server folders (features, platform/, db/, cli/),
 * counting the imports that exist at run time (`import type` is erased). File-level cycles and the boundaries of
 * shared/ and platform/ are ESLint's (eslint.config.js).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const folderOf = (path: string): string => {
  const [first, ...rest] = relative(SERVER, path).split('/');
  return rest.length ? first! : '(root)';
};

/** Folder → the folders it imports at run time. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SERVER)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export) (?!type\b)[^;]*?from '(\.[^']+)'/gms)) {
      const target = resolve(dirname(file), m[1]!);
      if (!target.startsWith(SERVER)) continue;
      const to = folderOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('server folders', () => {
  it('import one another without a cycle', () => {
    const graph = folderGraph();
    expect(graph.get('petitions')).toContain('dossiers'); // the scan sees real imports
    expect(findCycle(graph)).toBeNull();
  });

  it('the cycle check finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keep SQL in repositories: none in routes, services or presenters', () => {
    const offenders = sources(SERVER)
      .filter((f) => /\.(routes|service|presenter)\.ts$/.test(f))
      .filter((f) =>
        /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => relative(SERVER, f));
    expect(offenders).toEqual([]);
  });

  it('platform/ and db/ import no feature', () => {
    const graph = folderGraph();
    const allowed = new Set(['platform', 'db']); // db's schema composes the features' table types, as types only
    for (const base of ['platform', 'db'])
      expect([...(graph.get(base) ?? [])].filter((f) => !allowed.has(f))).toEqual([]);
  });
});
