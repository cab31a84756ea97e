import type { Generated, Insertable, Selectable } from 'kysely';

/** A set of unit changes that took effect together (an import, a merger resolution, a later adjustment). */
export interface UnitChangeSetTable {
  id: string;
  name: string;
  effective_date: string; // YYYY-MM-DD
  source: string;
  report: string; // JSON: corrections made while importing
  imported_at: number; // epoch ms
}

/** One version of an administrative unit; the current version has valid_to = null. */
export interface UnitVersionTable {
  id: string; // `${code}@${valid_from}`
  code: string;
  name: string;
  name_folded: string;
  type: string; // province | city | commune | ward | special_zone
  province_code: string;
  valid_from: string; // YYYY-MM-DD
  valid_to: string | null;
  change_set_id: string;
  area_km2: number | null;
  population: number | null;
  ethnic_minority_share: number | null; // percent, 0-100
  area_classes: Generated<string>; // JSON AreaClass[] (mountainous | border | island | hardship); default '[]'
  area_class_source: string | null; // the decision that classified the unit, e.g. "Quyết định 2284/QĐ-UBND …"
}

/** A former unit (before a merger) and the current unit it became part of. */
export interface UnitLineageTable {
  id: string; // `${former_code}>${current_code}@${effective_from}` (`~${folded name key}>…` when the code is unknown)
  former_code: string | null; // null: the source names the former unit without a code (migration 202611290002)
  former_name: string;
  former_name_folded: string; // foldVietnamese(former_name)
  former_district_name: string | null;
  former_province_name: string | null;
  current_code: string;
  effective_from: string; // YYYY-MM-DD
  change_set_id: string;
  partial: number; // 1: only part of the former unit went to this current unit
}

export type UnitVersionRow = Selectable<UnitVersionTable>;
export type NewUnitVersion = Insertable<UnitVersionTable>;
export type UnitLineageRow = Selectable<UnitLineageTable>;
export type NewUnitLineage = Insertable<UnitLineageTable>;
export type NewUnitChangeSet = Insertable<UnitChangeSetTable>;

/** Unit types: provinces (tỉnh, thành phố) and communes (xã, phường, đặc khu). */
export const PROVINCE_TYPES = ['province', 'city'] as const;
export const COMMUNE_TYPES = ['commune', 'ward', 'special_zone'] as const;
export type ProvinceType = (typeof PROVINCE_TYPES)[number];
export type CommuneType = (typeof COMMUNE_TYPES)[number];
export type UnitType = ProvinceType | CommuneType;
