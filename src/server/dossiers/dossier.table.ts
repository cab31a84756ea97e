import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * One dossier (hồ sơ). The current state is derived from its actions and denormalised here, in the same
 * transaction as the action, for fast queues and reports. Instants are epoch milliseconds.
 */
export interface DossierTable {
  id: string;
  code: string; // <agency>-<YYMMDD>-<NNNN>, or the legacy code for imported dossiers
  province_code: string;
  unit_code: string; // the receiving commune (tenant key)
  procedure_code: string;
  procedure_name: string;
  field: string; // lĩnh vực (report line)
  channel: string; // direct | online | postal
  applicant_kind: string; // person | organisation
  applicant_name: string;
  applicant_id_number: string | null; // personal data: never shown unmasked without an audited read
  applicant_phone: string | null;
  applicant_address: string | null;
  applicant_email: string | null;
  search_folded: string; // folded applicant name + code, for search
  status: string; // see src/shared/dossier/lifecycle.ts
  received_at: number | null; // null until received (online submissions awaiting acceptance, intake refusals)
  due_at: number | null; // current effective due
  clock_stopped_at: number | null; // set while awaiting a supplement
  ended_at: number | null; // first of resolved / returned / withdrawn
  end_kind: string | null; // resolved | returned | withdrawn
  outcome: string | null; // approved | refused (when resolved)
  resolution: string | null; // early | on_time | late (when resolved)
  resolution_due_at: number | null; // the effective due the resolution was judged against
  delivered_at: number | null;
  extension_count: number;
  assignee_id: string | null;
  limit_value: number;
  limit_unit: string; // working_day | working_hour | calendar_day
  limit_cutoff: string | null;
  source: string; // live | import
  idempotency_key: string | null;
  action_count: number;
  created_at: number;
  updated_at: number;
  data: string; // JSON: components checklist, notes, transfer slip etc.
  /**
   * Imported dossiers only: the actions derived from the former system's events (JSON array of ImportedAction,
   * seq 1..n); actions taken in MộtCửa afterwards are dossier_actions rows from n + 1. Null for live dossiers.
   */
  imported_actions: string | null;
  /**
   * When the next step is due while the dossier is someone's work: an online submission's acceptance deadline, an
   * open dossier's due; null once ended or not received. Kept by the repository (`withWorkDue`); the queues sort on it.
   */
  work_due_at: number | null;
}

/** Append-only: every change to a dossier is one action row. */
export interface DossierActionTable {
  dossier_id: string;
  seq: number;
  type: string;
  at: number;
  actor_id: string | null;
  actor_name: string | null;
  from_status: string | null;
  to_status: string;
  payload: string; // JSON
}

/** Every due date a dossier has had, from the instant it was set: the effective due at T is the latest set ≤ T. */
export interface DossierDueTable {
  dossier_id: string;
  unit_code: string;
  set_at: number;
  due_at: number;
  reason: string; // receipt | supplement_received | extended | import
}

/** Intervals during which the dossier awaited a supplement (clock stopped). */
export interface DossierSuspensionTable {
  dossier_id: string;
  unit_code: string;
  started_at: number;
  ended_at: number | null;
}

/** The applicant's rating of a dossier's handling, one per source (`counter` at delivery, `portal`). */
export interface DossierRatingTable {
  dossier_id: string;
  province_code: string;
  unit_code: string;
  source: string; // counter | portal
  rating: number; // 1 very dissatisfied … 5 very satisfied
  comment: string | null;
  rated_at: number;
}

/** Gapless per-agency, per-day sequence for dossier codes. */
export interface DossierCodeCounterTable {
  agency_code: string;
  day: string; // YYMMDD
  last_value: number;
}

/** Idempotency keys of writes: the same key again answers the same result. */
export interface IdempotencyKeyTable {
  key: string; // `${user_id}:${Idempotency-Key}`
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: number;
}

export type DossierRow = Selectable<DossierTable>;
export type NewDossier = Insertable<DossierTable>;
export type DossierUpdate = Updateable<DossierTable>;
export type DossierActionRow = Selectable<DossierActionTable>;
