/**
 * What of a petition leaves the server, and to whom: the petitioner's personal data masked, and the actions the
 * viewer may take. A denouncer's identity is confidential (Law on Denunciation 2018 Art. 47 §2, Art. 56; docs/SECURITY.md
 * "Denouncer confidentiality"): a denunciation leaves the server with no character of the denouncer's name, ID
 * number, phone or address, for every viewer (the leader included), and with that identity redacted from the text
 * officers typed; the leader reads it through the audited reveal (`presentPetitioner`) only. Pure: what it shows
 * besides the row (log, dossier code, rules) is loaded by the service and passed in.
 */
import { formatInstant } from '../../shared/calendar/index.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/identity/cccd.ts';
import { redactIdentity } from '../../shared/petition/redact.ts';
import {
  DEFAULT_PETITION_RULES,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import type { Actor } from '../accounts/roles.ts';
import { presentActionLog, type TActionLogEntry } from '../audit/action-log.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import { mayReadPetitioner, petitionActionsFor } from './petition.policy.ts';
import { caseOf, complexityOf, nextDeadline } from './petition.rules.ts';
import type { TPetition, TPetitionerData } from './petition.schemas.ts';
import type { PetitionActionRow, PetitionRow } from './petition.table.ts';

/** What a petition is shown with besides its row. */
export interface PetitionExtras {
  /** The code of the dossier it is about (null: none, or not visible to the viewer). */
  dossierCode: string | null;
  /** Its province's time limits (they decide whether it may still be extended). */
  rules: PetitionRules;
  /** Its log: on its own page, not in the register. */
  actions?: readonly PetitionActionRow[];
}

/** What stands for a denouncer's name wherever a denunciation is shown (the browser shows its own words). */
export const CONFIDENTIAL_DENOUNCER = '(Người tố cáo được giữ bí mật)';

const isDenunciation = (p: Pick<PetitionRow, 'kind'>): boolean => p.kind === 'denunciation';

/**
 * The petitioner as every officer sees them: identity number, phone and address masked; a denouncer not at all
 * (no initials, no digits: matching them against the dossier queue's masks would name the denouncer).
 */
export function maskPetitioner(p: PetitionRow): TPetition['petitioner'] {
  if (isDenunciation(p))
    return { confidential: true, name: CONFIDENTIAL_DENOUNCER, idNumber: null, phone: null, address: null };
  return {
    confidential: false,
    name: p.petitioner_name,
    idNumber: maskIdNumber(p.petitioner_id_number),
    phone: maskPhone(p.petitioner_phone),
    address: maskAddress(p.petitioner_address),
  };
}

/** Text officers typed about the petition, a denouncer's identity redacted from it ("[đã ẩn]"). */
export function redactedText(p: PetitionRow, text: string): string {
  if (!isDenunciation(p)) return text;
  return redactIdentity(text, {
    name: p.petitioner_name,
    idNumber: p.petitioner_id_number,
    phone: p.petitioner_phone,
    address: p.petitioner_address,
  });
}

/** The log's free text (reasons, notes, results) redacted like the content. */
function redactedLog(p: PetitionRow, log: TActionLogEntry[]): TActionLogEntry[] {
  if (!isDenunciation(p)) return log;
  const redact = (v: unknown): unknown => (typeof v === 'string' ? redactedText(p, v) : v);
  return log.map((a) => ({
    ...a,
    payload: Object.fromEntries(Object.entries(a.payload).map(([k, v]) => [k, redact(v)])),
  }));
}

/** The petitioner's full data, the text as typed and the dossier it is about: for the audited read only. */
export function presentPetitioner(p: PetitionRow, dossierCode: string | null): TPetitionerData {
  return {
    name: p.petitioner_name,
    idNumber: p.petitioner_id_number,
    phone: p.petitioner_phone,
    address: p.petitioner_address,
    subject: p.subject,
    content: p.content,
    dossierCode,
  };
}

export function presentPetition(
  p: PetitionRow,
  viewer: Actor,
  now: number,
  extras: PetitionExtras,
): TPetition {
  const next = nextDeadline(p, now);
  return {
    code: p.code,
    kind: p.kind as PetitionKind,
    status: p.status as PetitionStatus,
    unitCode: p.unit_code,
    provinceCode: p.province_code,
    channel: p.channel,
    instance: p.instance,
    complex: p.complex >= 1,
    complexity: complexityOf(p.complex),
    remote: p.remote === 1,
    multiPlace: p.multi_place === 1,
    subject: redactedText(p, p.subject),
    content: redactedText(p, p.content),
    // a denunciation's dossier would name its applicant, who may well be the denouncer: the reveal's only
    dossierCode: isDenunciation(p) ? null : extras.dossierCode,
    petitioner: maskPetitioner(p),
    receivedAt: formatInstant(p.received_at),
    knownAt: isoOrNull(p.known_at),
    lodgedLate: p.lodged_late === 1,
    respondBy: formatInstant(p.respond_by),
    infoBy: isoOrNull(p.info_by),
    acceptedAt: isoOrNull(p.accepted_at),
    dueAt: isoOrNull(p.due_at),
    extensionCount: p.extension_count,
    endedAt: isoOrNull(p.ended_at),
    conclusion: p.conclusion,
    result: p.result === null ? null : redactedText(p, p.result),
    publishBy: isoOrNull(p.publish_by),
    publishedAt: isoOrNull(p.published_at),
    nextDeadline: next ? { kind: next.kind, at: formatInstant(next.at), overdue: next.overdue } : null,
    allowedActions: petitionActionsFor(viewer, p, extras.rules, caseOf),
    abilities: { readPetitioner: mayReadPetitioner(viewer, p) },
    ...(extras.actions ? { actions: redactedLog(p, presentActionLog(extras.actions)) } : {}),
  };
}

/** A province's petition time limits: the defaults and the rules in force (defaults with its override). */
export function presentPetitionRules(provinceCode: string, rules: PetitionRules) {
  return { province: provinceCode, defaults: DEFAULT_PETITION_RULES, rules };
}
