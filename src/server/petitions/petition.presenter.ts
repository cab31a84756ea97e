/**
 * What of a petition leaves the server, and to whom: the petitioner's personal data masked (a denouncer's name as
 * initials, Law on Denunciations 2018 Art. 47), and the actions the viewer may take. Pure: what it shows besides
 * the row (log, dossier code, rules) is loaded by the service and passed in.
 */
import { formatInstant } from '../../shared/calendar/index.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/identity/cccd.ts';
import {
  DEFAULT_PETITION_RULES,
  type PetitionKind,
  type PetitionRules,
  type PetitionStatus,
} from '../../shared/petition/petition.ts';
import type { Actor } from '../accounts/roles.ts';
import { presentActionLog } from '../audit/action-log.ts';
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

/** A denouncer's name shown as initials only: "Nguyễn Văn An" → "N. V. A." */
export const maskName = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');

/** The petitioner as every officer sees them: identity number, phone and address masked. */
export function maskPetitioner(p: PetitionRow): TPetition['petitioner'] {
  return {
    name: p.kind === 'denunciation' ? maskName(p.petitioner_name) : p.petitioner_name,
    idNumber: maskIdNumber(p.petitioner_id_number),
    phone: maskPhone(p.petitioner_phone),
    address: maskAddress(p.petitioner_address),
  };
}

/** The petitioner's full data, for the audited read only. */
export function presentPetitioner(p: PetitionRow): TPetitionerData {
  return {
    name: p.petitioner_name,
    idNumber: p.petitioner_id_number,
    phone: p.petitioner_phone,
    address: p.petitioner_address,
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
    subject: p.subject,
    content: p.content,
    dossierCode: extras.dossierCode,
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
    result: p.result,
    publishBy: isoOrNull(p.publish_by),
    publishedAt: isoOrNull(p.published_at),
    nextDeadline: next ? { kind: next.kind, at: formatInstant(next.at), overdue: next.overdue } : null,
    allowedActions: petitionActionsFor(viewer, p, extras.rules, caseOf),
    abilities: { readPetitioner: mayReadPetitioner(viewer, p) },
    ...(extras.actions ? { actions: presentActionLog(extras.actions) } : {}),
  };
}

/** A province's petition time limits: the defaults and the rules in force (defaults with its override). */
export function presentPetitionRules(provinceCode: string, rules: PetitionRules) {
  return { province: provinceCode, defaults: DEFAULT_PETITION_RULES, rules };
}
