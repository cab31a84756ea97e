import { bareKey, cleanName, nameKey, normaliseUnitName, padCode, type NameDefect } from './unit.names.ts';
import type { CleaningLog, CorrectionKind } from './unit.report.ts';
import type { RawMapping } from './unit.sources.ts';
import type { CommuneType, ProvinceType } from './unit.table.ts';

export interface CleanProvince {
  code: string;
  name: string;
  type: ProvinceType;
}

export interface CleanCommune {
  code: string;
  name: string;
  type: CommuneType;
  provinceCode: string;
}

/** A former unit and the current commune it (or part of it) went to. */
export interface CleanLineage {
  formerCode: string | null;
  formerName: string;
  formerDistrictName: string | null;
  formerProvinceName: string | null;
  currentCode: string;
  /** Only part of the former unit went to this current unit (it was split). */
  partial: boolean;
  /** Where the row came from, e.g. `ward_mappings#3531` or `reference#25015`. */
  record: string;
}

interface Candidate extends CleanLineage {
  /** The package gave the former code (rather than the cleaning recovering it). */
  codeFromSource: boolean;
  formerKey: string;
}

const NAME_KIND: Record<NameDefect, CorrectionKind> = {
  nfc: 'name_nfc',
  whitespace: 'name_whitespace',
  apostrophe: 'name_apostrophe',
};
const NAME_REASON: Record<NameDefect, string> = {
  nfc: 'decomposed Unicode (NFD) recomposed to NFC',
  whitespace: 'extra white space collapsed',
  apostrophe: "typographic apostrophe replaced by '",
};

/** Normalises a name and reports each defect found. */
export function cleanField(log: CleaningLog, record: string, field: string, raw: string): string {
  const { value, steps } = normaliseUnitName(raw);
  for (const s of steps)
    log.correct(NAME_KIND[s.defect], record, field, s.before, s.after, NAME_REASON[s.defect]);
  return value;
}

const cleanOptional = (log: CleaningLog, record: string, field: string, raw: string | null): string | null =>
  raw === null || raw.trim() === '' ? null : cleanField(log, record, field, raw);

/** Index of the current communes by code and by (province, name). */
export class CommuneIndex {
  private readonly byCode = new Map<string, CleanCommune>();
  private readonly byName = new Map<string, string>();

  constructor(communes: CleanCommune[], provinces: CleanProvince[]) {
    const provinceKey = new Map(provinces.map((p) => [p.code, bareKey(p.name)]));
    for (const c of communes) {
      this.byCode.set(c.code, c);
      this.byName.set(`${provinceKey.get(c.provinceCode) ?? c.provinceCode}|${nameKey(c.name)}`, c.code);
    }
  }

  get(code: string): CleanCommune | undefined {
    return this.byCode.get(code);
  }

  /** The code of the commune so named in the province (the province by name, with or without "Tỉnh"). */
  codeByName(provinceName: string | null, name: string): string | undefined {
    return provinceName === null ? undefined : this.byName.get(`${bareKey(provinceName)}|${nameKey(name)}`);
  }
}

/** Finds the current commune a mapping row points to, repairing a wrong or truncated code. */
function resolveCurrentCode(log: CleaningLog, index: CommuneIndex, row: RawMapping, names: MappingNames) {
  const record = `ward_mappings#${row.id}`;
  const raw = row.new_ward_code;
  const named = (code: string) =>
    names.newName === null || nameKey(index.get(code)?.name ?? '') === nameKey(names.newName);
  if (raw !== null && /^\d{5}$/.test(raw) && index.get(raw) && named(raw)) return raw;
  const padded = raw === null ? null : padCode(raw, 5);
  if (raw !== null && padded !== null && padded !== raw && index.get(padded) && named(padded)) {
    log.correct(
      'code_padded',
      record,
      'new_ward_code',
      raw,
      padded,
      'leading zeros restored (5-digit commune code)',
    );
    return padded;
  }
  const byName = names.newName === null ? undefined : index.codeByName(names.newProvince, names.newName);
  if (byName !== undefined) {
    const found = padded === null ? undefined : index.get(padded);
    const why =
      raw === null
        ? 'no code given'
        : found
          ? `${raw} is ${found.name}`
          : `${raw} is not a current commune code`;
    log.correct(
      'code_resolved_by_name',
      record,
      'new_ward_code',
      raw,
      byName,
      `${why}; "${names.newName}" resolves`,
    );
    return byName;
  }
  log.correct(
    'mapping_unresolved',
    record,
    'new_ward_code',
    raw,
    null,
    'neither the code nor the name resolves',
  );
  return null;
}

interface MappingNames {
  oldName: string | null;
  oldDistrict: string | null;
  oldProvince: string | null;
  newName: string | null;
  newProvince: string | null;
}

function cleanNames(log: CleaningLog, row: RawMapping): MappingNames {
  const record = `ward_mappings#${row.id}`;
  return {
    oldName: cleanOptional(log, record, 'old_ward_name', row.old_ward_name),
    oldDistrict: cleanOptional(log, record, 'old_district_name', row.old_district_name),
    oldProvince: cleanOptional(log, record, 'old_province_name', row.old_province_name),
    newName: cleanOptional(log, record, 'new_ward_name', row.new_ward_name),
    newProvince: cleanOptional(log, record, 'new_province_name', row.new_province_name),
  };
}

const formerKeyOf = (n: MappingNames): string =>
  `${bareKey(n.oldProvince ?? '')}|${nameKey(n.oldDistrict ?? '')}|${nameKey(n.oldName ?? '')}`;

/** First pass over one row: names, current code, former code when the package gives one. */
function cleanRow(log: CleaningLog, index: CommuneIndex, row: RawMapping): Candidate | null {
  const record = `ward_mappings#${row.id}`;
  const rawOld = row.old_ward_code;
  if ((rawOld === null || rawOld.trim() === '') && (row.old_ward_name ?? '').trim() === '') {
    const target = row.new_ward_name === null ? row.new_ward_code : cleanName(row.new_ward_name);
    log.correct(
      'placeholder_removed',
      record,
      'old_ward_code',
      rawOld,
      null,
      `names no former unit of ${target}`,
    );
    return null;
  }
  const names = cleanNames(log, row);
  const currentCode = resolveCurrentCode(log, index, row, names);
  if (currentCode === null || names.oldName === null) return null;
  let formerCode: string | null = null;
  if (rawOld !== null && rawOld.trim() !== '') {
    formerCode = padCode(rawOld, 5);
    if (formerCode !== null && formerCode !== rawOld)
      log.correct(
        'code_padded',
        record,
        'old_ward_code',
        rawOld,
        formerCode,
        'leading zeros restored (5-digit commune code)',
      );
  }
  return {
    formerCode,
    formerName: names.oldName,
    formerDistrictName: names.oldDistrict,
    formerProvinceName: names.oldProvince,
    currentCode,
    partial: false,
    record,
    codeFromSource: formerCode !== null,
    formerKey: formerKeyOf(names),
  };
}

/** Second pass: a former unit named without a code gets the code another row gives the same unit. */
function repairFormerCodes(log: CleaningLog, rows: Candidate[], rawById: Map<string, RawMapping>): void {
  const codesByKey = new Map<string, Set<string>>();
  const recordByKey = new Map<string, string>();
  for (const r of rows) {
    if (!r.codeFromSource || r.formerCode === null) continue;
    const set = codesByKey.get(r.formerKey) ?? new Set<string>();
    set.add(r.formerCode);
    codesByKey.set(r.formerKey, set);
    recordByKey.set(r.formerKey, r.record);
  }
  for (const r of rows) {
    if (r.formerCode !== null) continue;
    const rawCode = rawById.get(r.record)?.old_ward_code ?? null;
    const codes = [...(codesByKey.get(r.formerKey) ?? [])];
    const place = [r.formerName, r.formerDistrictName, r.formerProvinceName].filter(Boolean).join(', ');
    if (codes.length === 1 && codes[0] !== undefined) {
      r.formerCode = codes[0];
      const reason = `${place}: code given by ${recordByKey.get(r.formerKey)} for the same unit`;
      log.correct('former_code_repaired', r.record, 'old_ward_code', rawCode, r.formerCode, reason);
    } else {
      const reason = `${place}: no row of either package gives its code; kept by name (code unknown)`;
      log.correct('former_code_unknown', r.record, 'old_ward_code', rawCode, null, reason);
    }
  }
}

/** Drops repeated rows; marks split former units (several current units) as partial. */
function dedupeAndMarkSplits(log: CleaningLog, rows: Candidate[]): Candidate[] {
  const seen = new Map<string, string>();
  const kept: Candidate[] = [];
  // Rows whose code the package gave win over rows whose code the cleaning recovered.
  const ordered = [...rows.filter((r) => r.codeFromSource), ...rows.filter((r) => !r.codeFromSource)];
  for (const r of ordered) {
    const identity = `${r.formerCode ?? `~${r.formerKey}`}>${r.currentCode}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      log.correct(
        'duplicate_removed',
        r.record,
        '*',
        r.formerName,
        null,
        `repeats ${first} (${r.formerName} → ${r.currentCode})`,
      );
      continue;
    }
    seen.set(identity, r.record);
    kept.push(r);
  }
  const groups = new Map<string, Candidate[]>();
  for (const r of kept) {
    const key = r.formerCode ?? `~${r.formerKey}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const primary = group.filter((r) => r.codeFromSource);
    for (const r of group) r.partial = primary.length !== 1 || !r.codeFromSource;
  }
  return kept;
}

/** Cleans the old → new mapping into lineage rows, reporting every correction. */
export function cleanLineage(log: CleaningLog, mappings: RawMapping[], index: CommuneIndex): CleanLineage[] {
  const rawById = new Map(mappings.map((m) => [`ward_mappings#${m.id}`, m]));
  const candidates: Candidate[] = [];
  for (const row of mappings) {
    const c = cleanRow(log, index, row);
    if (c) candidates.push(c);
  }
  repairFormerCodes(log, candidates, rawById);
  return dedupeAndMarkSplits(log, candidates).map((c) => ({
    formerCode: c.formerCode,
    formerName: c.formerName,
    formerDistrictName: c.formerDistrictName,
    formerProvinceName: c.formerProvinceName,
    currentCode: c.currentCode,
    partial: c.partial,
    record: c.record,
  }));
}
