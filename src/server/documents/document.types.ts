/**
 * What each printed form shows, field by field (docs/DOCUMENTS.md). Builders fill these from a dossier and its
 * actions; renderers print them and nothing else. All dates are already written out in Vietnamese.
 */
import type { CatalogComponent } from '../procedures/catalog-data/catalog.types.ts';
import type { DossierActionRow, DossierRow } from '../dossiers/dossier.table.ts';
import type { Unit } from '../units/unit.service.ts';

/** The dossier forms live with the rule of when each applies (dossiers/dossier.forms.ts). */
export { DOSSIER_FORMS, type DossierForm } from '../dossiers/dossier.forms.ts';
export const REGISTER_FORM = { number: '07', title: 'SỔ THEO DÕI HỒ SƠ' } as const;

/** The left block of the heading and the place of the date line. */
export interface AgencyHeader {
  agencyName: string; // UBND XÃ DI LINH
  centreName: string; // TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG
  communeName: string; // Xã Di Linh
  /** Inside sentences: "Ủy ban nhân dân xã Di Linh". */
  committeeInText: string;
  /** Inside sentences: "Trung tâm Phục vụ hành chính công xã Di Linh". */
  centreInText: string;
  provinceName: string; // Tỉnh Lâm Đồng
  placeName: string; // Di Linh
}

/** The applicant as the slips handed to them show it: full name and address; ID and phone masked. */
export interface SlipApplicant {
  name: string;
  idNumberMasked: string | null;
  phone: string | null;
  address: string | null;
}

interface DossierDocumentBase {
  formNumber: string;
  title: string;
  header: AgencyHeader;
  dossierCode: string;
  procedureName: string;
  /** Public lookup page, encoded in the QR code. */
  lookupUrl: string;
  /** "Di Linh, ngày 02 tháng 3 năm 2026": the date of the event the form records, so reprints are identical. */
  placeDate: string;
}

interface SlipBase extends DossierDocumentBase {
  applicant: SlipApplicant;
}

export interface ReceiptComponent {
  name: string;
  copies: number;
  kind: string;
}

export interface ReceiptData extends SlipBase {
  components: ReceiptComponent[];
  /** dd/MM/yyyy HH:mm */
  receivedAt: string;
  /** The due: "17 giờ 30 phút, ngày 05 tháng 3 năm 2026". */
  appointmentAt: string;
  limit: string;
  channel: string;
  officer: string;
  fee: { amount: number; amountText: string; inWords: string; note: string } | null;
  /** Where the result is returned. */
  returnPlace: string;
}

export interface SupplementRequestData extends SlipBase {
  missing: string[];
  /** 'intake' (at the counter, not received), 'appraisal' (clock stopped), 'online' (correction request). */
  stage: 'intake' | 'appraisal' | 'online';
  requestedAt: string;
  note: string | null;
  officer: string;
}

export interface RefusalData extends SlipBase {
  reason: string;
  refusedAt: string;
  officer: string;
}

export interface ExtensionData extends SlipBase {
  /** "ngày 06 tháng 4 năm 2026" */
  receivedOn: string;
  previousAppointmentAt: string;
  newAppointmentAt: string;
  reason: string;
  signer: string;
}

export interface StopNoticeData extends SlipBase {
  reason: string;
  /** The ground as printed ("Theo đề nghị dừng giải quyết của người nộp hồ sơ", ...). */
  stopKind: string;
  /**
   * Which wording the notice takes: the applicant asked to stop (Decree 118/2025 Art. 21), no supplement came in
   * time (automatic return, Art. 19), or the agency stopped for its own ground.
   */
  ground: 'applicant_request' | 'supplement_not_received' | 'agency';
  receivedOn: string | null;
  stoppedAt: string;
  /** The leader who stopped; for an automatic return, the one-stop department's officer on duty. */
  signer: string;
  /** Automatic return: issued by the one-stop department ("Bộ phận Một cửa, Trung tâm …"), not the committee. */
  issuer: string | null;
}

export interface ControlSheetRow {
  no: number;
  step: string;
  from: string;
  to: string;
  /** dd/MM/yyyy HH:mm */
  at: string;
  result: string;
  note: string;
}

export interface ControlSheetData extends DossierDocumentBase {
  applicant: { name: string; idNumberMasked: string | null };
  receivedAt: string;
  dueAt: string;
  leadAgency: string;
  coordinatingAgencies: string[];
  rows: ControlSheetRow[];
}

export interface RegisterRow {
  no: number;
  code: string;
  procedure: string;
  applicant: string;
  idNumberMasked: string | null;
  receivedAt: string;
  dueAt: string;
  ended: string;
  result: string;
  status: string;
}

export interface RegisterData {
  formNumber: string;
  title: string;
  header: AgencyHeader;
  /** dd/MM/yyyy */
  from: string;
  to: string;
  placeDate: string;
  rows: RegisterRow[];
}

/** The procedure facts a receipt needs (the dossier row keeps its name and limit). */
export interface ProcedureFacts {
  feeAmount: number;
  feeText: string;
  components: CatalogComponent[];
}

export interface DueChange {
  setAt: number;
  dueAt: number;
  reason: string; // receipt | supplement_received | extended | import
}

/** Everything the dossier document builders read. */
export interface DossierDocumentInput {
  dossier: DossierRow;
  actions: DossierActionRow[];
  /** Every due the dossier has had (dossier_dues), oldest first. */
  dues: DueChange[];
  unit: Pick<Unit, 'name' | 'type' | 'provinceName'>;
  procedure: ProcedureFacts | null;
  /** Usernames named in action payloads (assignees) → display names. */
  people: ReadonlyMap<string, string>;
  publicBaseUrl: string;
}
