import { z } from 'zod';
import { formatInstant } from '../../shared/calendar/index.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { findDossierByCode } from '../dossiers/dossier.repository.ts';
import { AppError, notFound, ruleViolation } from '../platform/app-error.ts';
import type { AppInstance } from '../platform/types.ts';
import { listResults } from './result.repository.ts';
import { checkPdf, DRAFT_STATUSES, mayDraftResult, recordDraft, resultStateOf } from './result.service.ts';
import type { DossierResultRow } from './result.table.ts';

const ZCodeParams = z.object({ code: z.string().min(1).max(64) });

const ZResultVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  signed: z.boolean(),
  sha256: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
  certificateFingerprint: z.string().nullable(),
  downloads: z.number().int(),
  firstDownloadedAt: z.string().nullable(),
});

const ZDossierResult = z.object({
  state: z.enum(['none', 'draft', 'signed', 'unsigned']),
  versions: z.array(ZResultVersion).max(1000),
  maxBytes: z.number().int(),
  abilities: z.object({ upload: z.boolean() }),
});

const present = (r: DossierResultRow): z.infer<typeof ZResultVersion> => ({
  id: r.id,
  version: r.version,
  signed: r.signed === 1,
  sha256: r.sha256,
  size: Number(r.size),
  uploadedBy: r.uploaded_by,
  uploadedAt: formatInstant(r.uploaded_at),
  signer: r.signer,
  signedAt: r.signed_at === null ? null : formatInstant(r.signed_at),
  certificateFingerprint: r.cert_fingerprint,
  downloads: r.downloads,
  firstDownloadedAt: r.first_downloaded_at === null ? null : formatInstant(r.first_downloaded_at),
});

/**
 * A dossier's result document for officers (docs/ELECTRONIC-RESULTS.md): upload or replace the draft while the
 * dossier is processed, list the versions, download the signed result (or the draft, marked as such). The PDF
 * parser and its size limit are this plugin's alone.
 */
export async function resultRoutes(app: AppInstance): Promise<void> {
  const maxBytes = app.config.MOTCUA_MAX_UPLOAD_MB * 1_048_576;
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );

  const loadDossier = async (code: string, actor: ReturnType<typeof requireActor>) => {
    const d = await findDossierByCode(app.db, code, scopeOf(actor));
    if (!d) throw notFound('dossier', code);
    return d;
  };

  app.post(
    '/api/dossiers/:code/result',
    {
      bodyLimit: maxBytes,
      schema: {
        tags: ['results'],
        description:
          'Body: the draft result (application/pdf). Attaches or replaces the draft while the dossier is processed; ' +
          'the assigned specialist or the unit’s leader. Approval signs the latest draft.',
        params: ZCodeParams,
        response: { 201: ZResultVersion },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      const tenant = { provinceCode: d.province_code, unitCode: d.unit_code };
      // The processing policy first (403), then the status (409), then the assignment (403).
      if (!mayDraftResult(actor, { ...d, assignee_id: actor.id }))
        throw new AppError('FORBIDDEN', { details: { action: 'dossier.result', ...tenant } });
      if (!DRAFT_STATUSES.includes(d.status))
        throw ruleViolation('result.not_processing', { status: d.status });
      if (!mayDraftResult(actor, d))
        throw new AppError('FORBIDDEN', { details: { action: 'dossier.result', reason: 'not_assignee' } });
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      await checkPdf(bytes);
      const sha256 = await app.files.put(bytes);
      const now = app.clock.now();
      const row = await app.db
        .transaction()
        .execute((trx) =>
          recordDraft(trx, actor, d, { sha256, size: bytes.length }, { now, ip: request.ip }),
        );
      return reply.status(201).send(present(row));
    },
  );

  app.get(
    '/api/dossiers/:code/result',
    { schema: { tags: ['results'], params: ZCodeParams, response: { 200: ZDossierResult } } },
    async (request) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      const rows = await listResults(app.db, d.id, scopeOf(actor));
      return {
        state: resultStateOf(d, rows),
        versions: rows.map(present),
        maxBytes,
        abilities: { upload: DRAFT_STATUSES.includes(d.status) && mayDraftResult(actor, d) },
      };
    },
  );

  app.get(
    '/api/dossiers/:code/result.pdf',
    {
      schema: {
        tags: ['results'],
        description:
          'The signed result; before signing, the latest draft (header X-Result-Signed: false, file name ' +
          '“du-thao-…”). 409 result.none when there is neither.',
        params: ZCodeParams,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const d = await loadDossier(request.params.code, actor);
      const rows = await listResults(app.db, d.id, scopeOf(actor));
      const chosen = [...rows].reverse().find((r) => r.signed === 1) ?? rows[rows.length - 1];
      if (!chosen) throw ruleViolation('result.none');
      const bytes = await app.files.get(chosen.sha256);
      await app.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          {
            actor,
            action: 'dossier.read_result',
            targetType: 'dossier',
            targetId: d.code,
            unitCode: d.unit_code,
            provinceCode: d.province_code,
            ip: request.ip,
            details: { resultId: chosen.id, version: chosen.version, signed: chosen.signed === 1 },
          },
          app.clock.now(),
        ),
      );
      const name = `${chosen.signed ? 'ket-qua' : 'du-thao'}-${d.code}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-result-signed', chosen.signed ? 'true' : 'false')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
