import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pingDatabase } from '../db/connect.ts';
import { z } from 'zod';
import type { AppInstance } from '../platform/types.ts';
import { VERSION } from '../platform/version.ts';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['sqlite', 'postgres']),
  storage: z
    .enum(['ok', 'low', 'unknown'])
    .describe('free space of the attachment files disk: low below MOTCUA_MIN_FREE_MB (then status degraded)'),
  redis: z
    .enum(['off', 'up', 'down'])
    .describe(
      'the shared limits’ Redis (MOTCUA_REDIS_URL): off when not configured; down: the limits are decided in the database (status degraded)',
    ),
  version: z.string(),
});

/** Free bytes on the disk that holds `dir` (or its nearest existing parent); null when it cannot be read. */
export async function freeBytes(dir: string): Promise<number | null> {
  let at = resolve(dir);
  for (;;) {
    try {
      const s = await statfs(at);
      return Number(s.bavail) * Number(s.bsize);
    } catch (e) {
      const parent = dirname(at);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) return null;
      at = parent;
    }
  }
}

/**
 * Liveness for a monitor: 503 when the database does not answer; `degraded` (still 200) when the files' disk is
 * low on space, before uploads start failing with 503 STORAGE_FULL, or when the configured Redis does not answer
 * (the shared limits are then decided in the database). The free space itself is not disclosed.
 */
export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: ZHealth, 503: ZHealth } } },
    async (_request, reply) => {
      let dbUp = true;
      try {
        await pingDatabase(app.db);
      } catch {
        dbUp = false;
      }
      const free = await freeBytes(app.config.MOTCUA_FILES_DIR);
      const storage =
        free === null ? 'unknown' : free < app.config.MOTCUA_MIN_FREE_MB * 1_048_576 ? 'low' : 'ok';
      const redis = await app.limits.redis();
      const status = dbUp && storage !== 'low' && redis !== 'down' ? 'ok' : 'degraded';
      return reply
        .status(dbUp ? 200 : 503)
        .send({ status, db: app.dialect, storage, redis, version: VERSION });
    },
  );
}
