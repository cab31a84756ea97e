import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AppInstance } from '../platform/types.ts';

const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
}

function toAsset(body: Buffer, type: string): Asset {
  const compressible = !type.startsWith('image/png');
  const gzip = compressible ? gzipSync(body, { level: 9 }) : null;
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { body, gzip: gzip && gzip.length < body.length ? gzip : null, type, etag };
}

/** Loads the front end's files once at start (it is small): compressed and fingerprinted, no disk at serve time. */
function loadAssets(dir: string, files = new Map<string, Asset>()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const type = TYPES[extname(name)];
    if (statSync(path).isDirectory()) loadAssets(path, files);
    else if (type && !name.endsWith('.test.js'))
      files.set(`/${relative(WEB_ROOT, path).split('\\').join('/')}`, toAsset(readFileSync(path), type));
  }
  return files;
}

/**
 * Serves the single-page web app: known files as they are (ETag + gzip, for weak links), and index.html for every
 * other non-API path, so client-side routes such as /ho-so/000.00.68.25000-260302-0001 work.
 */
export async function webRoutes(app: AppInstance): Promise<void> {
  const assets = loadAssets(WEB_ROOT);
  const index = assets.get('/index.html');
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) return reply.callNotFound();
    const asset = assets.get(path) ?? (TYPES[extname(path)] ? undefined : index);
    if (!asset) return reply.callNotFound();
    void reply
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('vary', 'accept-encoding')
      .header('cache-control', asset === index ? 'no-cache' : 'public, max-age=300');
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    if (asset.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')))
      return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
}
