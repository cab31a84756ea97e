/**
 * Reports (signed in; 'reports.read' on the unit: commune staff their commune, province supervisors their
 * province, system admins everywhere):
 *   GET /api/reports/period?unit=&from=&to=[&format=json|xlsx|pdf]   the period report (Biểu 06)
 *   GET /api/reports/brief?unit=&from=&to=[&lang=vi|en|ru]           the inspection-report paragraph (text)
 *   GET /api/reports/dashboard?unit=&from=&to=                       the dashboards' data
 */
import type { FastifyReply } from 'fastify';
import { authorize } from '../accounts/policy.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { buildDashboard } from './dashboard.ts';
import { receptionSummary } from '../reception/reception.service.ts';
import { buildPeriodReport, resolveReportUnit, type ReportTarget } from './period-report.ts';
import { briefData, composeBrief } from './report-brief.ts';
import { resolvePeriod } from '../platform/period.ts';
import { asBuffer } from '../platform/worker-pool.ts';
import { ZBriefQuery, ZDashboardQuery, ZPeriodQuery } from './report.schemas.ts';
import type { PeriodReport } from './report.types.ts';
import { REPLICA_LAG_HEADER, replicaStatus } from '../db/replica.ts';

const tags = ['reports'];
import { XLSX_CONTENT_TYPE } from '../platform/content-types.ts';

export { XLSX_CONTENT_TYPE };

/** The tenant a report reads: one commune, or a whole province (no commune). */
const tenantOf = (t: ReportTarget) =>
  t.isProvince
    ? { provinceCode: t.unit.code, unitCode: '' }
    : { provinceCode: t.unit.provinceCode, unitCode: t.unit.code };

/** `bieu-06_25000_2026-11-01_2026-11-30.xlsx`: the form, the unit (commune or province) and the period. */
export const reportFileName = (r: PeriodReport, ext: string): string =>
  `bieu-06_${r.unit.code}_${r.period.from}_${r.period.to}.${ext}`;

function sendFile(reply: FastifyReply, bytes: Buffer, type: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

export async function reportRoutes(app: AppInstance): Promise<void> {
  // With a replica (DATABASE_REPLICA_URL) the reports read it, and each answer says how far behind it is.
  const db = app.reportDb;
  if (app.readsReplica)
    app.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith('/api/reports/') || reply.statusCode >= 400) return;
      const { lagMs } = await replicaStatus(db);
      reply.header(REPLICA_LAG_HEADER, lagMs === null ? 'unknown' : String(lagMs));
    });

  app.get(
    '/api/reports/period',
    { schema: { tags, summary: 'Period report (Biểu 06): JSON, Excel or PDF', querystring: ZPeriodQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { unit, from, to, format } = request.query;
      const period = resolvePeriod(from, to);
      const target = await resolveReportUnit(db, unit, app.clock.now());
      authorize(actor, 'reports.read', tenantOf(target));
      const report = await buildPeriodReport(db, target, period);
      if (format === 'xlsx')
        return sendFile(
          reply,
          asBuffer(await app.render.run('period-xlsx', { report, now: app.clock.now() })),
          XLSX_CONTENT_TYPE,
          reportFileName(report, 'xlsx'),
        );
      if (format === 'pdf')
        return sendFile(
          reply,
          asBuffer(await app.render.run('period-pdf', report)),
          'application/pdf',
          reportFileName(report, 'pdf'),
        );
      // The JSON adds citizen reception (docs/RECEPTION.md); Biểu 06 (xlsx, pdf) keeps its layout.
      const at = Math.min(period.endMs, app.clock.now());
      return { ...report, reception: await receptionSummary(db, target.scope, period, at) };
    },
  );

  app.get(
    '/api/reports/brief',
    { schema: { tags, summary: 'The period in one paragraph (vi, en, ru)', querystring: ZBriefQuery } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { unit, from, to, lang } = request.query;
      const period = resolvePeriod(from, to);
      const target = await resolveReportUnit(db, unit, app.clock.now());
      authorize(actor, 'reports.read', tenantOf(target));
      const report = await buildPeriodReport(db, target, period);
      const text = composeBrief(briefData(report, target.unit, target.isProvince), lang);
      return reply.header('content-type', 'text/plain; charset=utf-8').send(text);
    },
  );

  app.get(
    '/api/reports/dashboard',
    {
      schema: {
        tags,
        summary: "Dashboards' data: series, workload, late rates, ranking, Decision 766 indicators",
        querystring: ZDashboardQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unit, from, to } = request.query;
      const period = resolvePeriod(from, to);
      const target = await resolveReportUnit(db, unit, app.clock.now());
      authorize(actor, 'reports.read', tenantOf(target));
      return buildDashboard(db, target, period, app.clock.now());
    },
  );
}
