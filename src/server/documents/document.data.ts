/**
 * Data builders of the applicant's slips, Forms 01-05: pure functions from a dossier, its actions and its unit
 * to exactly the fields each form prints. A form that does not fit the dossier's history is a 409
 * RULE_VIOLATION 'document.not_applicable'.
 */
import { maskIdNumber, maskPhone } from '../../shared/identity/cccd.ts';
import type { Channel } from '../../shared/dossier/status.ts';
import { AppError } from '../platform/app-error.ts';
import type { DossierActionRow } from '../dossiers/dossier.table.ts';
import { feeInWords, formatAmount } from './fee-words.ts';
import {
  appointmentText,
  CHANNEL_LABEL,
  committeeName,
  COMPONENT_KIND_LABEL,
  dateTimeShort,
  dateWords,
  limitText,
  lookupUrl,
  placeDateLine,
  placeName,
  STOP_KIND_LABEL,
} from './document.format.ts';
import {
  DOSSIER_FORMS,
  type AgencyHeader,
  type DossierDocumentInput,
  type DossierForm,
  type ExtensionData,
  type ReceiptComponent,
  type ReceiptData,
  type RefusalData,
  type SlipApplicant,
  type StopNoticeData,
  type SupplementRequestData,
} from './document.types.ts';
import {
  EXTENSION_ACTIONS,
  RECEIPT_ACTIONS,
  REFUSAL_ACTIONS,
  STOP_ACTIONS,
  SUPPLEMENT_ACTIONS,
  whyFormUnavailable,
} from '../dossiers/dossier.forms.ts';
import { officerOnDuty, ONE_STOP_DEPARTMENT } from '../dossiers/dossier.duty.ts';

export const CENTRE_NAME = 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG';

/** 409: the form does not apply to this dossier's history. */
const notApplicable = (form: DossierForm, code: string, why: string): AppError =>
  new AppError('RULE_VIOLATION', {
    params: { rule: 'document.not_applicable' },
    details: {
      rule: 'document.not_applicable',
      form: DOSSIER_FORMS[form].number,
      document: DOSSIER_FORMS[form].file,
      code,
      why,
    },
  });

/**
 * Throws 409 unless the form can be issued for the dossier now: the rule the dossier presenter uses to list the
 * forms (dossiers/dossier.forms.ts), so a link shown is a document issued, and a document refused was never shown.
 */
export function requireForm(
  form: DossierForm,
  input: Pick<DossierDocumentInput, 'dossier' | 'actions'>,
): void {
  const why = whyFormUnavailable(form, input.dossier, input.actions);
  if (why !== null) throw notApplicable(form, input.dossier.code, why);
}

export type Payload = Record<string, unknown>;
export const payloadOf = (a: DossierActionRow): Payload => JSON.parse(a.payload) as Payload;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

/** "Xã Di Linh" → "xã Di Linh" (inside a sentence). */
const lowerUnitType = (name: string): string =>
  name.replace(/^(Xã|Phường|Đặc khu)/u, (m) => m.toLocaleLowerCase('vi'));

export function agencyHeader(unit: DossierDocumentInput['unit']): AgencyHeader {
  return {
    agencyName: committeeName(unit.name, unit.type),
    centreName: CENTRE_NAME,
    communeName: unit.name,
    committeeInText: `Ủy ban nhân dân ${lowerUnitType(unit.name)}`,
    centreInText: `Trung tâm Phục vụ hành chính công ${lowerUnitType(unit.name)}`,
    provinceName: unit.provinceName,
    placeName: placeName(unit.name),
  };
}

function slipApplicant(input: DossierDocumentInput): SlipApplicant {
  const d = input.dossier;
  return {
    name: d.applicant_name,
    idNumberMasked: maskIdNumber(d.applicant_id_number),
    phone: maskPhone(d.applicant_phone),
    address: d.applicant_address,
  };
}

export function base(input: DossierDocumentInput, form: DossierForm, at: number) {
  const d = input.dossier;
  const header = agencyHeader(input.unit);
  return {
    formNumber: DOSSIER_FORMS[form].number,
    title: DOSSIER_FORMS[form].title,
    header,
    dossierCode: d.code,
    procedureName: d.procedure_name,
    lookupUrl: lookupUrl(input.publicBaseUrl, d.code),
    placeDate: placeDateLine(header.placeName, at),
  };
}

const slipBase = (input: DossierDocumentInput, form: DossierForm, at: number) => ({
  ...base(input, form, at),
  applicant: slipApplicant(input),
});

/** The last action of one of these types, if any. */
export function lastAction(
  actions: DossierActionRow[],
  types: readonly string[],
): DossierActionRow | undefined {
  return [...actions].reverse().find((a) => types.includes(a.type));
}

/** Submitted components: the counter's checklist (provided items), else the procedure's required ones. */
function receiptComponents(input: DossierDocumentInput): ReceiptComponent[] {
  const catalog = input.procedure?.components ?? [];
  const byName = new Map(catalog.map((c) => [c.name, c]));
  const data = JSON.parse(input.dossier.data) as {
    components?: { name: string; provided: boolean; copies?: number }[] | null;
  };
  const listed = data.components
    ? data.components
        .filter((c) => c.provided)
        .map((c) => ({ name: c.name, copies: c.copies, kind: byName.get(c.name)?.kind }))
    : catalog.filter((c) => c.required).map((c) => ({ name: c.name, copies: c.copies, kind: c.kind }));
  return listed.map((c) => ({
    name: c.name,
    copies: c.copies ?? byName.get(c.name)?.copies ?? 1,
    kind: c.kind ? COMPONENT_KIND_LABEL[c.kind] : '',
  }));
}

function receiptFee(input: DossierDocumentInput): ReceiptData['fee'] {
  const p = input.procedure;
  if (!p) return null;
  return {
    amount: p.feeAmount,
    amountText: `${formatAmount(p.feeAmount)} đồng`,
    inWords: feeInWords(p.feeAmount),
    note: p.feeText,
  };
}

/** Form 01: the dossier was received (at the counter, or an online submission accepted). */
export function buildReceiptData(input: DossierDocumentInput): ReceiptData {
  const d = input.dossier;
  requireForm('receipt', input);
  const receipt = lastAction(input.actions, RECEIPT_ACTIONS)!;
  const receivedAt = d.received_at!; // received: requireForm checked it
  const due = appointmentDue(input) ?? d.due_at!;
  const slip = slipBase(input, 'receipt', receivedAt);
  return {
    ...slip,
    components: receiptComponents(input),
    receivedAt: dateTimeShort(receivedAt),
    appointmentAt: appointmentText(due),
    limit: limitText(d.limit_value, d.limit_unit),
    channel: CHANNEL_LABEL[d.channel as Channel] ?? d.channel,
    officer: receipt.actor_name ?? '',
    fee: receiptFee(input),
    returnPlace: `Bộ phận tiếp nhận và trả kết quả, ${slip.header.centreInText}`,
  };
}

/**
 * The appointment of the receipt: the due set when the dossier was received, or re-set when the complete
 * supplement arrived (D6: a new appointment). An extension is announced by Form 04, not by a new receipt.
 */
function appointmentDue(input: DossierDocumentInput): number | null {
  const set = input.dues.filter((x) => x.reason !== 'extended');
  return set.length ? set[set.length - 1]!.dueAt : input.dossier.due_at;
}

const STAGE: Record<(typeof SUPPLEMENT_ACTIONS)[number], SupplementRequestData['stage']> = {
  intake_request_supplement: 'intake',
  request_supplement: 'appraisal',
  request_correction: 'online',
};

/** Form 02: every missing item of the latest supplement (or correction) request, listed at once. */
export function buildSupplementRequestData(input: DossierDocumentInput): SupplementRequestData {
  const d = input.dossier;
  requireForm('supplement', input);
  const action = lastAction(input.actions, SUPPLEMENT_ACTIONS)!;
  const payload = payloadOf(action);
  const fromData =
    action.type === 'intake_request_supplement' ? strings((JSON.parse(d.data) as Payload).missing) : [];
  const missing = strings(payload.missing).length ? strings(payload.missing) : fromData;
  return {
    ...slipBase(input, 'supplement', action.at),
    missing,
    stage: STAGE[action.type as (typeof SUPPLEMENT_ACTIONS)[number]],
    requestedAt: dateTimeShort(action.at),
    note: text(payload.note),
    officer: action.actor_name ?? '',
  };
}

/** Form 03: refusal to receive at the counter (a refusal after appraisal is a result, not this form). */
export function buildRefusalData(input: DossierDocumentInput): RefusalData {
  const d = input.dossier;
  requireForm('refusal', input);
  const action = lastAction(input.actions, REFUSAL_ACTIONS)!;
  const reason = text(payloadOf(action).reason) ?? text((JSON.parse(d.data) as Payload).refusalReason) ?? '';
  return {
    ...slipBase(input, 'refusal', action.at),
    reason,
    refusedAt: dateTimeShort(action.at),
    officer: action.actor_name ?? '',
  };
}

/** Form 04: the extension (at most one per dossier), with its reason and the new date. */
export function buildExtensionData(input: DossierDocumentInput): ExtensionData {
  const d = input.dossier;
  requireForm('extension', input);
  const action = lastAction(input.actions, EXTENSION_ACTIONS)!;
  const p = payloadOf(action);
  const newDue = typeof p.newDueAt === 'number' ? p.newDueAt : d.due_at!;
  const previous = typeof p.previousDueAt === 'number' ? p.previousDueAt : null;
  return {
    ...slipBase(input, 'extension', action.at),
    receivedOn: dateWords(d.received_at!), // received: requireForm checked it
    previousAppointmentAt: previous === null ? '' : appointmentText(previous),
    newAppointmentAt: appointmentText(newDue),
    reason: text(p.reason) ?? text(p.note) ?? '', // the reason is required; older extend payloads kept it only as a note
    signer: action.actor_name ?? '',
  };
}

/**
 * Form 05: processing stopped and the dossier returned: at the applicant's own request, for the agency's ground,
 * or automatically when no supplement came in time. The automatic return is issued by the one-stop department and
 * signed by its officer on duty (recorded in the action's payload; computed from the log for older rows).
 */
export function buildStopNoticeData(input: DossierDocumentInput): StopNoticeData {
  const d = input.dossier;
  requireForm('stop', input);
  const action = lastAction(input.actions, STOP_ACTIONS)!;
  const p = payloadOf(action);
  const auto = action.type === 'auto_return';
  const kind = auto ? 'supplement_not_received' : (text(p.stopKind) ?? 'other');
  const slip = slipBase(input, 'stop', action.at);
  const onDuty = auto ? (text(p.onDuty) ?? officerOnDuty(input.actions)?.name ?? '') : null;
  return {
    ...slip,
    reason:
      text(p.reason) === 'supplement_not_received'
        ? STOP_KIND_LABEL.supplement_not_received!
        : (text(p.reason) ?? ''),
    stopKind: STOP_KIND_LABEL[kind] ?? kind,
    ground: auto ? 'supplement_not_received' : kind === 'applicant_request' ? 'applicant_request' : 'agency',
    receivedOn: d.received_at === null ? null : dateWords(d.received_at),
    stoppedAt: dateTimeShort(action.at),
    signer: onDuty ?? action.actor_name ?? '',
    issuer: auto ? `${ONE_STOP_DEPARTMENT}, ${slip.header.centreInText}` : null,
  };
}
