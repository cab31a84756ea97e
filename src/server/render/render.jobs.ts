/**
 * The render pool's jobs: what the request threads hand to the render workers (render.worker.ts) and what comes
 * back. Inputs are data already loaded and checked inside the caller's scope; the worker only lays out.
 */
import type { AppConfig } from '../config.ts';
import type { DossierFormJob } from '../documents/document.render.ts';
import type { RegisterData } from '../documents/document.types.ts';
import type { WorkerPoolOptions } from '../platform/worker-pool.ts';
import type { CatalogProcedure } from '../procedures/catalog-data/catalog.types.ts';
import type { PeriodReport } from '../reports/report.types.ts';

/** Job kind → [input, result]; files come back as bytes. */
export type RenderJobs = {
  /** A dossier form (Mẫu 01–06) as PDF. */
  'dossier-form': [DossierFormJob, Uint8Array];
  /** The register (Mẫu 07) as PDF, or as Excel. */
  'register-pdf': [RegisterData, Uint8Array];
  'register-xlsx': [RegisterData, Uint8Array];
  /** The period report (Biểu 06) as PDF, or as Excel (`now`: the date printed on it). */
  'period-pdf': [PeriodReport, Uint8Array];
  'period-xlsx': [{ report: PeriodReport; now: number }, Uint8Array];
  /** The procedure catalog as Excel, and an uploaded catalog workbook read back into raw entries. */
  'catalog-xlsx': [CatalogProcedure[], Uint8Array];
  'catalog-read': [Uint8Array, unknown[]];
};

/** The worker's entry: an .mjs that loads the TypeScript body on every Node (see render.worker.mjs). */
export const RENDER_WORKER_ENTRY = new URL('./render.worker.mjs', import.meta.url);

/** The pool's settings from the configuration (MOTCUA_RENDER_*). */
export const renderPoolOptions = (config: AppConfig): WorkerPoolOptions => ({
  entry: RENDER_WORKER_ENTRY,
  size: config.MOTCUA_RENDER_WORKERS,
  timeoutMs: config.MOTCUA_RENDER_TIMEOUT_MS,
  memoryMb: config.MOTCUA_RENDER_MEMORY_MB,
  maxQueue: config.MOTCUA_RENDER_QUEUE,
});
