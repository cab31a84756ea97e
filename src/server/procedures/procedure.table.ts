import type { Insertable, Selectable } from 'kysely';

/** The procedure catalog (thủ tục hành chính). JSON columns hold arrays as published. */
export interface ProcedureTable {
  code: string;
  name: string;
  name_folded: string;
  field: string;
  competence: string; // commune | province | delegated | vertical
  competent_agency: string;
  limit_value: number;
  limit_unit: string; // working_day | working_hour | calendar_day
  limit_cutoff: string | null;
  area_limit: string | null; // JSON AreaLimit: a longer limit for mountainous, border, island or hardship communes
  fee_amount: number;
  fee_text: string;
  online_level: string; // full | partial
  components: string; // JSON CatalogComponent[]
  steps: string; // JSON {key, share}[]
  legal_basis: string; // JSON string[]
  keywords: string; // JSON string[]
  source: string;
  source_date: string;
  origin: string; // catalog | imported | custom
  active: number;
  updated_at: number;
}

export type ProcedureRow = Selectable<ProcedureTable>;
export type NewProcedure = Insertable<ProcedureTable>;

/**
 * A province's override of a national procedure, one row per version (never updated in place). Nulls keep the
 * national value; `extra_components` is added to the national components. The legal limit and the competence
 * have no column: a province cannot change them.
 */
export interface ProcedureOverrideTable {
  province_code: string;
  procedure_code: string;
  version: number;
  fee_amount: number | null;
  fee_note: string | null;
  notes: string | null;
  extra_components: string; // JSON ExtraComponent[]
  effective_from: number;
  created_by: string; // username
  created_at: number;
}

export type ProcedureOverrideRow = Selectable<ProcedureOverrideTable>;
export type NewProcedureOverride = Insertable<ProcedureOverrideTable>;

/**
 * How a commune routes a procedure after intake (issue 12 item 3), set by its leader; no row = the leader assigns.
 * `counter_signs` = 1: the counter officer certifies and signs alone, by the Chairman's authorisation
 * (`authorisation_ref`), lawful only where the procedure's field allows it (shared/dossier/routing.ts).
 */
export interface ProcedureRoutingTable {
  province_code: string;
  unit_code: string;
  procedure_code: string;
  mode: string; // counter | auto_assign | leader_assigns
  counter_signs: number; // 0/1
  authorisation_ref: string | null;
  updated_by: string; // username
  updated_at: number;
}

export type ProcedureRoutingRow = Selectable<ProcedureRoutingTable>;
