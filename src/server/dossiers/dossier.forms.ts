/**
 * Which printed forms a dossier's history supports: one rule, used by the dossier presenter (the links the browser
 * shows) and by the document routes (a form not available is 409 RULE_VIOLATION 'document.not_applicable').
 * Pure: the dossier's row and its action log in, the forms out.
 */
import type { DossierActionRow, DossierRow } from './dossier.table.ts';

/** The dossier documents and their form numbers (Decree 118/2025/NĐ-CP; numbering as in DOMAIN.md §2). */
export const DOSSIER_FORMS = {
  receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', file: 'receipt' },
  supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', file: 'supplement-request' },
  refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', file: 'refusal' },
  extension: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', file: 'extension' },
  stop: { number: '05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT, TRẢ LẠI HỒ SƠ', file: 'stop-notice' },
  control: { number: '06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', file: 'control-sheet' },
} as const;
export type DossierForm = keyof typeof DOSSIER_FORMS;
export const DOSSIER_FORM_KEYS = Object.keys(DOSSIER_FORMS) as DossierForm[];

/** Receipt at the counter, acceptance of an online submission, or import from the former software (Form 01). */
export const RECEIPT_ACTIONS = ['intake_receive', 'accept_online', 'imported'] as const;
/** A supplement or correction asked at the counter, during appraisal or of an online submission (Form 02). */
export const SUPPLEMENT_ACTIONS = [
  'intake_request_supplement',
  'request_supplement',
  'request_correction',
] as const;
/** A refusal to receive, at the counter or of an online submission (Form 03; a refusal after appraisal is a result). */
export const REFUSAL_ACTIONS = ['intake_refuse', 'refuse_online'] as const;
/** The extension (Form 04). */
export const EXTENSION_ACTIONS = ['extend'] as const;
/** Processing stopped, or no supplement came in time (Form 05). */
export const STOP_ACTIONS = ['stop', 'auto_return'] as const;

type Facts = Pick<DossierRow, 'received_at' | 'due_at'>;
type Log = readonly Pick<DossierActionRow, 'type'>[];

const any = (log: Log, types: readonly string[]): boolean => log.some((a) => types.includes(a.type));
const received = (d: Facts): boolean => d.received_at !== null && d.due_at !== null;

/** Why each form cannot be issued for the dossier now (the 409's `why`), or null when it can. */
const WHY_NOT: Record<DossierForm, (d: Facts, log: Log) => string | null> = {
  receipt: (d, log) => (received(d) && any(log, RECEIPT_ACTIONS) ? null : 'not received'),
  supplement: (_d, log) => (any(log, SUPPLEMENT_ACTIONS) ? null : 'no supplement requested'),
  refusal: (_d, log) => (any(log, REFUSAL_ACTIONS) ? null : 'not refused at intake'),
  extension: (d, log) => (d.received_at !== null && any(log, EXTENSION_ACTIONS) ? null : 'never extended'),
  stop: (_d, log) => (any(log, STOP_ACTIONS) ? null : 'not stopped'),
  control: (d) => (received(d) ? null : 'not received'),
};

/** Why the form cannot be issued for this dossier now, or null when it can. */
export function whyFormUnavailable(form: DossierForm, d: Facts, log: Log): string | null {
  return WHY_NOT[form](d, log);
}

/** The forms that can be issued for this dossier now, in form-number order. */
export function availableForms(d: Facts, log: Log): DossierForm[] {
  return DOSSIER_FORM_KEYS.filter((form) => whyFormUnavailable(form, d, log) === null);
}
