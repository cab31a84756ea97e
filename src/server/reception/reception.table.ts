import type { Insertable, Selectable, Updateable } from 'kysely';

/** One weekly reception slot of a commune (Law on Citizen Reception 2013 Art. 15.2.d). */
export interface ReceptionSlotTable {
  id: string;
  province_code: string;
  unit_code: string;
  weekday: number; // ISO: 1 Monday … 7 Sunday
  from_time: string; // HH:MM, Vietnam time
  to_time: string;
  host_role: string; // chairman | vice_chairman | officer
  host_name: string; // the official who receives (a public duty, not a citizen's personal data)
  host_title: string;
  place: string;
  updated_at: number;
}

/** A dated exception to the weekly slots: a cancelled day or an extra reception. */
export interface ReceptionExceptionTable {
  id: string;
  province_code: string;
  unit_code: string;
  date: string; // YYYY-MM-DD
  kind: string; // cancelled | extra
  from_time: string | null;
  to_time: string | null;
  host_role: string | null;
  host_name: string | null;
  host_title: string | null;
  place: string | null;
  note: string | null;
  updated_at: number;
}

/** One entry of the reception register (sổ tiếp công dân, Art. 25.2). Instants are epoch milliseconds. */
export interface ReceptionTable {
  id: string;
  code: string; // <agency>.TCD-<YYMMDD>-<NNNN>: the register's number
  province_code: string;
  unit_code: string;
  received_at: number;
  officer_id: string | null;
  officer_name: string;
  citizen_name: string; // personal data (a denouncer's identity is confidential)
  citizen_id_number: string | null;
  citizen_address: string | null;
  people_count: number; // ≥ 5: a delegation (đoàn đông người)
  kind: string; // complaint | denunciation | feedback | other
  content: string;
  handling: string; // guided | petition | forwarded
  forwarded_to: string | null;
  petition_id: string | null;
  reply_by: number | null; // Art. 28: 10 working days; null when nothing awaits a reply
  replied_at: number | null;
  reply_note: string | null;
  created_at: number;
  updated_at: number;
}

export type ReceptionSlotRow = Selectable<ReceptionSlotTable>;
export type ReceptionExceptionRow = Selectable<ReceptionExceptionTable>;
export type ReceptionRow = Selectable<ReceptionTable>;
export type NewReception = Insertable<ReceptionTable>;
export type ReceptionUpdate = Updateable<ReceptionTable>;
