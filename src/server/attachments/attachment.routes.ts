import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findAttachment, insertAttachment, listAttachments } from './attachment.repository.ts';
import { formatInstant } from '../../shared/calendar/index.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { invalidField, notFound } from '../platform/app-error.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { authorizeOnDossier } from '../dossiers/dossier.policy.ts';
import { sniffMediaType } from './file-store.ts';
import { PLAIN_LINE } from '../platform/validation.ts';

const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'];

const ZAttachment = z.object({
  id: z.string(),
  component: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

const ZCodeParams = z.object({ code: z.string().min(1).max(64) });

/**
 * Scanned components: PDF, JPEG or PNG checked by content, size-limited, hashed, stored outside the database. The
 * binary parser and the upload size are the upload route's alone: every other route keeps the 1 MB JSON limit and
 * answers 415 to a file.
 */
export async function attachmentRoutes(app: AppInstance): Promise<void> {
  const store = app.files;
  const maxBytes = app.config.MOTCUA_MAX_UPLOAD_MB * 1_048_576;
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );

  const loadDossier = async (code: string, actor: ReturnType<typeof requireActor>) => {
    const d = await findDossierByCode(app.db, code, scopeOf(actor));
    if (!d) throw notFound('dossier', code);
    return d;
  };

  app.post(
    '/api/dossiers/:code/attachments',
    {
      bodyLimit: maxBytes,
      schema: {
        tags: ['attachments'],
        description: 'Body: the file bytes (application/pdf, image/jpeg or image/png).',
        params: ZCodeParams,
        querystring: z.object({
          component: z
            .string()
            .min(1)
            .max(300)
            .refine(...PLAIN_LINE),
          name: z
            .string()
            .min(1)
            .max(200)
            .refine(...PLAIN_LINE)
            .default('scan'),
        }),
        response: { 201: ZAttachment },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      authorizeOnDossier(actor, 'attach', d); // the rule behind the dossier's `abilities.attach`
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0)
        throw invalidField('(body)', 'file.empty', '@file.empty');
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) throw invalidField('(body)', 'file.type', '@file.type');
      const sha256 = await store.put(bytes);
      const row = {
        id: randomUUID(),
        dossier_id: d.id,
        province_code: d.province_code,
        unit_code: d.unit_code,
        component: request.query.component.normalize('NFC'),
        file_name: request.query.name.normalize('NFC').replace(/[\\/\r\n"]/g, '_'),
        media_type: mediaType,
        size: bytes.length,
        sha256,
        uploaded_at: app.clock.now(),
        uploaded_by: actor.username,
      };
      await app.db.transaction().execute(async (trx) => {
        await insertAttachment(trx, row);
        await appendAudit(
          trx,
          {
            actor,
            action: 'dossier.attach',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { component: row.component, sha256, size: row.size, mediaType },
          },
          app.clock.now(),
        );
      });
      return reply.status(201).send(present(row));
    },
  );

  app.get(
    '/api/dossiers/:code/attachments',
    {
      schema: {
        tags: ['attachments'],
        params: ZCodeParams,
        response: {
          200: z.object({
            items: z.array(ZAttachment),
            maxBytes: z.number().int().describe('the largest file an upload may have (MOTCUA_MAX_UPLOAD_MB)'),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      const rows = await listAttachments(app.db, d.id, scopeOf(actor));
      return { items: rows.map(present), maxBytes };
    },
  );

  app.get(
    '/api/dossiers/:code/attachments/:id',
    { schema: { tags: ['attachments'], params: ZCodeParams.extend({ id: z.string().uuid() }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      const row = await findAttachment(app.db, d.id, request.params.id, scopeOf(actor));
      if (!row) throw notFound('attachment', request.params.id);
      const bytes = await store.get(row.sha256); // 410 FILE_MISSING when the row outlived its file
      await app.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          {
            actor,
            action: 'dossier.read_attachment',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { attachment: row.id, component: row.component },
          },
          app.clock.now(),
        ),
      );
      return reply
        .header('content-type', row.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}

function present(row: {
  id: string;
  component: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_at: number;
  uploaded_by: string | null;
}) {
  return {
    id: row.id,
    component: row.component,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: formatInstant(row.uploaded_at),
    uploadedBy: row.uploaded_by,
  };
}
