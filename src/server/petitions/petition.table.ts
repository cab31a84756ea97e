import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * One complaint, denunciation or feedback (đơn thư). The current state and deadlines are denormalised here from
 * the action log, in the same transaction. Instants are epoch milliseconds; flags are 0/1.
 */
export interface PetitionTable {
  id: string;
  code: string; // <agency>.DT-<YYMMDD>-<NNNN>
  province_code: string;
  unit_code: string; // the commune that received it (tenant key)
  kind: string; // complaint | denunciation | feedback
  instance: number; // complaints: 1 first, 2 second resolution
  complex: number; // complaints 0/1 complex; denunciations 0 ordinary, 1 complex, 2 especially complex
  remote: number; // complaint from a remote, difficult area
  multi_place: number; // denunciation whose conditions are checked in several places (Art. 24.1)
  channel: string; // direct | postal | online | phone
  dossier_id: string | null; // the dossier it is about, if any
  subject: string;
  content: string;
  petitioner_name: string; // personal data (a denouncer's identity is confidential)
  petitioner_id_number: string | null;
  petitioner_phone: string | null;
  petitioner_address: string | null;
  status: string; // see src/shared/petition/petition.ts
  received_at: number;
  known_at: number | null; // complaints: when the decision was received or known
  lodged_late: number; // complaints lodged after the 90 days
  respond_by: number; // accept or reject by
  info_by: number | null; // feedback: ask for more by
  accepted_at: number | null;
  due_at: number | null; // resolution due (from acceptance)
  extension_count: number;
  ended_at: number | null;
  conclusion: string | null;
  result: string | null;
  publish_by: number | null; // feedback: publish the answer by
  published_at: number | null;
  assignee_id: string | null;
  action_count: number;
  created_at: number;
  updated_at: number;
}

export interface PetitionActionTable {
  petition_id: string;
  seq: number;
  type: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string;
  payload: string; // JSON
}

export type PetitionRow = Selectable<PetitionTable>;
export type PetitionActionRow = Selectable<PetitionActionTable>;
export type NewPetition = Insertable<PetitionTable>;
export type PetitionUpdate = Updateable<PetitionTable>;
export type NewPetitionAction = Insertable<PetitionActionTable>;
