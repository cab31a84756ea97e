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
import { extensionPdf, receiptPdf, refusalPdf, stopNoticePdf, supplementRequestPdf } from './pdf.slips.ts';

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
  receipt: receiptPdf,
  supplement: supplementRequestPdf,
  refusal: refusalPdf,
  extension: extensionPdf,
  stop: stopNoticePdf,
  control: controlSheetPdf,
};

/** The PDF of one dossier form. */
export async function dossierFormPdf(job: DossierFormJob): Promise<Buffer> {
  const layout = LAYOUT[job.form] as (d: DossierFormJob['data']) => Promise<TDocumentDefinitions>;
  return renderPdf(await layout(job.data));
}

/** The PDF of the register (Form 07). */
export const registerPdfBytes = (d: RegisterData): Promise<Buffer> => renderPdf(registerPdf(d));
