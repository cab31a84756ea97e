import type { Kysely } from 'kysely';
import { foldVietnamese } from '../../shared/text/fold.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../platform/app-error.ts';
import { bareKey } from './unit.names.ts';
import { parseAreaClasses, type AreaClass } from '../../shared/area/area-limit.ts';
import { findLineageByFormerName, findLineageOf, findSuccessors, findVersions } from './unit.repository.ts';
import {
  COMMUNE_TYPES,
  PROVINCE_TYPES,
  type CommuneType,
  type UnitLineageRow,
  type UnitType,
  type UnitVersionRow,
} from './unit.table.ts';

type Db = Kysely<Database>;

export interface FormerUnit {
  code: string | null;
  name: string;
  districtName: string | null;
  provinceName: string | null;
  partial: boolean;
}

/** A unit as the services see it (the presenter whitelists what leaves the server). */
export interface Unit {
  code: string;
  name: string;
  type: UnitType;
  provinceCode: string;
  provinceName: string;
  formerUnits: FormerUnit[];
  areaKm2: number | null;
  population: number | null;
  ethnicMinorityShare: number | null;
  /** Mountainous, border, island, hardship: selects a procedure's area limit at intake. */
  areaClasses: AreaClass[];
  /** The act that classified the unit; null when it has no classes. */
  areaClassSource: string | null;
  validFrom: string;
  /** The former code the caller asked for, when it resolved through lineage to this unit. */
  resolvedFrom?: string;
  /** The former unit whose name matched a search (the unit's own name did not). */
  matchedFormerUnit?: FormerUnit;
}

export interface AsOf {
  /** The date the answer is for (YYYY-MM-DD): `todayInVietnam(clock.now())` for "now". */
  asOf: string;
}

export interface FindUnitsInput extends AsOf {
  province?: string;
  q?: string;
  type?: CommuneType;
  limit?: number;
}

const collator = new Intl.Collator('vi');
const MAX_LINEAGE_DEPTH = 8;
const DEFAULT_LIMIT = 200;

function toFormer(row: UnitLineageRow): FormerUnit {
  return {
    code: row.former_code,
    name: row.former_name,
    districtName: row.former_district_name,
    provinceName: row.former_province_name,
    partial: row.partial === 1,
  };
}

function formerOrder(a: FormerUnit, b: FormerUnit): number {
  if (a.code !== b.code) return a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code);
  return collator.compare(a.name, b.name);
}

/** Turns version rows into units, loading provinces and lineage in one query each (never one per unit). */
async function hydrate(db: Db, rows: UnitVersionRow[], asOf: string): Promise<Unit[]> {
  if (rows.length === 0) return [];
  // Only the provinces these rows are in, by code (an index lookup; every province's full row was read per call).
  const provinceCodes = [...new Set(rows.map((r) => r.province_code))];
  const provinces = await findVersions(db, { asOf, codes: provinceCodes, types: PROVINCE_TYPES });
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const lineage = await findLineageOf(db, [...new Set(rows.map((r) => r.code))], asOf);
  const formers = new Map<string, FormerUnit[]>();
  for (const row of lineage) {
    const list = formers.get(row.current_code) ?? [];
    const former = toFormer(row);
    if (
      !list.some(
        (f) => f.code === former.code && f.name === former.name && f.districtName === former.districtName,
      )
    )
      list.push(former);
    formers.set(row.current_code, list);
  }
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type as UnitType,
    provinceCode: r.province_code,
    provinceName: provinceName.get(r.province_code) ?? '',
    formerUnits: (formers.get(r.code) ?? []).sort(formerOrder),
    areaKm2: r.area_km2 === null ? null : Number(r.area_km2),
    population: r.population === null ? null : Number(r.population),
    ethnicMinorityShare: r.ethnic_minority_share === null ? null : Number(r.ethnic_minority_share),
    areaClasses: parseAreaClasses(r.area_classes),
    areaClassSource: r.area_class_source,
    validFrom: r.valid_from,
  }));
}

/**
 * Follows lineage from a code that is not current to the unit in force on `asOf` (several steps when a unit
 * was merged again later). Prefers the successor that received the whole former unit, then the latest change.
 */
async function followLineage(db: Db, code: string, asOf: string): Promise<UnitVersionRow | null> {
  let frontier = code;
  const seen = new Set<string>([code]);
  for (let depth = 0; depth < MAX_LINEAGE_DEPTH; depth += 1) {
    const successors = (await findSuccessors(db, frontier, asOf)).filter((s) => s.current_code !== frontier);
    if (successors.length === 0) return null;
    const codes = [...new Set(successors.map((s) => s.current_code))];
    const current = await findVersions(db, { asOf, codes });
    const byCode = new Map(current.map((v) => [v.code, v]));
    for (const s of successors) {
      const hit = byCode.get(s.current_code);
      if (hit) return hit;
    }
    const next = successors[0]?.current_code;
    if (next === undefined || seen.has(next)) return null;
    seen.add(next);
    frontier = next;
  }
  return null;
}

/** The unit with this code in force, or the one a former code became (with `resolvedFrom`); null if none. */
export async function findUnitByCode(db: Db, code: string, options: AsOf): Promise<Unit | null> {
  const { asOf } = options;
  const [current] = await findVersions(db, { asOf, codes: [code] });
  if (current) return (await hydrate(db, [current], asOf))[0] ?? null;
  const successor = await followLineage(db, code, asOf);
  if (!successor) return null;
  const [unit] = await hydrate(db, [successor], asOf);
  return unit ? { ...unit, resolvedFrom: code } : null;
}

/** Like findUnitByCode, but an unknown code is a NOT_FOUND error. */
export async function getUnit(db: Db, code: string, options: AsOf): Promise<Unit> {
  const unit = await findUnitByCode(db, code, options);
  if (!unit) throw notFound('unit', code);
  return unit;
}

/** The 34 provinces and centrally-run cities, by code. */
export async function listProvinces(db: Db, options: AsOf): Promise<Unit[]> {
  const { asOf } = options;
  const rows = await findVersions(db, { asOf, types: PROVINCE_TYPES });
  return (await hydrate(db, rows, asOf)).sort((a, b) => a.code.localeCompare(b.code));
}

function rankByName(name: string, query: string): number {
  const bare = bareKey(name);
  if (bare === query) return 0;
  if (bare.startsWith(query)) return 1;
  return ` ${bare}`.includes(` ${query}`) ? 2 : 3;
}

/** Current units whose former names match (folded), each marked with the former unit that matched. */
async function matchFormerNames(db: Db, folded: string, input: FindUnitsInput, asOf: string) {
  const matches = await findLineageByFormerName(db, folded, asOf, 2000);
  const byCurrent = new Map<string, UnitLineageRow>();
  for (const m of matches) if (!byCurrent.has(m.current_code)) byCurrent.set(m.current_code, m);
  const types: readonly string[] = input.type ? [input.type] : COMMUNE_TYPES;
  const fits = (v: UnitVersionRow) =>
    types.includes(v.type) && (!input.province || v.province_code === input.province);
  const inForce = new Map(
    (await findVersions(db, { asOf, codes: [...byCurrent.keys()] })).map((v) => [v.code, v]),
  );
  const found = new Map<string, { row: UnitVersionRow; former: UnitLineageRow }>();
  for (const [code, former] of byCurrent) {
    // A unit changed again by a later change set is no longer in force: follow its lineage (rare).
    const row = inForce.get(code) ?? (await followLineage(db, code, asOf));
    if (row && fits(row) && !found.has(row.code)) found.set(row.code, { row, former });
  }
  return found;
}

/** Current communes by province, type and a folded text (names and former names; a 5-digit code too). */
export async function findUnits(db: Db, input: FindUnitsInput): Promise<Unit[]> {
  const { asOf } = input;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const types = input.type ? [input.type] : COMMUNE_TYPES;
  const q = input.q?.trim() ? foldVietnamese(input.q) : undefined;
  if (q !== undefined && /^\d{5}$/.test(q)) {
    const unit = await findUnitByCode(db, q, { asOf });
    const fits = unit && (types as readonly string[]).includes(unit.type);
    return fits && (!input.province || unit.provinceCode === input.province) ? [unit] : [];
  }
  const direct = await findVersions(db, { asOf, types, provinceCode: input.province, nameContains: q });
  if (q === undefined) {
    const page = direct.sort((a, b) => collator.compare(a.name, b.name)).slice(0, limit);
    return hydrate(db, page, asOf);
  }
  const former = await matchFormerNames(db, q, input, asOf);
  const directCodes = new Set(direct.map((r) => r.code));
  const viaFormer = [...former.values()].filter((f) => !directCodes.has(f.row.code));
  const query = q.replace(/^(xa|phuong|dac khu) /, '');
  const ranked = [
    ...direct.map((row) => ({ row, rank: rankByName(row.name, query), mark: undefined })),
    ...viaFormer.map((f) => ({ row: f.row, rank: 4, mark: f.former })),
  ];
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.row.name, b.row.name));
  const page = ranked.slice(0, limit); // hydrate only what is returned
  const units = await hydrate(
    db,
    page.map((r) => r.row),
    asOf,
  );
  return units.map((u, i) => {
    const mark = page[i]?.mark;
    return mark ? { ...u, matchedFormerUnit: toFormer(mark) } : u;
  });
}

const commune = (unit: Unit | null): unit is Unit =>
  unit !== null && (COMMUNE_TYPES as readonly string[]).includes(unit.type);

/**
 * For the legacy dossier import: a former or current commune code → the current commune code, or null.
 * Codes that lost their leading zeros (3-4 digits) are padded first.
 */
export async function resolveUnitCode(db: Db, code: string, options: AsOf): Promise<string | null> {
  const trimmed = code.trim();
  if (!/^\d{3,5}$/.test(trimmed)) return null;
  const unit = await findUnitByCode(db, trimmed.padStart(5, '0'), options);
  return commune(unit) ? unit.code : null;
}

/** Whether a unit (current or former code) lies in the province (tenant scope checks). */
export async function isUnitInProvince(db: Db, unitCode: string, provinceCode: string, options: AsOf) {
  const unit = await findUnitByCode(db, unitCode, options);
  return unit !== null && unit.provinceCode === provinceCode;
}
