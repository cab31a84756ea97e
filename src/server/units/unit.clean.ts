import {
  cleanField,
  cleanLineage,
  CommuneIndex,
  type CleanCommune,
  type CleanLineage,
  type CleanProvince,
} from './unit.clean-lineage.ts';
import { applyReferences } from './unit.clean-references.ts';
import { bareKey, cleanName, communeTypeOf, nameKey, padCode, provinceTypeOf } from './unit.names.ts';
import {
  UNIT_REFERENCES,
  type UnitAreaClassification,
  type UnitProfile,
  type UnitReference,
} from './unit.profiles.ts';
import { CleaningLog, type Correction, type CorrectionKind, type CrossCheckNote } from './unit.report.ts';
import type { CrossCheckData, RawMapping, RawProvince, RawUnitSources, RawWard } from './unit.sources.ts';
import { COMMUNE_TYPES, type CommuneType, type ProvinceType } from './unit.table.ts';

export type { CleanCommune, CleanLineage, CleanProvince } from './unit.clean-lineage.ts';

/** The figures of the 1 July 2025 reorganisation (Resolution 202/2025/QH15; DOMAIN.md §1). */
export const EXPECTED_TOTALS = {
  provinces: 34,
  communes: 3321,
  commune: 2621,
  ward: 687,
  special_zone: 13,
} as const;
/** Communes per province known from DOMAIN.md. */
export const EXPECTED_PROVINCE_COMMUNES: Readonly<Record<string, number>> = { '68': 124 };

export interface UnitTotals {
  provinces: number;
  provinceTypes: Record<ProvinceType, number>;
  communes: number;
  communeTypes: Record<CommuneType, number>;
  lineageRows: number;
  formerUnitsWithoutCode: number;
  splitRows: number;
}

export interface CleaningReport {
  source: string;
  totals: UnitTotals;
  discrepancies: string[];
  counts: Record<CorrectionKind, number>;
  corrections: Correction[];
  crossCheckNotes: CrossCheckNote[];
  /** Current communes with no former unit at all (special zones formed from districts without communes). */
  unitsWithoutFormerUnits: string[];
}

export interface CleanUnitData {
  provinces: CleanProvince[];
  communes: (CleanCommune & {
    profile: UnitProfile | null;
    areaClassification: UnitAreaClassification | null;
  })[];
  lineage: CleanLineage[];
  report: CleaningReport;
}

const PLACE_TYPES: Record<string, ProvinceType> = { Tỉnh: 'province', 'Thành phố Trung Ương': 'city' };
const TYPE_WORD: Record<ProvinceType, string> = { province: 'Tỉnh', city: 'Thành phố' };

function cleanProvince(
  log: CleaningLog,
  raw: RawProvince,
  check: Map<string, string>,
): CleanProvince | string {
  const record = `provinces#${raw.id}`;
  const code = padCode(raw.province_code, 2);
  if (code === null) return `${record}: province code "${raw.province_code}" is not 2 digits`;
  if (code !== raw.province_code)
    log.correct('code_padded', record, 'province_code', raw.province_code, code, 'leading zero restored');
  let name = cleanField(log, record, 'name', raw.name);
  const placeType = raw.place_type === null ? undefined : PLACE_TYPES[cleanName(raw.place_type)];
  const checkName = check.get(code);
  if (checkName !== undefined && bareKey(checkName) !== bareKey(name))
    log.note({
      record,
      field: 'name',
      primary: name,
      crossCheck: checkName,
      decision: 'kept the primary name',
    });
  if (provinceTypeOf(name) === null) {
    const completed = checkName !== undefined && bareKey(checkName) === bareKey(name) ? checkName : null;
    const fromPlace = placeType ? `${TYPE_WORD[placeType]} ${name}` : null;
    const full = completed ?? fromPlace;
    if (full !== null) {
      const why = completed
        ? 'official name as in new-vn-provinces'
        : `unit-type word from place_type "${raw.place_type}"`;
      log.correct('province_name_completed', record, 'name', name, full, why);
      name = full;
    }
  }
  const type = provinceTypeOf(name);
  if (type === null) return `${record}: cannot tell the type of province "${name}"`;
  if (placeType !== undefined && placeType !== type)
    log.note({
      record,
      field: 'place_type',
      primary: raw.place_type,
      crossCheck: type,
      decision: 'type taken from the name',
    });
  return { code, name, type };
}

/** Former codes the mapping sends to another current unit than the one named `name` (a code collision). */
function collides(mappings: RawMapping[], code: string, name: string): RawMapping | undefined {
  return mappings.find(
    (m) => m.old_ward_code === code && m.new_ward_name !== null && nameKey(m.new_ward_name) !== nameKey(name),
  );
}

interface CommuneContext {
  check: CrossCheckData;
  checkByCode: Map<string, { name: string; provinceCode: string }>;
  mappings: RawMapping[];
}

function crossCheckCode(
  log: CleaningLog,
  ctx: CommuneContext,
  record: string,
  code: string,
  c: Omit<CleanCommune, 'code'>,
) {
  const byCode = ctx.checkByCode.get(code);
  if (byCode) {
    if (cleanName(byCode.name) !== c.name)
      log.note({
        record,
        field: 'name',
        primary: c.name,
        crossCheck: byCode.name,
        decision: 'kept the primary name',
      });
    return code;
  }
  const twin = ctx.check.wards.find(
    (w) => w.provinceCode === c.provinceCode && nameKey(w.name) === nameKey(c.name),
  );
  if (!twin) {
    log.note({
      record,
      field: 'ward_code',
      primary: code,
      crossCheck: null,
      decision: 'unit absent from the cross-check; kept',
    });
    return code;
  }
  const clash = collides(ctx.mappings, code, c.name);
  if (clash) {
    const reason = `${code} is the former code of ${cleanName(clash.old_ward_name ?? '?')}, which the mapping sends to ${cleanName(clash.new_ward_name ?? '?')}; new-vn-provinces gives ${twin.code}`;
    log.correct('unit_code_cross_checked', record, 'ward_code', code, twin.code, reason);
    return twin.code;
  }
  const decision = 'kept the primary code: the mapping confirms it (same-name former unit)';
  log.note({ record, field: 'ward_code', primary: code, crossCheck: twin.code, decision });
  return code;
}

function cleanCommune(log: CleaningLog, ctx: CommuneContext, raw: RawWard): CleanCommune | string {
  const record = `wards#${raw.id}`;
  const code = padCode(raw.ward_code, 5);
  const provinceCode = padCode(raw.province_code, 2);
  if (code === null || provinceCode === null)
    return `${record}: malformed code ${raw.ward_code}/${raw.province_code}`;
  if (code !== raw.ward_code)
    log.correct('code_padded', record, 'ward_code', raw.ward_code, code, 'leading zeros restored');
  if (provinceCode !== raw.province_code)
    log.correct(
      'code_padded',
      record,
      'province_code',
      raw.province_code,
      provinceCode,
      'leading zero restored',
    );
  const name = cleanField(log, record, 'name', raw.name);
  const type = communeTypeOf(name);
  if (type === null) return `${record}: cannot tell the type of "${name}"`;
  return {
    code: crossCheckCode(log, ctx, record, code, { name, type, provinceCode }),
    name,
    type,
    provinceCode,
  };
}

function countBy<K extends string>(keys: readonly K[], values: K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v] += 1;
  return counts;
}

function checkTotals(provinces: CleanProvince[], communes: CleanCommune[], lineage: CleanLineage[]) {
  const totals: UnitTotals = {
    provinces: provinces.length,
    provinceTypes: countBy(
      ['province', 'city'],
      provinces.map((p) => p.type),
    ),
    communes: communes.length,
    communeTypes: countBy(
      COMMUNE_TYPES,
      communes.map((c) => c.type),
    ),
    lineageRows: lineage.length,
    formerUnitsWithoutCode: lineage.filter((l) => l.formerCode === null).length,
    splitRows: lineage.filter((l) => l.partial).length,
  };
  const discrepancies: string[] = [];
  const expect = (what: string, actual: number, expected: number) => {
    if (actual !== expected) discrepancies.push(`${what}: ${actual}, expected ${expected}`);
  };
  expect('provinces', totals.provinces, EXPECTED_TOTALS.provinces);
  expect('communes', totals.communes, EXPECTED_TOTALS.communes);
  for (const t of COMMUNE_TYPES) expect(`communes of type ${t}`, totals.communeTypes[t], EXPECTED_TOTALS[t]);
  for (const [code, n] of Object.entries(EXPECTED_PROVINCE_COMMUNES))
    expect(`communes of province ${code}`, communes.filter((c) => c.provinceCode === code).length, n);
  const dup = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);
  for (const code of dup(provinces.map((p) => p.code))) discrepancies.push(`duplicate province code ${code}`);
  for (const code of dup(communes.map((c) => c.code))) discrepancies.push(`duplicate commune code ${code}`);
  const provinceCodes = new Set(provinces.map((p) => p.code));
  for (const c of communes)
    if (!provinceCodes.has(c.provinceCode))
      discrepancies.push(`commune ${c.code} in unknown province ${c.provinceCode}`);
  return { totals, discrepancies };
}

/**
 * The cleaning step: a pure function from the raw package data to typed units and lineage, with a report of
 * every correction made and every discrepancy left.
 */
export function cleanUnitData(
  raw: RawUnitSources,
  references: readonly UnitReference[] = UNIT_REFERENCES,
): CleanUnitData {
  const log = new CleaningLog();
  const errors: string[] = [];
  const keep = <T>(out: T | string): out is T => (typeof out === 'string' ? (errors.push(out), false) : true);
  const checkProvinces = new Map(raw.crossCheck.provinces.map((p) => [p.code, cleanName(p.name)]));
  const provinces = raw.provinces.map((p) => cleanProvince(log, p, checkProvinces)).filter(keep);
  const ctx: CommuneContext = {
    check: raw.crossCheck,
    checkByCode: new Map(raw.crossCheck.wards.map((w) => [w.code, w])),
    mappings: raw.mappings,
  };
  const communes = raw.wards.map((w) => cleanCommune(log, ctx, w)).filter(keep);
  const mapped = cleanLineage(log, raw.mappings, new CommuneIndex(communes, provinces));
  const refs = applyReferences(log, communes, mapped, references);
  const { totals, discrepancies } = checkTotals(provinces, communes, refs.lineage);
  const withLineage = new Set(refs.lineage.map((l) => l.currentCode));
  return {
    provinces,
    communes: communes.map((c) => ({
      ...c,
      profile: refs.profiles.get(c.code) ?? null,
      areaClassification: refs.areaClassifications.get(c.code) ?? null,
    })),
    lineage: refs.lineage,
    report: {
      source: raw.source,
      totals,
      discrepancies: [...errors, ...refs.discrepancies, ...discrepancies],
      counts: log.counts(),
      corrections: log.corrections,
      crossCheckNotes: log.notes,
      unitsWithoutFormerUnits: communes
        .filter((c) => !withLineage.has(c.code))
        .map((c) => `${c.code} ${c.name}`),
    },
  };
}
