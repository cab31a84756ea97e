import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireActor } from '../accounts/auth.hook.ts';
import { authorize } from '../accounts/policy.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { sniffMediaType } from '../attachments/file-store.ts';
import { invalidField, notFound } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import type { AppInstance } from '../platform/types.ts';
import { PLAIN_LINE } from '../platform/validation.ts';
import { effectiveTerms, effectiveTermsOfAll } from '../procedures/procedure-override.service.ts';
import { adviseCompetence, findProcedures, getProcedure } from '../procedures/procedure.service.ts';
import { limitFor } from '../procedures/procedure.model.ts';
import { parseAreaLimit } from '../../shared/area/area-limit.ts';
import { findUnits, getUnit } from '../units/unit.service.ts';
import { MAX, UPLOAD } from '../../shared/limits.ts';
import { formatInstant } from '../../shared/calendar/index.ts';
import { cleanFileName } from './portal.upload.repository.ts';
import * as templates from './portal.template.repository.ts';

const ZUnitCode = z.string().regex(/^\d{5}$/, '@rule.communeCode');

const ZPublicLimit = z.object({
  value: z.number(),
  unit: z.string(),
  kind: z.enum(['standard', 'area']),
  basis: z.string().nullable(),
});

const ZPublicProcedure = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  fee: z.number(),
  feeText: z.string(),
  limit: ZPublicLimit,
  onlineLevel: z.string(),
});

const ZPublicProcedureDetail = ZPublicProcedure.extend({
  competentAgency: z.string(),
  route: z.enum(['process_here', 'forward']),
  areaLimit: z
    .object({ value: z.number(), unit: z.string(), areas: z.array(z.string()), basis: z.string() })
    .nullable(),
  notes: z.string().nullable(),
  legalBasis: z.array(z.string()),
  components: z.array(
    z.object({
      name: z.string(),
      copies: z.number(),
      kind: z.string(),
      form: z.string().nullable(),
      required: z.boolean(),
      note: z.string().nullable(),
      template: z
        .object({ id: z.string(), fileName: z.string(), size: z.number(), url: z.string() })
        .nullable()
        .describe('A blank form (Mẫu đơn) to download, when an administrator attached one'),
    }),
  ),
  unit: z.object({ code: z.string(), name: z.string(), provinceName: z.string() }),
});

const ZTemplate = z.object({
  id: z.string(),
  procedureCode: z.string(),
  component: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});

/**
 * The public catalog of a commune (docs/PORTAL.md): the communes to choose from, the procedures with the
 * province's terms and the commune's limit, a procedure's page with its blank forms; and the administrators'
 * door to attach a blank form to a component (`/api/procedures/:code/templates`, signed in).
 */
export async function portalCatalogRoutes(app: AppInstance): Promise<void> {
  const asOf = () => todayInVietnam(app.clock.now());

  app.get(
    '/api/public/units',
    {
      schema: {
        tags: ['public'],
        description: 'Communes by a folded search of their current and former names (or a 5-digit code).',
        querystring: z.object({ q: z.string().max(MAX.search).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), provinceName: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const units = await findUnits(app.db, { asOf: asOf(), q: request.query.q, limit: 20 });
      return { items: units.map((u) => ({ code: u.code, name: u.name, provinceName: u.provinceName })) };
    },
  );

  app.get(
    '/api/public/units/:unitCode/procedures',
    {
      schema: {
        tags: ['public'],
        description:
          'The procedures a commune receives, with its province’s fee and its own limit; a folded search (no ' +
          'diacritics needed) and a field (lĩnh vực). `fields` lists every field for the filter.',
        params: z.object({ unitCode: ZUnitCode }),
        querystring: z.object({
          q: z.string().max(MAX.search).optional(),
          field: z.string().max(MAX.name).optional(),
        }),
        response: {
          200: z.object({
            unit: z.object({ code: z.string(), name: z.string(), provinceName: z.string() }),
            items: z.array(ZPublicProcedure),
            fields: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const unit = await getUnit(app.db, request.params.unitCode, { asOf: asOf() });
      const { q, field } = request.query;
      const all = await findProcedures(app.db, {});
      const rows = q || field ? await findProcedures(app.db, { q, field }) : all;
      const terms = await effectiveTermsOfAll(app.db, rows, unit.provinceCode);
      const fields = [...new Set(all.map((r) => r.field))].sort((a, b) => a.localeCompare(b, 'vi'));
      const items = rows.map((row, i) => {
        const limit = limitFor(row, unit.areaClasses);
        return {
          code: row.code,
          name: row.name,
          field: row.field,
          fee: terms[i]!.fee.amount,
          feeText: terms[i]!.fee.text,
          limit: { value: limit.value, unit: limit.unit, kind: limit.kind, basis: limit.basis },
          onlineLevel: row.online_level,
        };
      });
      return { unit: { code: unit.code, name: unit.name, provinceName: unit.provinceName }, items, fields };
    },
  );

  app.get(
    '/api/public/units/:unitCode/procedures/:code',
    {
      schema: {
        tags: ['public'],
        description:
          'A procedure’s page for a commune: components (with blank forms), fee, limit, where and how to submit, ' +
          'legal basis.',
        params: z.object({ unitCode: ZUnitCode, code: z.string().min(1).max(40) }),
        response: { 200: ZPublicProcedureDetail },
      },
    },
    async (request) => {
      const unit = await getUnit(app.db, request.params.unitCode, { asOf: asOf() });
      const row = await getProcedure(app.db, request.params.code);
      if (!row.active) throw notFound('procedure', row.code);
      const terms = await effectiveTerms(app.db, row, unit.provinceCode);
      const forms = new Map(
        (await templates.listTemplates(app.db, row.code)).map((t) => [t.component, t] as const),
      );
      const limit = limitFor(row, unit.areaClasses);
      const area = parseAreaLimit(row.area_limit);
      return {
        code: row.code,
        name: row.name,
        field: row.field,
        fee: terms.fee.amount,
        feeText: terms.fee.text,
        limit: { value: limit.value, unit: limit.unit, kind: limit.kind, basis: limit.basis },
        onlineLevel: row.online_level,
        competentAgency: row.competent_agency,
        route: adviseCompetence(row).route,
        areaLimit: area
          ? { value: area.value, unit: area.unit, areas: [...area.areas], basis: area.basis }
          : null,
        notes: terms.notes,
        legalBasis: JSON.parse(row.legal_basis) as string[],
        components: terms.components.map((c) => {
          const t = forms.get(c.name);
          return {
            name: c.name,
            copies: c.copies,
            kind: c.kind,
            form: c.form ?? null,
            required: c.required,
            note: c.note ?? null,
            template: t
              ? {
                  id: t.id,
                  fileName: t.file_name,
                  size: Number(t.size),
                  url: `/api/public/templates/${t.id}`,
                }
              : null,
          };
        }),
        unit: { code: unit.code, name: unit.name, provinceName: unit.provinceName },
      };
    },
  );

  app.get(
    '/api/public/templates/:id',
    {
      schema: {
        tags: ['public'],
        description: 'A blank form’s file.',
        params: z.object({ id: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      const t = await templates.findTemplate(app.db, request.params.id);
      if (!t) throw notFound('template', request.params.id);
      const bytes = await app.files.get(t.sha256);
      return reply
        .header('content-type', t.media_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(t.file_name)}`)
        .header('cache-control', 'public, max-age=3600')
        .send(bytes);
    },
  );
}

/** The administrators' door (signed in, `catalog.edit`): attach or replace a component's blank form. */
export async function templateAdminRoutes(app: AppInstance): Promise<void> {
  app.addContentTypeParser(
    ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: UPLOAD.fileBytes },
    (_req, body, done) => done(null, body),
  );

  app.put(
    '/api/procedures/:code/templates',
    {
      bodyLimit: UPLOAD.fileBytes,
      schema: {
        tags: ['procedures'],
        description:
          'Body: the blank form (PDF, JPEG or PNG by content). Attaches it to the named component of the national ' +
          'procedure, replacing the one before. Do not invent legal forms: attach the form the law publishes.',
        params: z.object({ code: z.string().min(1).max(40) }),
        querystring: z.object({
          component: z.string().min(1).max(MAX.listItem),
          name: z
            .string()
            .min(1)
            .max(200)
            .refine(...PLAIN_LINE),
        }),
        response: { 201: ZTemplate },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'catalog.edit');
      const row = await getProcedure(app.db, request.params.code);
      const component = request.query.component.normalize('NFC');
      const names = (JSON.parse(row.components) as { name: string }[]).map((c) => c.name);
      if (!names.includes(component))
        throw invalidField('component', 'template.component', '@template.component');
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0)
        throw invalidField('(body)', 'file.empty', '@file.empty');
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) throw invalidField('(body)', 'file.type', '@file.type');
      const sha256 = await app.files.put(bytes);
      const now = app.clock.now();
      const t = {
        id: randomUUID(),
        procedure_code: row.code,
        component,
        file_name: cleanFileName(request.query.name),
        media_type: mediaType,
        size: bytes.length,
        sha256,
        uploaded_by: actor.username,
        uploaded_at: now,
      };
      await app.db.transaction().execute(async (trx) => {
        await templates.replaceTemplate(trx, t);
        await appendAudit(
          trx,
          {
            actor,
            action: 'catalog.template',
            targetType: 'procedure',
            targetId: row.code,
            provinceCode: null, // the national catalog's chain
            ip: request.ip,
            details: { component, sha256, size: t.size, mediaType },
          },
          now,
        );
      });
      return reply.status(201).send({
        id: t.id,
        procedureCode: t.procedure_code,
        component: t.component,
        fileName: t.file_name,
        mediaType: t.media_type,
        size: t.size,
        uploadedAt: formatInstant(now),
      });
    },
  );
}
