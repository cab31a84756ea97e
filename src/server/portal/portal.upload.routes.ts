import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { notFound } from '../platform/app-error.ts';
import { rateLimited } from '../platform/rate-limit.ts';
import type { AppInstance } from '../platform/types.ts';
import { UPLOAD } from '../../shared/limits.ts';
import { PLAIN_LINE } from '../platform/validation.ts';
import type { PortalLimiters } from './portal.service.ts';
import type { PortalUploadRow } from './portal.table.ts';
import { createUpload, findUpload, putChunk } from './portal.upload.repository.ts';

const ZUpload = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  offset: z.number().int().describe('Bytes received: the next chunk starts here'),
  complete: z.boolean(),
  mediaType: z.string().nullable(),
  chunkBytes: z.number().int().describe('The largest chunk the server takes'),
});

const ZUploadParams = z.object({ id: z.string().uuid() });

const present = (u: PortalUploadRow): z.infer<typeof ZUpload> => ({
  id: u.id,
  fileName: u.file_name,
  size: u.size,
  offset: u.received,
  complete: u.received === u.size,
  mediaType: u.media_type,
  chunkBytes: UPLOAD.chunkBytes,
});

/** The offset headers, tus-like, so a HEAD answers without a body. */
const withOffset = (reply: FastifyReply, u: PortalUploadRow) =>
  reply
    .header('upload-offset', String(u.received))
    .header('upload-length', String(u.size))
    .header('cache-control', 'no-store');

/**
 * Resumable uploads for online submissions (docs/PORTAL.md): POST declares the file, PUT sends a chunk with
 * Content-Range, GET (or HEAD) tells the offset to resume from. The id is a random UUID known only to the uploader.
 */
export async function portalUploadRoutes(app: AppInstance, limits: PortalLimiters): Promise<void> {
  const root = app.files.root;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: UPLOAD.chunkBytes },
    (_req, body, done) => done(null, body),
  );

  const load = async (id: string) => {
    const u = await findUpload(app.db, id);
    if (!u) throw notFound('upload', id);
    return u;
  };

  app.post(
    '/api/public/uploads',
    {
      schema: {
        tags: ['public'],
        description:
          'Declares a file to upload in chunks (PDF, JPEG or PNG, at most UPLOAD.fileBytes). Limited per address.',
        body: z.object({
          fileName: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .refine(...PLAIN_LINE),
          size: z.number().int().min(1).max(1_000_000_000),
        }),
        response: { 201: ZUpload },
      },
    },
    async (request, reply) => {
      const now = app.clock.now();
      const wait = await limits.uploadsPerAddress.take(request.ip, now);
      if (wait > 0) throw rateLimited(wait);
      const u = await createUpload(app.db, root, request.body, request.ip, now);
      return withOffset(reply.status(201).header('location', `/api/public/uploads/${u.id}`), u).send(
        present(u),
      );
    },
  );

  app.get(
    '/api/public/uploads/:id',
    {
      schema: {
        tags: ['public'],
        description: 'Where to resume: the offset (also in the Upload-Offset header, so HEAD is enough).',
        params: ZUploadParams,
        response: { 200: ZUpload },
      },
    },
    async (request, reply) => {
      const u = await load(request.params.id);
      return withOffset(reply, u).send(present(u));
    },
  );

  app.put(
    '/api/public/uploads/:id',
    {
      bodyLimit: UPLOAD.chunkBytes,
      schema: {
        tags: ['public'],
        description:
          'One chunk (application/octet-stream) with Content-Range: bytes first-last/total; `first` must be the ' +
          'offset received so far (409 with details.offset otherwise).',
        params: ZUploadParams,
        response: { 200: ZUpload },
      },
    },
    async (request, reply) => {
      const u = await load(request.params.id);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const done = await putChunk(app.db, root, u, request.headers['content-range'], body, app.clock.now());
      return withOffset(reply, done).send(present(done));
    },
  );
}
