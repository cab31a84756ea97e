import { formatInstant, type WorkingCalendar } from '../../shared/calendar/index.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/identity/cccd.ts';
import type { Channel, DossierStatus } from '../../shared/dossier/status.ts';
import type { DossierActionRow, DossierRow } from './dossier.table.ts';
import type { TDossier } from './dossier.schemas.ts';
import { presentActionLog } from '../audit/action-log.ts';
import type { Actor } from '../accounts/roles.ts';
import { availableForms, DOSSIER_FORMS } from './dossier.forms.ts';
import { dossierPolicy, viewerPolicy, type ViewerPolicy } from './dossier.policy.ts';

/** An instant as ISO 8601 with the +07:00 offset, or null. */
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

export interface AssigneeName {
  username: string;
  name: string;
}

/**
 * The dossier as officers see it: personal data masked (the full data is a separate, audited read). `policy`: the
 * viewer's policy answers when the caller presents many dossiers (presentDossiers), asked once per commune.
 */
export function presentDossier(
  d: DossierRow,
  viewer: Actor,
  assignees: Map<string, AssigneeName>,
  actions?: DossierActionRow[],
  timing?: Timing,
  policy: ViewerPolicy = dossierPolicy(viewer),
): TDossier {
  const data = shownDataOf(d.data);
  const allowed = policy.actionsFor(d, data.transfers?.length ?? 0);
  return {
    code: d.code,
    status: d.status as DossierStatus,
    unitCode: d.unit_code,
    provinceCode: d.province_code,
    procedure: { code: d.procedure_code, name: d.procedure_name, field: d.field },
    channel: d.channel as Channel,
    applicant: {
      kind: d.applicant_kind,
      name: d.applicant_name,
      idNumber: maskIdNumber(d.applicant_id_number),
      phone: maskPhone(d.applicant_phone),
      address: maskAddress(d.applicant_address),
    },
    receivedAt: isoOrNull(d.received_at),
    dueAt: isoOrNull(d.due_at),
    clockStoppedAt: isoOrNull(d.clock_stopped_at),
    endedAt: isoOrNull(d.ended_at),
    endKind: d.end_kind,
    outcome: d.outcome,
    resolution: d.resolution,
    deliveredAt: isoOrNull(d.delivered_at),
    extensionCount: d.extension_count,
    assignee: d.assignee_id ? (assignees.get(d.assignee_id)?.username ?? null) : null,
    assigneeName: d.assignee_id ? (assignees.get(d.assignee_id)?.name ?? null) : null,
    limit: {
      value: d.limit_value,
      unit: d.limit_unit,
      cutoff: d.limit_cutoff,
      kind: data.limitApplied?.kind ?? 'standard',
      areaClasses: data.limitApplied?.areaClasses ?? [],
      basis: data.limitApplied?.basis ?? null,
    },
    transfers: (data.transfers ?? []).map((t) => ({
      ...t,
      sentAt: typeof t.sentAt === 'number' ? isoOrNull(t.sentAt) : t.sentAt,
      sendBy: typeof t.sendBy === 'number' ? isoOrNull(t.sendBy) : t.sendBy,
      dueAt: typeof t.dueAt === 'number' ? isoOrNull(t.dueAt) : t.dueAt,
    })),
    allowedActions: allowed,
    abilities: policy.abilitiesFor(d),
    ...(actions ? { documents: presentDocuments(d, actions), actions: presentActionLog(actions) } : {}),
    acceptBy: d.status === 'submitted' ? isoOrNull(data.acceptBy ?? null) : null,
    workDueAt: isoOrNull(d.work_due_at),
    next: nextStep(d, allowed, assignees, actions, timing),
  };
}

/** What the presenter shows of a dossier's `data` column (the rest: components, terms, notes, is not shown). */
interface ShownData {
  readonly transfers?: readonly Readonly<Record<string, unknown>>[];
  readonly limitApplied?: { kind: 'standard' | 'area'; areaClasses: string[]; basis: string | null };
  readonly acceptBy?: number | null;
}

/**
 * The shown part of `data`, kept for the last 1,000 texts seen: a live dossier's data is ~1.6 KB of JSON (its
 * terms and components), and parsing it was most of a queue page's presenting; the same dossiers are presented
 * again and again (queues are polled). Keyed by the text itself, so a changed dossier is parsed again; frozen,
 * since every answer shares it.
 */
const SHOWN_DATA = new Map<string, ShownData>();
const SHOWN_DATA_MAX = 1000;

export function shownDataOf(text: string): ShownData {
  const kept = SHOWN_DATA.get(text);
  if (kept) {
    SHOWN_DATA.delete(text); // most recently used last: the first key is the one to evict
    SHOWN_DATA.set(text, kept);
    return kept;
  }
  const { transfers, limitApplied, acceptBy } = JSON.parse(text) as ShownData;
  const shown: ShownData = Object.freeze({
    ...(transfers ? { transfers: Object.freeze(transfers.map((t) => Object.freeze(t))) } : {}),
    ...(limitApplied
      ? {
          limitApplied: Object.freeze({
            ...limitApplied,
            areaClasses: Object.freeze(limitApplied.areaClasses),
          }),
        }
      : {}),
    ...(acceptBy !== undefined ? { acceptBy } : {}),
  }) as ShownData;
  if (SHOWN_DATA.size >= SHOWN_DATA_MAX) SHOWN_DATA.delete(SHOWN_DATA.keys().next().value!);
  SHOWN_DATA.set(text, shown);
  return shown;
}

/** A page of dossiers (the queue) for one viewer: its policy answers computed once per commune, not per dossier. */
export function presentDossiers(
  rows: readonly DossierRow[],
  viewer: Actor,
  assignees: Map<string, AssigneeName>,
): TDossier[] {
  const policy = viewerPolicy(viewer);
  return rows.map((d) => presentDossier(d, viewer, assignees, undefined, undefined, policy));
}

/** The instant and the dossier's working calendar, for the working hours left (the dossier page). */
export interface Timing {
  now: number;
  calendar: Pick<WorkingCalendar, 'workingMillisBetween'>;
}

const HOUR = 3_600_000;

/** Each status's next step and the role that takes it (the lifecycle: src/shared/dossier/lifecycle.ts). */
const NEXT_OF: Partial<Record<DossierStatus, { who: TNext['who']; step: TNext['step'] }>> = {
  submitted: { who: 'counter', step: 'accept_online' },
  received: { who: 'leader', step: 'assign' },
  processing: { who: 'specialist', step: 'appraise' },
  supplement_requested: { who: 'applicant', step: 'await_supplement' },
  awaiting_approval: { who: 'leader', step: 'approve' },
  result_ready: { who: 'counter', step: 'deliver' },
};

type TNext = TDossier['next'];

/**
 * What happens next: whose move it is and what they must do, whether the viewer is the one (the server's allowed
 * actions decide), the specialist's proposal for the leader, and the working hours left when the page asks.
 */
export function nextStep(
  d: DossierRow,
  allowed: readonly string[],
  assignees: Map<string, AssigneeName>,
  actions?: DossierActionRow[],
  timing?: Timing,
): TNext {
  const base = NEXT_OF[d.status as DossierStatus] ?? { who: 'nobody' as const, step: 'none' as const };
  const assignee = d.assignee_id ? (assignees.get(d.assignee_id)?.username ?? null) : null;
  const mine =
    base.step === 'assign'
      ? allowed.includes('assign')
      : base.step === 'appraise'
        ? allowed.includes('submit_for_approval')
        : base.step === 'approve'
          ? allowed.includes('approve')
          : base.step === 'accept_online'
            ? allowed.includes('accept_online')
            : base.step === 'deliver'
              ? allowed.includes('deliver')
              : false;
  const proposalRow =
    d.status === 'awaiting_approval' && actions
      ? [...actions].reverse().find((a) => a.type === 'submit_for_approval')
      : undefined;
  const proposal = proposalRow
    ? {
        by: proposalRow.actor_name,
        at: formatInstant(proposalRow.at),
        note: ((JSON.parse(proposalRow.payload) as { note?: string }).note ?? null) || null,
      }
    : actions
      ? null
      : undefined;
  const running = d.work_due_at !== null && d.clock_stopped_at === null;
  const workingHoursLeft = timing
    ? running
      ? Math.round((timing.calendar.workingMillisBetween(timing.now, d.work_due_at!) / HOUR) * 10) / 10
      : null
    : undefined;
  return {
    who: base.who,
    step: base.step,
    mine,
    assignee,
    ...(proposal !== undefined ? { proposal } : {}),
    ...(workingHoursLeft !== undefined ? { workingHoursLeft } : {}),
  };
}

/** The forms that can be issued for the dossier now (the document routes refuse the others by the same rule). */
function presentDocuments(d: DossierRow, actions: DossierActionRow[]): NonNullable<TDossier['documents']> {
  const base = `/api/dossiers/${encodeURIComponent(d.code)}/documents`;
  return availableForms(d, actions).map((form) => ({
    form,
    number: DOSSIER_FORMS[form].number,
    href: `${base}/${DOSSIER_FORMS[form].file}.pdf`,
  }));
}
