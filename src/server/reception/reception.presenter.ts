/**
 * What of citizen reception leaves the server, and to whom. The register shows the citizen's name with the ID
 * number and address masked; for a denunciation no part of the identity at all (Law on Denunciation 2018
 * Art. 47-48), and the text the officer typed (content, reply note) with the identity redacted as a petition's is
 * (`redactIdentity`), except through the commune leader's audited read. The public schedule carries no citizen's
 * data.
 */
import { formatInstant } from '../../shared/calendar/index.ts';
import { maskAddress, maskIdNumber } from '../../shared/identity/cccd.ts';
import { redactIdentity } from '../../shared/petition/redact.ts';
import type { Actor } from '../accounts/roles.ts';
import { can } from '../accounts/policy.ts';
import { isoOrNull } from '../dossiers/dossier.presenter.ts';
import {
  isDelegation,
  replyOverdue,
  type ReceptionHandling,
  type ReceptionKind,
  type ScheduleDay,
} from './reception.rules.ts';
import type {
  TCitizenData,
  TPublicSchedule,
  TReception,
  TReceptionException,
  TReceptionSlot,
  TSchedule,
} from './reception.schemas.ts';
import type { ReceptionExceptionRow, ReceptionRow, ReceptionSlotRow } from './reception.table.ts';

type Tenanted = Pick<ReceptionRow, 'kind' | 'province_code' | 'unit_code'>;

/** The policy that guards a citizen's full data: a denouncer's, the commune leader's; anyone else's, any reader. */
export const citizenReadPolicy = (r: Pick<ReceptionRow, 'kind'>) =>
  r.kind === 'denunciation' ? ('reception.read_denouncer' as const) : ('tenant.read' as const);

export const mayReadCitizen = (actor: Actor, r: Tenanted): boolean =>
  can(actor, citizenReadPolicy(r), { provinceCode: r.province_code, unitCode: r.unit_code });

/** Text an officer typed about a reception, a denouncer's identity redacted from it ("[đã ẩn]"). */
function redactedText(r: ReceptionRow, text: string): string {
  if (r.kind !== 'denunciation') return text;
  return redactIdentity(text, {
    name: r.citizen_name,
    idNumber: r.citizen_id_number,
    address: r.citizen_address,
  });
}

export function presentReception(
  r: ReceptionRow,
  viewer: Actor,
  now: number,
  petitionCode: string | null,
): TReception {
  const confidential = r.kind === 'denunciation';
  const tenant = { provinceCode: r.province_code, unitCode: r.unit_code };
  return {
    code: r.code,
    unitCode: r.unit_code,
    provinceCode: r.province_code,
    receivedAt: formatInstant(r.received_at),
    officerName: r.officer_name,
    citizen: confidential
      ? { confidential, name: null, idNumber: null, address: null }
      : {
          confidential,
          name: r.citizen_name,
          idNumber: maskIdNumber(r.citizen_id_number),
          address: maskAddress(r.citizen_address),
        },
    peopleCount: r.people_count,
    delegation: isDelegation(r.people_count),
    kind: r.kind as ReceptionKind,
    content: redactedText(r, r.content),
    handling: r.handling as ReceptionHandling,
    forwardedTo: r.forwarded_to,
    petitionCode,
    replyBy: isoOrNull(r.reply_by),
    repliedAt: isoOrNull(r.replied_at),
    replyNote: r.reply_note === null ? null : redactedText(r, r.reply_note),
    overdue: replyOverdue(r, now),
    abilities: {
      readCitizen: mayReadCitizen(viewer, r),
      reply: r.reply_by !== null && r.replied_at === null && can(viewer, 'reception.record', tenant),
    },
  };
}

/** The citizen's full data and the text as typed, for the audited read only. */
export const presentCitizen = (r: ReceptionRow): TCitizenData => ({
  name: r.citizen_name,
  idNumber: r.citizen_id_number,
  address: r.citizen_address,
  content: r.content,
  replyNote: r.reply_note,
});

export const presentSlot = (s: ReceptionSlotRow): TReceptionSlot => ({
  weekday: s.weekday,
  fromTime: s.from_time,
  toTime: s.to_time,
  hostRole: s.host_role as TReceptionSlot['hostRole'],
  hostName: s.host_name,
  hostTitle: s.host_title,
  place: s.place,
});

export function presentException(e: ReceptionExceptionRow): TReceptionException {
  const out: TReceptionException = { date: e.date, kind: e.kind as TReceptionException['kind'] };
  if (e.from_time) out.fromTime = e.from_time;
  if (e.to_time) out.toTime = e.to_time;
  if (e.host_role) out.hostRole = e.host_role as TReceptionSlot['hostRole'];
  if (e.host_name) out.hostName = e.host_name;
  if (e.host_title) out.hostTitle = e.host_title;
  if (e.place) out.place = e.place;
  if (e.note) out.note = e.note;
  return out;
}

export function presentSchedule(
  unitCode: string,
  slots: ReceptionSlotRow[],
  exceptions: ReceptionExceptionRow[],
  version: number,
  mayEdit: boolean,
): TSchedule {
  const updated = Math.max(0, ...slots.map((s) => s.updated_at), ...exceptions.map((e) => e.updated_at));
  return {
    unitCode,
    slots: slots.map(presentSlot),
    exceptions: exceptions.map(presentException),
    version,
    updatedAt: updated ? formatInstant(updated) : null,
    abilities: { edit: mayEdit },
  };
}

/** The published weeks: whitelisted fields of each session, nothing else. */
export function presentPublicSchedule(
  unit: { code: string; name: string },
  weeks: { monday: string; days: ScheduleDay[] }[],
): TPublicSchedule {
  return {
    unit: { code: unit.code, name: unit.name },
    weeks: weeks.map((w) => ({
      monday: w.monday,
      days: w.days.map((d) => ({
        date: d.date,
        weekday: d.weekday,
        holiday: d.holiday,
        sessions: d.sessions.map((s) => ({
          fromTime: s.fromTime,
          toTime: s.toTime,
          hostRole: s.hostRole,
          hostName: s.hostName,
          hostTitle: s.hostTitle,
          place: s.place,
          extra: s.extra,
        })),
        cancelled: d.cancelled.map((c) => ({ fromTime: c.fromTime, toTime: c.toTime, note: c.note })),
      })),
    })),
  };
}
