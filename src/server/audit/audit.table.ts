import type { Insertable, Selectable } from 'kysely';

/** Append-only, hash-chained log; one chain per province ('' = national/system). */
export interface AuditLogTable {
  chain: string;
  seq: number;
  at: number; // epoch ms
  actor_id: string | null;
  actor_username: string | null;
  action: string; // e.g. user.create, dossier.read_personal_data
  target_type: string;
  target_id: string;
  unit_code: string | null;
  /** The province the entry belongs to: its chain ('' for the system's), for the tenant boundary; not hashed. */
  province_code: string;
  ip: string | null;
  details: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
