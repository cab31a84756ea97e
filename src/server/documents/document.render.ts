/**
 * The layout half of the dossier forms: data built on the request's thread (document.service.ts, which may refuse
 * with 409) becomes a PDF here, in a render worker (render/render.worker.ts), never on the event loop.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type {
  ControlSheetData,
  DossierForm,
  RegisterData,
  ExtensionData,
  ReceiptData,
  RefusalData,
  StopNoticeData,
  SupplementRequestData,
} from './document.types.ts';
import { renderPdf } from './pdf.printer.ts';
import { controlSheetPdf, registerPdf } from './pdf.sheets.ts';
import {
  extensionPdf,
  RECEIPT_DENSITIES,
  receiptPdf,
  refusalPdf,
  stopNoticePdf,
  supplementRequestPdf,
} from './pdf.slips.ts';

/** What each dossier form prints. */
export interface FormDataOf {
  receipt: ReceiptData;
  supplement: SupplementRequestData;
  refusal: RefusalData;
  extension: ExtensionData;
  stop: StopNoticeData;
  control: ControlSheetData;
}

/** One form and its data: what travels to the render worker. */
export type DossierFormJob = { [F in DossierForm]: { form: F; data: FormDataOf[F] } }[DossierForm];

const LAYOUT: { [F in DossierForm]: (d: FormDataOf[F]) => Promise<TDocumentDefinitions> } = {
  receipt: (d) => receiptPdf(d),
  supplement: supplementRequestPdf,
  refusal: refusalPdf,
  extension: extensionPdf,
  stop: stopNoticePdf,
  control: controlSheetPdf,
};

/** Pages of a PDF pdfmake wrote (its page objects). */
const pageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

/**
 * Form 01 on one A5 page: a receipt that takes more pages is laid out again, a little denser each time, until it
 * fits (at most RECEIPT_DENSITIES.length layouts, tens of ms each, in the render worker). Up to
 * RECEIPT_ONE_PAGE_COMPONENTS components with the catalog's names always fit (receipt.fit.test.ts); when even the
 * densest does not fit (more components, very long typed-in names), it prints at the normal density on more
 * pages, the signature blocks with the last component row.
 */
async function receiptFitted(data: ReceiptData): Promise<Buffer> {
  const first = await renderPdf(await receiptPdf(data, RECEIPT_DENSITIES[0]));
  if (pageCount(first) === 1) return first;
  for (const density of RECEIPT_DENSITIES.slice(1)) {
    const pdf = await renderPdf(await receiptPdf(data, density));
    if (pageCount(pdf) === 1) return pdf;
  }
  return first;
}

/** The PDF of one dossier form. */
export async function dossierFormPdf(job: DossierFormJob): Promise<Buffer> {
  if (job.form === 'receipt') return receiptFitted(job.data);
  const layout = LAYOUT[job.form] as (d: DossierFormJob['data']) => Promise<TDocumentDefinitions>;
  return renderPdf(await layout(job.data));
}

/** The PDF of the register (Form 07). */
export const registerPdfBytes = (d: RegisterData): Promise<Buffer> => renderPdf(registerPdf(d));
