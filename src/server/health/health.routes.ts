import { pingDatabase } from '../db/connect.ts';
import { z } from 'zod';
import type { AppInstance } from '../platform/types.ts';
import { VERSION } from '../platform/version.ts';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: ZHealth, 503: ZHealth } } },
    async (_request, reply) => {
      let status: 'ok' | 'degraded' = 'ok';
      try {
        await pingDatabase(app.db);
      } catch {
        status = 'degraded';
      }
      return reply.status(status === 'ok' ? 200 : 503).send({ status, db: app.dialect, version: VERSION });
    },
  );
}
