/**
 * A render worker: lays out PDFs and writes or reads Excel workbooks off the event loop, one job at a time, under
 * the heap and time limits the pool (platform/worker-pool.ts) gives it.
 */
import { dossierFormPdf, registerPdfBytes } from '../documents/document.render.ts';
import { registerXlsx } from '../documents/register.xlsx.ts';
import { serveJobs } from '../platform/worker-host.ts';
import { catalogToXlsx, readCatalogWorkbook } from '../procedures/procedure.excel.ts';
import { periodReportPdf } from '../reports/report-pdf.ts';
import { periodReportXlsx } from '../reports/report-xlsx.ts';
import type { RenderJobs } from './render.jobs.ts';

serveJobs<RenderJobs>({
  'dossier-form': dossierFormPdf,
  'register-pdf': registerPdfBytes,
  'register-xlsx': registerXlsx,
  'period-pdf': periodReportPdf,
  'period-xlsx': ({ report, now }) => periodReportXlsx(report, now),
  'catalog-xlsx': catalogToXlsx,
  'catalog-read': readCatalogWorkbook,
});
