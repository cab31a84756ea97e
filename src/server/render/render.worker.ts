/**
 * A render worker: lays out PDFs and writes or reads Excel workbooks off the event loop, one job at a time, under
 * the heap and time limits the pool (platform/worker-pool.ts) gives it.
 */
import { dossierFormPdf, registerPdfBytes } from '../documents/document.render.ts';
import { FONT, renderPdf } from '../documents/pdf.printer.ts';
import { registerXlsx } from '../documents/register.xlsx.ts';
import { serveJobs } from '../platform/worker-host.ts';
import { catalogToXlsx, readCatalogWorkbook } from '../procedures/procedure.excel.ts';
import { periodReportPdf } from '../reports/report-pdf.ts';
import { periodReportXlsx } from '../reports/report-xlsx.ts';
import type { RenderJobs } from './render.jobs.ts';

// Before the worker says it is ready: load and parse the fonts once (the first text shaping of a full Vietnamese
// font costs hundreds of ms), so the time limit measures the document, not the worker's start.
const WARM_UP = 'Khởi động — sẵn sàng';
await renderPdf({
  defaultStyle: { font: FONT },
  content: [
    { text: WARM_UP },
    { text: WARM_UP, bold: true },
    { text: WARM_UP, italics: true },
    { text: WARM_UP, bold: true, italics: true },
  ],
});

serveJobs<RenderJobs>({
  'dossier-form': dossierFormPdf,
  'register-pdf': registerPdfBytes,
  'register-xlsx': registerXlsx,
  'period-pdf': periodReportPdf,
  'period-xlsx': ({ report, now }) => periodReportXlsx(report, now),
  'catalog-xlsx': catalogToXlsx,
  'catalog-read': readCatalogWorkbook,
});
