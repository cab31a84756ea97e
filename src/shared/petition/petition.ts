/**
 * Citizens' complaints, denunciations and feedback (DOMAIN.md §5): kinds, statuses, the one transition table and
 * the statutory time limits. Pure: deadlines are computed with the province's working calendar by the caller.
 */
import type { DeadlineLimit, WorkingCalendar } from '../calendar/index.ts';

export const PETITION_KINDS = ['complaint', 'denunciation', 'feedback'] as const;
/** khiếu nại (Law on Complaints 2011), tố cáo (Law on Denunciations 2018), phản ánh, kiến nghị (Decree 20/2008). */
export type PetitionKind = (typeof PETITION_KINDS)[number];

export const PETITION_STATUSES = [
  'received', // registered; the agency must accept (thụ lý) or reject it in time
  'more_info_requested', // feedback: the petitioner was asked for more information
  'accepted', // accepted for resolution (thụ lý): the resolution deadline runs
  'rejected', // not accepted (không thụ lý / từ chối), with the reason — ENDS
  'resolved', // decided or answered — ENDS (feedback is then published)
  'withdrawn', // withdrawn by the petitioner — ENDS
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const ENDED_PETITION: readonly PetitionStatus[] = ['rejected', 'resolved', 'withdrawn'];

export const PETITION_ACTIONS = [
  'request_info', // feedback: ask for more information (within 5 working days of receipt)
  'receive_info', // the information arrives
  'accept', // thụ lý: the resolution deadline starts
  'reject', // không thụ lý, with the reason
  'extend', // denunciation: once by 30 days (twice when very complex)
  'resolve', // the decision / answer, with its conclusion
  'publish', // feedback: the answer is made public (within 2 working days)
  'withdraw', // by the petitioner
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

type Target = PetitionStatus | 'same';

/** The one transition table, and the kinds an action applies to. */
export const PETITION_TRANSITIONS: Record<
  PetitionAction,
  { from: readonly PetitionStatus[]; to: Target; kinds: readonly PetitionKind[] }
> = {
  request_info: { from: ['received'], to: 'more_info_requested', kinds: ['feedback'] },
  receive_info: { from: ['more_info_requested'], to: 'received', kinds: ['feedback'] },
  accept: { from: ['received'], to: 'accepted', kinds: PETITION_KINDS },
  reject: { from: ['received', 'more_info_requested'], to: 'rejected', kinds: PETITION_KINDS },
  extend: { from: ['accepted'], to: 'same', kinds: ['denunciation'] },
  resolve: { from: ['accepted'], to: 'resolved', kinds: PETITION_KINDS },
  publish: { from: ['resolved'], to: 'same', kinds: ['feedback'] },
  withdraw: { from: ['received', 'more_info_requested', 'accepted'], to: 'withdrawn', kinds: PETITION_KINDS },
};

export function allowedPetitionActions(kind: PetitionKind, status: PetitionStatus): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => {
    const t = PETITION_TRANSITIONS[a];
    return t.kinds.includes(kind) && t.from.includes(status);
  });
}

/** The status after an action, or null when the action is not allowed for this kind and status. */
export function nextPetitionStatus(
  kind: PetitionKind,
  status: PetitionStatus,
  action: PetitionAction,
): PetitionStatus | null {
  if (!allowedPetitionActions(kind, status).includes(action)) return null;
  const to = PETITION_TRANSITIONS[action].to;
  return to === 'same' ? status : to;
}

/** The conclusions a resolution may record, per kind. */
export const CONCLUSIONS: Record<PetitionKind, readonly string[]> = {
  complaint: ['upheld', 'partly_upheld', 'dismissed'], // khiếu nại đúng / đúng một phần / sai
  denunciation: ['founded', 'partly_founded', 'unfounded'], // tố cáo đúng / đúng một phần / sai
  feedback: ['answered', 'adopted'], // đã trả lời / tiếp thu, sửa đổi
};

/**
 * The time limits, one table (DOMAIN.md §5). Where the rule says "days" they are counted as calendar days (D5: a
 * limit ending on a day off moves to the next working day); where it says "working days", as working days (D2).
 * Every value can be overridden per province (settings `petition_rules:<province>`; docs/PETITIONS.md).
 */
export interface PetitionRules {
  complaint: {
    /** From the day the complainant received or knew the decision: later lodging is flagged. */
    lodge: DeadlineLimit;
    /** Accept (thụ lý) or reject from receipt. */
    respond: DeadlineLimit;
    /** Resolution from acceptance; `remote` for remote, difficult areas; `complex` for complex cases. */
    first: {
      normal: DeadlineLimit;
      complex: DeadlineLimit;
      remote: DeadlineLimit;
      remoteComplex: DeadlineLimit;
    };
    second: {
      normal: DeadlineLimit;
      complex: DeadlineLimit;
      remote: DeadlineLimit;
      remoteComplex: DeadlineLimit;
    };
  };
  denunciation: {
    /** Law on Denunciations 2018 Art. 29: check and decide to accept (verify the unit). */
    respond: DeadlineLimit;
    /** Art. 30: resolution from acceptance. */
    resolve: DeadlineLimit;
    /** Each extension adds this to the current due. */
    extension: DeadlineLimit;
    maxExtensions: { normal: number; veryComplex: number };
  };
  feedback: {
    /** Reject (or accept) from receipt. */
    respond: DeadlineLimit;
    /** Ask the petitioner for more, from receipt. */
    requestInfo: DeadlineLimit;
    /** Handle from acceptance. */
    resolve: DeadlineLimit;
    /** Publish the answer from the resolution. */
    publish: DeadlineLimit;
  };
}

const days = (value: number): DeadlineLimit => ({ value, unit: 'calendar_day' });
const workingDays = (value: number): DeadlineLimit => ({ value, unit: 'working_day' });

export const DEFAULT_PETITION_RULES: PetitionRules = {
  complaint: {
    lodge: days(90),
    respond: days(10),
    first: { normal: days(30), complex: days(45), remote: days(45), remoteComplex: days(60) },
    second: { normal: days(45), complex: days(60), remote: days(60), remoteComplex: days(70) },
  },
  denunciation: {
    respond: workingDays(7),
    resolve: days(30),
    extension: days(30),
    maxExtensions: { normal: 1, veryComplex: 2 },
  },
  feedback: {
    respond: workingDays(2),
    requestInfo: workingDays(5),
    resolve: workingDays(15),
    publish: workingDays(2),
  },
};

/** The case's circumstances that choose a limit. */
export interface PetitionCase {
  kind: PetitionKind;
  /** Complaints: first (lần đầu) or second (lần hai) resolution. */
  instance: 1 | 2;
  /** Complaints: complex case; denunciations: very complex (two extensions allowed). */
  complex: boolean;
  /** Complaints: remote, difficult area (vùng sâu, vùng xa, đi lại khó khăn). */
  remote: boolean;
}

/** The accept-or-reject deadline from the receipt. */
export function respondBy(
  rules: PetitionRules,
  cal: WorkingCalendar,
  kind: PetitionKind,
  receivedAt: number,
) {
  return cal.due(receivedAt, rules[kind].respond);
}

/** Feedback only: the deadline to ask for more information. */
export function requestInfoBy(rules: PetitionRules, cal: WorkingCalendar, receivedAt: number): number {
  return cal.due(receivedAt, rules.feedback.requestInfo);
}

/** The resolution limit of a case. */
export function resolutionLimit(rules: PetitionRules, c: PetitionCase): DeadlineLimit {
  if (c.kind === 'denunciation') return rules.denunciation.resolve;
  if (c.kind === 'feedback') return rules.feedback.resolve;
  const table = c.instance === 2 ? rules.complaint.second : rules.complaint.first;
  if (c.remote) return c.complex ? table.remoteComplex : table.remote;
  return c.complex ? table.complex : table.normal;
}

/** Whether a complaint was lodged after its limit (counted from when the decision was received or known). */
export function lodgedLate(rules: PetitionRules, cal: WorkingCalendar, knownAt: number, receivedAt: number) {
  return receivedAt > cal.due(knownAt, rules.complaint.lodge);
}

/** Denunciations: how many extensions the case allows. */
export function maxExtensions(rules: PetitionRules, c: PetitionCase): number {
  if (c.kind !== 'denunciation') return 0;
  return c.complex ? rules.denunciation.maxExtensions.veryComplex : rules.denunciation.maxExtensions.normal;
}

/** A partial override (from settings) merged over the defaults, limit by limit. */
export function mergePetitionRules(base: PetitionRules, override: unknown): PetitionRules {
  const merge = (a: unknown, b: unknown): unknown => {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return b ?? a;
    if ('unit' in a) return { ...a, ...b };
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) if (k in out) out[k] = merge(out[k], v);
    return out;
  };
  return merge(base, override) as PetitionRules;
}
