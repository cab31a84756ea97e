/**
 * The web app's dictionaries: the same keys and placeholders in Vietnamese, English and Russian, and every
 * literal key the code asks for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('../../src/web/', import.meta.url));

async function dictionary(lang: string): Promise<Record<string, string>> {
  const mod = (await import(pathToFileURL(join(WEB, 'i18n', `${lang}.js`)).href)) as Record<
    string,
    Record<string, string>
  >;
  const dict = mod[lang];
  if (!dict) throw new Error(`i18n/${lang}.js exports no "${lang}"`);
  return dict;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('web dictionaries', () => {
  it('have the same keys and placeholders in vi, en and ru', async () => {
    const vi = await dictionary('vi');
    for (const lang of ['en', 'ru']) {
      const other = await dictionary(lang);
      expect(Object.keys(other).sort(), lang).toEqual(Object.keys(vi).sort());
      for (const [key, text] of Object.entries(vi)) {
        expect(placeholders(other[key] ?? ''), `${lang} ${key}`).toEqual(placeholders(text));
        expect((other[key] ?? '').trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('contain every literal key used by the code', async () => {
    const vi = await dictionary('vi');
    const used = new Set<string>();
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'(\w+\.[\w.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bt\([^()]*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g))
        used.add(m[1]!).add(m[2]!);
      for (const m of text.matchAll(/\b(?:key|title): '([a-z]+\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((k) => !(k in vi))).toEqual([]);
  });

  // The officers' views are fetched when first opened (app.js, lazyView), not before sign-in: only the sign-in
  // and public pages among them are preloaded.
  it('are preloaded with every module by index.html, but for the views loaded when opened', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const PRELOADED_VIEWS = [
      'views/login.js',
      'views/lookup.js',
      'views/lookup-result.js',
      'views/verify.js',
      'views/public-schedule.js',
    ];
    const modules = sources(WEB)
      .map((f) => f.slice(WEB.length).split('\\').join('/'))
      // the citizens' pages are their own light entry (portal.html, docs/PORTAL.md), never the officers' app's
      .filter((f) => f !== 'app.js' && f !== 'portal.js' && !f.startsWith('portal/'))
      .filter((f) => !f.startsWith('views/') || PRELOADED_VIEWS.includes(f));
    expect(modules.filter((m) => !html.includes(`<link rel="modulepreload" href="/${m}" />`))).toEqual([]);
  });
});
