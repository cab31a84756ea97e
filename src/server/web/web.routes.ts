import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import type { AppInstance } from '../platform/types.ts';

const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
const SHARED_ROOT = fileURLToPath(new URL('../../shared/', import.meta.url));

const JS = 'text/javascript; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': JS,
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

interface Asset {
  body: Buffer;
  compressible: boolean;
  gzip: Buffer | null;
  /** Brotli at its best quality, made after the first request that accepts it (undefined until then). */
  brotli?: Buffer | null;
  making?: Promise<void>;
  type: string;
  etag: string;
}

/** A compressed copy, kept only when it is smaller. */
const smaller = (body: Buffer, packed: Buffer) => (packed.length < body.length ? packed : null);

const brotli = promisify(brotliCompress);

function toAsset(body: Buffer, type: string): Asset {
  const compressible = !type.startsWith('image/png');
  return {
    body,
    compressible,
    gzip: compressible ? smaller(body, gzipSync(body, { level: 9 })) : null,
    type,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}

/**
 * The asset's brotli copy once made; the first call starts making it off the event loop (brotli's best quality
 * takes about a second for the whole app, too long for every start), and gzip answers meanwhile.
 */
function brotliOf(asset: Asset): Buffer | null {
  if (asset.brotli !== undefined || !asset.compressible) return asset.brotli ?? null;
  asset.making ??= brotli(asset.body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: asset.body.length },
  }).then(
    (packed) => {
      asset.brotli = smaller(asset.body, packed);
    },
    () => {
      asset.brotli = null;
    },
  );
  return null;
}

/** Every file under `dir` (recursively) whose name passes `keep`, with its path from `root` as a URL path. */
function filesUnder(root: string, keep: (name: string) => boolean, dir = root): [string, string][] {
  return readdirSync(dir).flatMap((name): [string, string][] => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(root, keep, path);
    return keep(name) ? [[path, relative(root, path).split('\\').join('/')]] : [];
  });
}

/** The front end's own files, as they are. */
function loadWebAssets(files: Map<string, Asset>): void {
  const keep = (name: string) => Boolean(TYPES[extname(name)]) && !name.endsWith('.test.js');
  for (const [path, url] of filesUnder(WEB_ROOT, keep))
    files.set(`/${url}`, toAsset(readFileSync(path), TYPES[extname(path)]!));
}

/**
 * The pure shared code (src/shared) for the browser, compiled from TypeScript to JavaScript with esbuild (types
 * removed, nothing bundled). Each module keeps its path and name: `src/shared/calendar/engine.ts` is served at
 * `/shared/calendar/engine.ts` as JavaScript, so its own imports (`./time.ts`) resolve as they are, and the web app
 * imports it by the same relative path that TypeScript checks (`../../shared/calendar/index.ts`; the browser
 * stops the extra `..` at the site's root).
 */
async function loadSharedModules(files: Map<string, Asset>): Promise<void> {
  const keep = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts');
  const compiled = await Promise.all(
    filesUnder(SHARED_ROOT, keep).map(async ([path, url]) => {
      const out = await transform(readFileSync(path, 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        charset: 'utf8',
        sourcefile: `src/shared/${url}`,
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      });
      return [`/shared/${url}`, toAsset(Buffer.from(out.code), JS)] as const;
    }),
  );
  for (const [url, asset] of compiled) files.set(url, asset);
}

/** Loaded once per process (the files are small): compressed and fingerprinted, no disk at serve time. */
let loaded: Promise<Map<string, Asset>> | null = null;
function loadAssets(): Promise<Map<string, Asset>> {
  loaded ??= (async () => {
    const files = new Map<string, Asset>();
    loadWebAssets(files);
    await loadSharedModules(files);
    return files;
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** Paths with one of these extensions name a file: unknown ones answer 404, not the page. */
const isFilePath = (path: string) => Boolean(TYPES[extname(path)]) || extname(path) === '.ts';

/**
 * Serves the single-page web app: known files (and the shared modules, compiled) with ETag and gzip or brotli for
 * weak links, and index.html for every other non-API path, so client-side routes such as
 * /ho-so/000.00.68.25000-260302-0001 work; portal.html, the citizens' light entry, for /cong-dan and below.
 */
export async function webRoutes(app: AppInstance): Promise<void> {
  const assets = await loadAssets();
  const index = assets.get('/index.html');
  // The citizens' pages (docs/PORTAL.md): their own light page, not the officers' app.
  const portal = assets.get('/portal.html');
  const pageFor = (path: string) => (/^\/cong-dan(\/|$)/.test(path) ? portal : index);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) return reply.callNotFound();
    const page = pageFor(path);
    const asset = assets.get(path) ?? (isFilePath(path) ? undefined : page);
    if (!asset) return reply.callNotFound();
    void reply
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('vary', 'accept-encoding')
      .header('cache-control', asset === page ? 'no-cache' : 'public, max-age=300');
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const br = /\bbr\b/.test(accepted) ? brotliOf(asset) : null;
    if (br) return reply.header('content-encoding', 'br').send(br);
    if (asset.gzip && /\bgzip\b/.test(accepted))
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
}
