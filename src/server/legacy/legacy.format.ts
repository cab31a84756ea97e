/**
 * The legacy dossier line (issue 5): one JSON object per line. `validateLegacyLine` checks one line completely
 * and names every offending field; nothing here does I/O.
 */
import { parseLegacyInstant } from './fast-instant.ts';
import { CHANNELS, type Channel, type Outcome } from '../../shared/dossier/status.ts';

export const LEGACY_EVENT_TYPES = [
  'supplement_requested',
  'supplement_received',
  'extended',
  'resolved',
  'returned',
  'withdrawn',
  'delivered',
] as const;
export type LegacyEventType = (typeof LEGACY_EVENT_TYPES)[number];

export const ENDING_EVENTS: readonly LegacyEventType[] = ['resolved', 'returned', 'withdrawn'];

export interface LegacyEvent {
  type: LegacyEventType;
  at: number;
  /** A new due set from `at` (supplement_received, extended). */
  dueAt?: number;
  outcome?: Outcome;
  reason?: string;
}

export interface LegacyDossier {
  line: number;
  code: string;
  /** As given: a current or former commune code. */
  unitCode: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  channel: Channel;
  applicantName: string;
  /** Stored as given (personal data). */
  applicantIdNumber: string | null;
  receivedAt: number;
  dueAt: number;
  events: LegacyEvent[];
}

export type LineResult = { ok: true; value: LegacyDossier } | { ok: false; issues: string[] };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_TEXT = 500;

/** A required, non-blank string (NFC-normalised, trimmed); pushes an issue and returns undefined otherwise. */
function text(obj: Json, key: string, path: string, issues: string[], max = MAX_TEXT): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    issues.push(`${path}: missing`);
    return undefined;
  }
  if (typeof v !== 'string') {
    issues.push(`${path}: must be a string`);
    return undefined;
  }
  const t = v.normalize('NFC').trim();
  if (t === '') issues.push(`${path}: must not be empty`);
  else if (t.length > max) issues.push(`${path}: longer than ${max} characters`);
  else return t;
  return undefined;
}

function instant(obj: Json, key: string, path: string, issues: string[]): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    issues.push(`${path}: missing`);
    return undefined;
  }
  if (typeof v !== 'string') {
    issues.push(`${path}: must be an ISO 8601 date-time string`);
    return undefined;
  }
  try {
    return parseLegacyInstant(v);
  } catch {
    issues.push(`${path}: not a valid date-time ("${v.slice(0, 40)}")`);
    return undefined;
  }
}

function parseEvent(raw: unknown, path: string, issues: string[]): LegacyEvent | undefined {
  if (!isObject(raw)) {
    issues.push(`${path}: must be an object`);
    return undefined;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(LEGACY_EVENT_TYPES as readonly string[]).includes(type)) {
    issues.push(`${path}.type: unknown event type ${JSON.stringify(type ?? null)}`);
    return undefined;
  }
  const t = type as LegacyEventType;
  const before = issues.length;
  const at = instant(raw, 'at', `${path}.at`, issues);
  const event: LegacyEvent = { type: t, at: at ?? 0 };
  if (t === 'extended' || (t === 'supplement_received' && raw.dueAt !== undefined && raw.dueAt !== null)) {
    const due = instant(raw, 'dueAt', `${path}.dueAt`, issues);
    if (due !== undefined) event.dueAt = due;
  }
  if (t === 'resolved') {
    if (raw.outcome === 'approved' || raw.outcome === 'refused') event.outcome = raw.outcome;
    else issues.push(`${path}.outcome: must be "approved" or "refused"`);
  }
  if (t === 'returned' && raw.reason !== undefined && raw.reason !== null) {
    if (typeof raw.reason === 'string') event.reason = raw.reason.normalize('NFC').trim().slice(0, 2000);
    else issues.push(`${path}.reason: must be a string`);
  }
  return issues.length === before ? event : undefined;
}

/** The order rules: time never goes back; nothing but `delivered` after the end; supplements pair up. */
function checkSequence(receivedAt: number, events: LegacyEvent[], issues: string[]): void {
  let previous = receivedAt;
  let awaiting = false;
  let ended: LegacyEventType | undefined;
  events.forEach((e, i) => {
    const path = `events[${i}]`;
    if (e.at < previous)
      issues.push(
        `${path}.at: before ${i === 0 ? 'receivedAt' : `events[${i - 1}].at`} (events out of order)`,
      );
    previous = Math.max(previous, e.at);
    if (ended !== undefined && e.type !== 'delivered') {
      issues.push(`${path}.type: "${e.type}" after the dossier ended (${ended})`);
      return;
    }
    if (e.type === 'delivered' && ended === undefined)
      issues.push(`${path}.type: "delivered" before the dossier was resolved (events out of order)`);
    if (e.type === 'supplement_requested' && awaiting)
      issues.push(`${path}.type: "supplement_requested" while a supplement is already awaited`);
    if (e.type === 'supplement_received' && !awaiting)
      issues.push(`${path}.type: "supplement_received" without a supplement_requested before it`);
    if (e.type === 'supplement_requested') awaiting = true;
    if (e.type === 'supplement_received') awaiting = false;
    if ((ENDING_EVENTS as readonly string[]).includes(e.type)) ended = e.type;
  });
}

function parseApplicant(raw: Json, issues: string[]): { name?: string; idNumber: string | null } {
  const applicant = raw.applicant;
  if (!isObject(applicant)) {
    issues.push(applicant === undefined ? 'applicant: missing' : 'applicant: must be an object');
    return { idNumber: null };
  }
  const name = text(applicant, 'name', 'applicant.name', issues);
  const id = applicant.idNumber;
  if (id !== undefined && id !== null && typeof id !== 'string')
    issues.push('applicant.idNumber: must be a string');
  return { name, idNumber: typeof id === 'string' && id !== '' ? id : null };
}

function parseEvents(raw: Json, issues: string[]): LegacyEvent[] {
  const events = raw.events ?? [];
  if (!Array.isArray(events)) {
    issues.push('events: must be an array');
    return [];
  }
  const parsed: LegacyEvent[] = [];
  events.forEach((e, i) => {
    const event = parseEvent(e, `events[${i}]`, issues);
    if (event) parsed.push(event);
  });
  return parsed.length === events.length ? parsed : [];
}

function parseObject(raw: Json, line: number): LineResult {
  const issues: string[] = [];
  const code = text(raw, 'code', 'code', issues, 100);
  const unitCode = text(raw, 'unitCode', 'unitCode', issues, 20);
  const procedureCode = text(raw, 'procedureCode', 'procedureCode', issues, 100);
  const procedureName = text(raw, 'procedureName', 'procedureName', issues);
  const field = text(raw, 'field', 'field', issues, 200);
  const channel = raw.channel;
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel))
    issues.push(`channel: must be one of ${CHANNELS.join(', ')}`);
  const applicant = parseApplicant(raw, issues);
  const receivedAt = instant(raw, 'receivedAt', 'receivedAt', issues);
  const dueAt = instant(raw, 'dueAt', 'dueAt', issues);
  const eventIssues: string[] = [];
  const events = parseEvents(raw, eventIssues);
  if (eventIssues.length === 0 && receivedAt !== undefined) checkSequence(receivedAt, events, eventIssues);
  issues.push(...eventIssues);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      line,
      code: code as string,
      unitCode: unitCode as string,
      procedureCode: procedureCode as string,
      procedureName: procedureName as string,
      field: field as string,
      channel: channel as Channel,
      applicantName: applicant.name as string,
      applicantIdNumber: applicant.idNumber,
      receivedAt: receivedAt as number,
      dueAt: dueAt as number,
      events,
    },
  };
}

/** Validates one line (1-based `line`); every problem is named by its field path. */
export function validateLegacyLine(lineText: string, line: number): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(lineText);
  } catch (e) {
    return { ok: false, issues: [`bad JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (!isObject(raw)) return { ok: false, issues: ['the line must be a JSON object'] };
  return parseObject(raw, line);
}
