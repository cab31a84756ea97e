import type { Insertable, Selectable } from 'kysely';

/**
 * The fields (lĩnh vực) of each commune in the order MộtCửa first recorded them: the legacy import registers a
 * field at its first line (`first_seen_at` = the import's instant, `first_seen_seq` = the line number);
 * `min_received_at` is the earliest receipt of a dossier of that field in that commune. Reports list their
 * fields in this order. (Migration 202611290005_reports.)
 */
export interface ReportUnitFieldTable {
  unit_code: string;
  field: string;
  province_code: string;
  first_seen_at: number;
  first_seen_seq: number;
  min_received_at: number;
}

export type ReportUnitFieldRow = Selectable<ReportUnitFieldTable>;
export type NewReportUnitField = Insertable<ReportUnitFieldTable>;
