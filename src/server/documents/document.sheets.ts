/**
 * Data builders of the internal documents: the control sheet (Form 06, one row per action, i.e. per hand-over
 * or step) and the register (Form 07, one row per dossier). Internal documents mask the applicant's ID number
 * and show no address or phone.
 */
import { maskIdNumber } from '../../shared/identity/cccd.ts';
import type { DossierStatus } from '../../shared/dossier/status.ts';
import type { DossierActionRow, DossierRow } from '../dossiers/dossier.table.ts';
import { agencyHeader, base, payloadOf, requireForm, type Payload } from './document.data.ts';
import {
  dateShort,
  dateTimeShort,
  OUTCOME_LABEL,
  placeDateLine,
  RESOLUTION_LABEL,
  STATUS_LABEL,
  STOP_KIND_LABEL,
} from './document.format.ts';
import {
  REGISTER_FORM,
  type ControlSheetData,
  type ControlSheetRow,
  type DossierDocumentInput,
  type RegisterData,
  type RegisterRow,
} from './document.types.ts';

export const COUNTER = 'Bộ phận tiếp nhận và trả kết quả';
export const LEADER = 'Lãnh đạo có thẩm quyền';
const SYSTEM = 'Hệ thống MộtCửa';

/** Who gives and who takes the dossier at a step. */
type Party = 'actor' | 'applicant' | 'holder' | 'assignee' | 'agency' | 'leader' | 'counter' | 'system';

interface StepRule {
  step: string;
  from: Party;
  to: Party;
  /** The new holder after the step (default: `to`). */
  holder?: Party;
  result?: (p: Payload, a: DossierActionRow, d: DossierRow) => string;
}

const items = (p: Payload): string =>
  Array.isArray(p.missing) ? p.missing.filter((x) => typeof x === 'string').join('; ') : '';
const at = (v: unknown): string => (typeof v === 'number' ? dateTimeShort(v) : '');
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function decision(a: DossierActionRow, d: DossierRow): string {
  const outcome = OUTCOME_LABEL[a.type === 'refuse' ? 'refused' : 'approved'] ?? '';
  const timely = d.ended_at === a.at && d.resolution ? RESOLUTION_LABEL[d.resolution] : undefined;
  return timely ? `${outcome} (${timely.toLocaleLowerCase('vi')})` : outcome;
}

const STEPS: Record<string, StepRule> = {
  intake_receive: { step: 'Tiếp nhận hồ sơ', from: 'applicant', to: 'actor', result: () => 'Đã tiếp nhận' },
  intake_request_supplement: {
    step: 'Hướng dẫn bổ sung hồ sơ',
    from: 'actor',
    to: 'applicant',
    result: (p) => `Yêu cầu bổ sung: ${items(p)}`,
  },
  intake_refuse: { step: 'Từ chối tiếp nhận', from: 'actor', to: 'applicant', result: (p) => str(p.reason) },
  imported: {
    step: 'Chuyển từ phần mềm cũ',
    from: 'system',
    to: 'counter',
    result: () => 'Đã tiếp nhận (dữ liệu chuyển đổi)',
  },
  accept_online: {
    step: 'Tiếp nhận hồ sơ trực tuyến',
    from: 'applicant',
    to: 'actor',
    result: () => 'Đã tiếp nhận',
  },
  refuse_online: {
    step: 'Từ chối tiếp nhận hồ sơ trực tuyến',
    from: 'actor',
    to: 'applicant',
    result: (p) => str(p.reason),
  },
  request_correction: {
    step: 'Yêu cầu sửa đổi, bổ sung',
    from: 'actor',
    to: 'applicant',
    result: (p) => items(p),
  },
  assign: {
    step: 'Chuyển hồ sơ để giải quyết',
    from: 'holder',
    to: 'assignee',
    result: (_p, a) => `Phân công: ${a.actor_name ?? ''}`,
  },
  request_supplement: {
    step: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
    from: 'actor',
    to: 'applicant',
    result: (p) => items(p),
  },
  receive_supplement: {
    step: 'Nhận hồ sơ bổ sung',
    from: 'applicant',
    to: 'actor',
    result: (p) => `Hẹn trả mới: ${at(p.dueAt)}`,
  },
  transfer: {
    step: 'Chuyển liên thông',
    from: 'actor',
    to: 'agency',
    result: (p) => (p.dueAt ? `Thời hạn: ${at(p.dueAt)}` : ''),
  },
  transfer_result: { step: 'Nhận kết quả liên thông', from: 'agency', to: 'actor' },
  submit_for_approval: { step: 'Trình phê duyệt', from: 'actor', to: 'leader' },
  counter_submit: { step: 'Kiểm tra tại quầy, trình ký', from: 'actor', to: 'leader' },
  counter_resolve: {
    step: 'Chứng thực, ký tại quầy (theo ủy quyền)',
    from: 'actor',
    to: 'counter',
    result: (p) => `Đã giải quyết${p.authorisationRef ? ` — ${str(p.authorisationRef)}` : ''}`,
  },
  send_back: { step: 'Trả lại để thẩm định lại', from: 'actor', to: 'assignee' },
  approve: { step: 'Phê duyệt kết quả', from: 'actor', to: 'counter', result: (_p, a, d) => decision(a, d) },
  refuse: {
    step: 'Từ chối giải quyết',
    from: 'actor',
    to: 'counter',
    result: (p, a, d) => `${decision(a, d)}: ${str(p.reason)}`,
  },
  extend: {
    step: 'Xin lỗi, hẹn lại ngày trả kết quả',
    from: 'actor',
    to: 'applicant',
    holder: 'holder',
    result: (p) => `Hẹn lại: ${at(p.newDueAt)}`,
  },
  stop: {
    step: 'Dừng giải quyết, trả lại hồ sơ',
    from: 'actor',
    to: 'applicant',
    result: (p) => str(p.reason),
  },
  auto_return: {
    step: 'Trả lại hồ sơ (quá hạn bổ sung)',
    from: 'system',
    to: 'applicant',
    result: () => STOP_KIND_LABEL.supplement_not_received!,
  },
  withdraw: { step: 'Công dân rút hồ sơ', from: 'applicant', to: 'actor', result: (p) => str(p.reason) },
  deliver: { step: 'Trả kết quả', from: 'actor', to: 'applicant', result: () => 'Đã trả kết quả' },
  correct_result: { step: 'Đính chính kết quả', from: 'actor', to: 'applicant' },
};

interface Walk {
  holder: string;
  assignee: string;
}

function partyName(
  party: Party,
  a: DossierActionRow,
  p: Payload,
  w: Walk,
  input: DossierDocumentInput,
): string {
  switch (party) {
    case 'actor':
      return a.actor_name ?? SYSTEM;
    case 'applicant':
      return input.dossier.applicant_name;
    case 'holder':
      return w.holder;
    case 'assignee':
      return w.assignee;
    case 'agency':
      return str(p.agency);
    case 'leader':
      return LEADER;
    case 'counter':
      return COUNTER;
    case 'system':
      return SYSTEM;
  }
}

/** One row per action, in order; `from` and `to` follow the dossier from hand to hand. */
export function controlSheetRows(input: DossierDocumentInput): ControlSheetRow[] {
  const w: Walk = { holder: COUNTER, assignee: '' };
  return input.actions.map((a, i) => {
    const rule = STEPS[a.type] ?? { step: a.type, from: 'actor', to: 'actor' };
    const p = payloadOf(a);
    if (a.type === 'assign') w.assignee = input.people.get(str(p.assignee)) ?? str(p.assignee);
    const from = partyName(rule.from, a, p, w, input);
    const to = partyName(rule.to, a, p, w, input);
    w.holder = partyName(rule.holder ?? rule.to, a, p, w, input);
    return {
      no: i + 1,
      step: rule.step,
      from,
      to,
      at: dateTimeShort(a.at),
      result: rule.result?.(p, a, input.dossier) ?? '',
      note: str(p.note),
    };
  });
}

/** Form 06: for a received dossier. */
export function buildControlSheetData(input: DossierDocumentInput): ControlSheetData {
  const d = input.dossier;
  requireForm('control', input);
  const receivedAt = d.received_at!; // received: requireForm checked it
  const transfers = (
    (JSON.parse(d.data) as { transfers?: { agency?: string; role?: string }[] }).transfers ?? []
  ).filter((t) => t.agency);
  const lead = transfers.find((t) => t.role === 'lead')?.agency;
  const header = agencyHeader(input.unit);
  return {
    ...base(input, 'control', receivedAt),
    applicant: { name: d.applicant_name, idNumberMasked: maskIdNumber(d.applicant_id_number) },
    receivedAt: dateTimeShort(receivedAt),
    dueAt: dateTimeShort(d.due_at!),
    leadAgency: lead ?? header.committeeInText,
    coordinatingAgencies: [...new Set(transfers.filter((t) => t.role !== 'lead').map((t) => t.agency!))],
    rows: controlSheetRows(input),
  };
}

function endText(d: DossierRow): string {
  if (d.end_kind === 'resolved') {
    const outcome = OUTCOME_LABEL[d.outcome ?? ''] ?? '';
    return d.resolution
      ? `${outcome} (${(RESOLUTION_LABEL[d.resolution] ?? '').toLocaleLowerCase('vi')})`
      : outcome;
  }
  if (d.end_kind === 'returned') return 'Trả lại hồ sơ';
  if (d.end_kind === 'withdrawn') return 'Rút hồ sơ';
  return '';
}

export function registerRow(d: DossierRow, no: number): RegisterRow {
  return {
    no,
    code: d.code,
    procedure: d.procedure_name,
    applicant: d.applicant_name,
    idNumberMasked: maskIdNumber(d.applicant_id_number),
    receivedAt: d.received_at === null ? '' : dateTimeShort(d.received_at),
    dueAt: d.due_at === null ? '' : dateTimeShort(d.due_at),
    ended: d.ended_at === null ? '' : dateTimeShort(d.ended_at),
    result: endText(d),
    status: STATUS_LABEL[d.status as DossierStatus] ?? d.status,
  };
}

export interface RegisterInput {
  unit: DossierDocumentInput['unit'];
  /** Local dates, inclusive: `fromMs` is `from` 00:00, `endMs` is `to` + 1 day 00:00 (UTC+7). */
  fromMs: number;
  endMs: number;
  /** Received in the period, in order of receipt. */
  dossiers: DossierRow[];
  /** When the register was printed. */
  now: number;
}

/** Form 07: every dossier of the unit received in the period. */
export function buildRegisterData(input: RegisterInput): RegisterData {
  const header = agencyHeader(input.unit);
  return {
    formNumber: REGISTER_FORM.number,
    title: REGISTER_FORM.title,
    header,
    from: dateShort(input.fromMs),
    to: dateShort(input.endMs - 1),
    placeDate: placeDateLine(header.placeName, input.now),
    rows: input.dossiers.map((d, i) => registerRow(d, i + 1)),
  };
}
