import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInstance } from '../http/types.ts';

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

/** Loads the front end's files once at start (it is small) so serving never touches the disk. */
function loadAssets(dir: string, files = new Map<string, { body: Buffer; type: string }>()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) loadAssets(path, files);
    else if (!name.endsWith('.test.ts') && TYPES[extname(name)])
      files.set(`/${relative(WEB_ROOT, path).split('\\').join('/')}`, {
        body: readFileSync(path),
        type: TYPES[extname(name)]!,
      });
  }
  return files;
}

/** Serves the single-page web app: known files as they are, every other non-API path gets index.html. */
export async function webRoutes(app: AppInstance): Promise<void> {
  const assets = loadAssets(WEB_ROOT);
  const index = assets.get('/index.html');
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) return reply.callNotFound();
    const asset = assets.get(path) ?? (extname(path) === '' ? index : undefined);
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.type)
      .header('cache-control', asset === index ? 'no-cache' : 'public, max-age=300')
      .send(asset.body);
  });
}
