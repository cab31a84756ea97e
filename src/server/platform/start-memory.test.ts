/**
 * The server's start-up does not load the document and signing libraries (docs/PERFORMANCE.md, "Memory"): PDF and
 * Excel are written in the render workers, and signing loads on its first use, so a server that is only serving
 * queues and lookups keeps ~50 MB less resident. This walks the static import graph of `motcua serve` (esbuild's
 * metafile, imports not followed into packages) and fails on any static path to one of those packages.
 */
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const HEAVY = ['exceljs', 'pdfmake', 'pdf-lib', '@pdf-lib/fontkit', 'pkijs', 'asn1js', 'qrcode', 'pkcs11js'];
const ENTRY = 'src/server/cli/commands/serve.ts';

const isHeavy = (path: string) => HEAVY.some((p) => path === p || path.startsWith(`${p}/`));

async function staticPathsToHeavy(): Promise<string[]> {
  const built = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'unused',
    logLevel: 'error',
  });
  const inputs = built.metafile.inputs;
  const parent = new Map<string, string | null>([[ENTRY, null]]);
  const queue = [ENTRY];
  const found: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) {
        if (!isHeavy(imp.path)) continue;
        const chain = [imp.path];
        for (let at: string | null | undefined = file; at; at = parent.get(at)) chain.unshift(at);
        found.push(chain.join(' → '));
      } else if (!parent.has(imp.path)) {
        parent.set(imp.path, file);
        queue.push(imp.path);
      }
    }
  }
  return found;
}

describe('start-up memory', () => {
  it('motcua serve loads no PDF, Excel or signing library until one is used', async () => {
    expect(await staticPathsToHeavy()).toEqual([]);
  });
});
