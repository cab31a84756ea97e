import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { can } from '../accounts/policy.ts';
import { AppError, invalidField } from '../platform/app-error.ts';
import { asBuffer, WorkerJobError } from '../platform/worker-pool.ts';
import { requireXlsx } from '../platform/zip-inspect.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { localiseZodIssues } from '../platform/error-handler.ts';
import { pickLocale } from '../platform/i18n/locale.ts';
import type { AppInstance } from '../platform/types.ts';
import { findUnitByCode, getUnit } from '../units/unit.service.ts';
import type { AreaClass } from '../../shared/area/area-limit.ts';
import { presentProcedure } from './procedure.presenter.ts';
import { ZCatalogImport, ZProcedureGetQuery, ZProcedureItem, ZProcedureQuery } from './procedure.schemas.ts';
import { auditCatalogRefusal, effectiveTerms, effectiveTermsOfAll } from './procedure-override.service.ts';
import {
  adviseCompetence,
  exportCatalog,
  findProcedures,
  getProcedure,
  importCatalog,
  procedureUsageOf,
} from './procedure.service.ts';
import type { CatalogProcedure } from './catalog-data/catalog.types.ts';
import { todayInVietnam } from '../platform/clock.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Where an answer applies: the given unit (the public catalog of a commune), else the signed-in officer's unit (a
 * system administrator's too); none (the national entry as it is) for an anonymous caller without `?unit=`. The
 * province's overrides apply, and the unit's area classes select the limit intake will apply there.
 */
async function placeOf(
  app: AppInstance,
  request: FastifyRequest,
  unit?: string,
): Promise<{ provinceCode: string | null; areaClasses: AreaClass[] | null }> {
  const asOf = todayInVietnam(app.clock.now());
  if (unit) {
    const found = await getUnit(app.db, unit, { asOf }); // 404 for an unknown unit
    return { provinceCode: found.provinceCode, areaClasses: found.areaClasses };
  }
  const actor = request.session?.actor;
  if (!actor) return { provinceCode: null, areaClasses: null };
  const own = actor.unitCode ? await findUnitByCode(app.db, actor.unitCode, { asOf }) : null;
  return { provinceCode: actor.provinceCode || null, areaClasses: own?.areaClasses ?? null };
}

/**
 * An uploaded catalog workbook: its zip directory inspected first (zip bombs 413, not a workbook 400), then read
 * by exceljs in a render worker under its heap and time limits; a file exceljs cannot read is 400 naming `file`.
 */
async function readUploadedCatalog(app: AppInstance, body: Buffer): Promise<unknown[]> {
  requireXlsx(body, 'file');
  try {
    return await app.render.run('catalog-read', body);
  } catch (e) {
    if (e instanceof WorkerJobError && e.rule) throw invalidField('file', e.rule, `@${e.rule}`);
    throw e;
  }
}

export async function procedureRoutes(app: AppInstance): Promise<void> {
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 10_485_760 }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/procedures',
    {
      schema: {
        tags: ['procedures'],
        querystring: ZProcedureQuery,
        response: { 200: z.object({ items: z.array(ZProcedureItem) }) },
      },
    },
    async (request) => {
      const { unit, ...filter } = request.query;
      const place = await placeOf(app, request, unit);
      // Signed in with a search: the officer's most used procedures rank after exact matches.
      const actor = request.session?.actor;
      const usage = actor && filter.q ? await procedureUsageOf(app.db, actor) : undefined;
      const rows = await findProcedures(app.db, filter, usage);
      const terms = await effectiveTermsOfAll(app.db, rows, place.provinceCode);
      return { items: rows.map((row, i) => presentProcedure(row, terms[i]!, place.areaClasses)) };
    },
  );

  app.get('/api/procedures/export.json', { schema: { tags: ['procedures'] } }, async (_request, reply) =>
    reply
      .header('content-disposition', 'attachment; filename="motcua-catalog.json"')
      .send({ items: await exportCatalog(app.reportDb) }),
  );

  app.get('/api/procedures/export.xlsx', { schema: { tags: ['procedures'] } }, async (_request, reply) =>
    reply
      .header('content-type', XLSX)
      .header('content-disposition', 'attachment; filename="motcua-catalog.xlsx"')
      .send(asBuffer(await app.render.run('catalog-xlsx', await exportCatalog(app.reportDb)))),
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        params: z.object({ code: z.string().min(1).max(40) }),
        querystring: ZProcedureGetQuery,
        response: { 200: ZProcedureItem.extend({ competence: z.unknown() }) },
      },
    },
    async (request) => {
      const place = await placeOf(app, request, request.query.unit);
      const row = await getProcedure(app.db, request.params.code);
      const terms = await effectiveTerms(app.db, row, place.provinceCode);
      return { ...presentProcedure(row, terms, place.areaClasses), competence: adviseCompetence(row) };
    },
  );

  app.post('/api/procedures/import', { schema: { tags: ['procedures'] } }, async (request) => {
    const actor = requireActor(request);
    if (!can(actor, 'catalog.edit')) {
      // The national catalog is the system administrator's: a refusal is kept in the audit log.
      const target = 'national catalog';
      await auditCatalogRefusal(
        app.db,
        actor,
        { action: 'catalog.edit', attempt: 'import', target },
        request.ip,
        app.clock.now(),
      );
      throw new AppError('FORBIDDEN', { details: { action: 'catalog.edit' } });
    }
    const raw: unknown[] = Buffer.isBuffer(request.body)
      ? await readUploadedCatalog(app, request.body)
      : ((request.body as { items?: unknown[] } | null)?.items ?? []);
    const parsed = ZCatalogImport.safeParse(raw);
    if (!parsed.success) {
      const issues = localiseZodIssues(parsed.error.issues, pickLocale(request.headers['accept-language']));
      throw new AppError('VALIDATION_FAILED', {
        issues: issues.map((i) => ({ ...i, path: `items.${i.path}` })),
      });
    }
    const count = await app.db
      .transaction()
      .execute((trx) => importCatalog(trx, actor, parsed.data as CatalogProcedure[], app.clock.now()));
    return { imported: count };
  });
}
