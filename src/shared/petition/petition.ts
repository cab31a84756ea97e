/**
 * Citizens' complaints, denunciations and feedback (DOMAIN.md §5): kinds, statuses, the one transition table and
 * the statutory time limits. Pure: deadlines are computed with the province's working calendar by the caller.
 */
import type { DeadlineLimit, WorkingCalendar } from '../calendar/index.ts';

export const PETITION_KINDS = ['complaint', 'denunciation', 'feedback'] as const;
/**
 * khiếu nại (Law on Complaints 2011), tố cáo (Law on Denunciation 2018), phản ánh, kiến nghị about administrative
 * procedures and services (no statutory time limits: MộtCửa's defaults, each province's own rule; docs/PETITIONS.md).
 */
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
  'extend', // denunciation: complex once, especially complex twice, ≤ 30 days each, by a written decision
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
    /** First complaints (Art. 9): from the day the complainant received or knew the decision; later is flagged. */
    lodge: DeadlineLimit;
    /**
     * Second complaints (Art. 33): from the day the first decision was received, or the first resolution's limit
     * expired without one; `remote` for remote, difficult areas.
     */
    lodgeSecond: { normal: DeadlineLimit; remote: DeadlineLimit };
    /** Accept (thụ lý) or reject from receipt (Art. 27). */
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
    /** Law on Denunciation 2018 Art. 24.1: check the conditions and decide to accept, from receipt. */
    respond: DeadlineLimit;
    /** Art. 24.1: the same when the checking must be done in several places. */
    respondMultiPlace: DeadlineLimit;
    /** Art. 24.2: a denunciation outside the commune's competence is forwarded within this, from receipt. */
    forward: DeadlineLimit;
    /** Art. 30.1: resolution from acceptance. */
    resolve: DeadlineLimit;
    /** Art. 30.1: each extension adds at most this to the current due, by a written decision. */
    extension: DeadlineLimit;
    /** Art. 30.1: an ordinary case none, a complex case once, an especially complex case twice. */
    maxExtensions: { normal: number; complex: number; veryComplex: number };
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
    lodgeSecond: { normal: days(30), remote: days(45) },
    respond: workingDays(10),
    first: { normal: days(30), complex: days(45), remote: days(45), remoteComplex: days(60) },
    second: { normal: days(45), complex: days(60), remote: days(60), remoteComplex: days(70) },
  },
  denunciation: {
    respond: workingDays(7),
    respondMultiPlace: workingDays(10),
    forward: workingDays(5),
    resolve: days(30),
    extension: days(30),
    maxExtensions: { normal: 0, complex: 1, veryComplex: 2 },
  },
  feedback: {
    respond: workingDays(2),
    requestInfo: workingDays(5),
    resolve: workingDays(15),
    publish: workingDays(2),
  },
};

/** How complex a case is: complaints know 0 and 1; denunciations 0 ordinary, 1 complex, 2 especially complex. */
export type Complexity = 0 | 1 | 2;

/** The case's circumstances that choose a limit. */
export interface PetitionCase {
  kind: PetitionKind;
  /** Complaints: first (lần đầu) or second (lần hai) resolution. */
  instance: 1 | 2;
  /** Complaints: a complex case (1); denunciations: complex (1) or especially complex (2). */
  complexity: Complexity;
  /** Complaints: remote, difficult area (vùng sâu, vùng xa, đi lại khó khăn). */
  remote: boolean;
  /** Denunciations: the conditions must be checked in several places (Art. 24.1). */
  multiPlace?: boolean;
}

/** The accept-or-reject deadline from the receipt. */
export function respondBy(
  rules: PetitionRules,
  cal: WorkingCalendar,
  kind: PetitionKind,
  receivedAt: number,
  multiPlace = false,
) {
  const limit =
    kind === 'denunciation' && multiPlace ? rules.denunciation.respondMultiPlace : rules[kind].respond;
  return cal.due(receivedAt, limit);
}

/** Denunciations outside the commune's competence: the forwarding deadline from the receipt (Art. 24.2). */
export function forwardBy(rules: PetitionRules, cal: WorkingCalendar, receivedAt: number): number {
  return cal.due(receivedAt, rules.denunciation.forward);
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
  const complex = c.complexity > 0;
  if (c.remote) return complex ? table.remoteComplex : table.remote;
  return complex ? table.complex : table.normal;
}

/** A complaint's lodging limit: 90 days for a first complaint, 30 (45 remote) for a second one. */
export function lodgeLimit(
  rules: PetitionRules,
  c: Pick<PetitionCase, 'instance' | 'remote'>,
): DeadlineLimit {
  if (c.instance === 1) return rules.complaint.lodge;
  return c.remote ? rules.complaint.lodgeSecond.remote : rules.complaint.lodgeSecond.normal;
}

/**
 * Whether a complaint was lodged after its limit, counted from `knownAt`: for a first complaint when the decision was
 * received or known; for a second one when the first decision was received or the first limit expired.
 */
export function lodgedLate(
  rules: PetitionRules,
  cal: WorkingCalendar,
  knownAt: number,
  receivedAt: number,
  c: Pick<PetitionCase, 'instance' | 'remote'> = { instance: 1, remote: false },
) {
  return receivedAt > cal.due(knownAt, lodgeLimit(rules, c));
}

/** Denunciations: how many extensions the case allows (an ordinary case none: Art. 30.1). */
export function maxExtensions(rules: PetitionRules, c: PetitionCase): number {
  if (c.kind !== 'denunciation') return 0;
  const m = rules.denunciation.maxExtensions;
  return c.complexity === 2 ? m.veryComplex : c.complexity === 1 ? m.complex : m.normal;
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
