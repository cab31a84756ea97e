/**
 * Derives a legacy dossier's state (DOMAIN.md section 4) from its events: the end, the outcome, the due history,
 * the supplement intervals, the resolution against the effective due, and one action per event. Pure.
 */
import { classifyResolution } from '../../shared/calendar/index.ts';
import type { DossierStatus, EndKind, Outcome, Resolution } from '../../shared/dossier/status.ts';
import type { ImportedAction } from '../dossiers/imported-history.ts';
import type { LegacyDossier, LegacyEvent } from './legacy.format.ts';

export interface DueEntry {
  setAt: number;
  dueAt: number;
  reason: 'import' | 'supplement_received' | 'extended';
}

export interface SuspensionEntry {
  startedAt: number;
  endedAt: number | null;
}

/** One action derived from a legacy event (stored on the dossier row: src/server/dossiers/imported-history.ts). */
export interface ActionEntry extends ImportedAction {
  from: DossierStatus | null;
  to: DossierStatus;
}

export interface DerivedHistory {
  status: DossierStatus;
  /** The latest due set. */
  dueAt: number;
  clockStoppedAt: number | null;
  endedAt: number | null;
  endKind: EndKind | null;
  outcome: Outcome | null;
  resolution: Resolution | null;
  resolutionDueAt: number | null;
  deliveredAt: number | null;
  extensionCount: number;
  dues: DueEntry[];
  suspensions: SuspensionEntry[];
  actions: ActionEntry[];
}

const END_STATUS: Record<EndKind, DossierStatus> = {
  resolved: 'result_ready',
  returned: 'returned',
  withdrawn: 'withdrawn',
};

/** Adds a due; a due set at the same instant as the previous one replaces it (the later entry wins). */
function pushDue(dues: DueEntry[], entry: DueEntry): void {
  const last = dues[dues.length - 1];
  if (last && last.setAt === entry.setAt) dues[dues.length - 1] = entry;
  else dues.push(entry);
}

/**
 * Legacy events become the live lifecycle's action types (src/shared/dossier/lifecycle.ts), so that imported and
 * live histories read alike; the payload keeps the legacy event's name.
 */
function actionType(e: LegacyEvent): string {
  switch (e.type) {
    case 'supplement_requested':
      return 'request_supplement';
    case 'supplement_received':
      return 'receive_supplement';
    case 'extended':
      return 'extend';
    case 'resolved':
      return e.outcome === 'refused' ? 'refuse' : 'approve';
    case 'returned':
      return 'stop';
    case 'withdrawn':
      return 'withdraw';
    case 'delivered':
      return 'deliver';
  }
}

function eventPayload(e: LegacyEvent, previousDue: number): Record<string, unknown> {
  const p: Record<string, unknown> = { legacyEvent: e.type };
  if (e.type === 'extended' && e.dueAt !== undefined)
    Object.assign(p, { newDueAt: e.dueAt, previousDueAt: previousDue });
  else if (e.dueAt !== undefined) p.dueAt = e.dueAt;
  if (e.outcome !== undefined) p.outcome = e.outcome;
  if (e.reason !== undefined) p.reason = e.reason;
  return p;
}

interface State {
  status: DossierStatus;
  dues: DueEntry[];
  suspensions: SuspensionEntry[];
  open: SuspensionEntry | null;
  end: { kind: EndKind; at: number; outcome: Outcome | null; due: number } | null;
  deliveredAt: number | null;
  extensions: number;
}

/** Applies one event (already validated for order) and returns the status after it. */
function apply(s: State, e: LegacyEvent): DossierStatus {
  const currentDue = s.dues[s.dues.length - 1]?.dueAt ?? 0;
  switch (e.type) {
    case 'supplement_requested':
      s.open = { startedAt: e.at, endedAt: null };
      s.suspensions.push(s.open);
      return 'supplement_requested';
    case 'supplement_received':
      if (s.open) s.open.endedAt = e.at;
      s.open = null;
      if (e.dueAt !== undefined)
        pushDue(s.dues, { setAt: e.at, dueAt: e.dueAt, reason: 'supplement_received' });
      return 'processing';
    case 'extended':
      s.extensions += 1;
      if (e.dueAt !== undefined) pushDue(s.dues, { setAt: e.at, dueAt: e.dueAt, reason: 'extended' });
      return s.status;
    case 'resolved':
    case 'returned':
    case 'withdrawn':
      // A supplement still awaited ends with the dossier.
      if (s.open) s.open.endedAt = e.at;
      s.open = null;
      s.end = { kind: e.type, at: e.at, outcome: e.outcome ?? null, due: currentDue };
      return END_STATUS[e.type];
    case 'delivered':
      if (s.deliveredAt === null) s.deliveredAt = e.at;
      return s.end?.kind === 'resolved' ? 'delivered' : s.status;
  }
}

export function deriveHistory(d: LegacyDossier): DerivedHistory {
  const s: State = {
    status: 'processing',
    dues: [{ setAt: d.receivedAt, dueAt: d.dueAt, reason: 'import' }],
    suspensions: [],
    open: null,
    end: null,
    deliveredAt: null,
    extensions: 0,
  };
  const actions: ActionEntry[] = [
    {
      type: 'imported',
      at: d.receivedAt,
      from: null,
      to: 'processing',
      payload: { dueAt: d.dueAt, channel: d.channel, unitCode: d.unitCode, line: d.line },
    },
  ];
  for (const e of d.events) {
    const from = s.status;
    const previousDue = s.dues[s.dues.length - 1]?.dueAt ?? d.dueAt;
    s.status = apply(s, e);
    actions.push({
      type: actionType(e),
      at: e.at,
      from,
      to: s.status,
      payload: eventPayload(e, previousDue),
    });
  }
  const end = s.end;
  return {
    status: s.status,
    dueAt: s.dues[s.dues.length - 1]?.dueAt ?? d.dueAt,
    clockStoppedAt: s.open?.startedAt ?? null,
    endedAt: end?.at ?? null,
    endKind: end?.kind ?? null,
    outcome: end?.outcome ?? null,
    resolution: end?.kind === 'resolved' ? classifyResolution(end.at, end.due) : null,
    resolutionDueAt: end?.kind === 'resolved' ? end.due : null,
    deliveredAt: s.deliveredAt,
    extensionCount: s.extensions,
    dues: s.dues,
    suspensions: s.suspensions,
    actions,
  };
}
