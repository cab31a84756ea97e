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
