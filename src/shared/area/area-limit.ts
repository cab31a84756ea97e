/**
 * Limits that depend on the area (issue 11). Some procedures carry a longer limit for communes in mountainous,
 * border, island or socio-economic hardship areas (miền núi, biên giới, hải đảo, vùng có điều kiện kinh tế - xã hội
 * khó khăn / đặc biệt khó khăn), e.g. first land certificates. A commune's classes belong to its unit version and name
 * the act that classified it. Pure: the server's intake and the procedure presenter use the same rule.
 */

export const AREA_CLASSES = ['mountainous', 'border', 'island', 'hardship'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

export type AreaLimitUnit = 'working_day' | 'working_hour' | 'calendar_day';

/** A longer limit that applies instead of the procedure's own in a commune of one of `areas`. */
export interface AreaLimit {
  value: number;
  unit: AreaLimitUnit;
  areas: AreaClass[];
  /** The article that grants it. */
  basis: string;
}

/** The limit that applies to a dossier, and why: the procedure's own, or its area limit. */
export interface AppliedLimit {
  value: number;
  unit: AreaLimitUnit;
  cutoff: string | null;
  kind: 'standard' | 'area';
  /** The commune's classes that made the area limit apply (empty for the standard limit). */
  areaClasses: AreaClass[];
  /** The article granting the area limit; null for the standard limit. */
  basis: string | null;
}

export const isAreaClass = (value: unknown): value is AreaClass =>
  (AREA_CLASSES as readonly unknown[]).includes(value);

/** A unit version's area classes (stored as a JSON array); unknown values are left out. */
export function parseAreaClasses(json: string | null | undefined): AreaClass[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter(isAreaClass) : [];
}

/** A procedure's stored area limit (JSON), or null. */
export function parseAreaLimit(json: string | null | undefined): AreaLimit | null {
  if (!json) return null;
  const parsed = JSON.parse(json) as AreaLimit;
  return { ...parsed, areas: parsed.areas.filter(isAreaClass) };
}

/**
 * The limit for a commune: the area limit when the procedure has one and the commune carries one of its classes,
 * otherwise the procedure's own limit (with its same-day cut-off).
 */
export function applicableLimit(
  standard: { value: number; unit: AreaLimitUnit; cutoff: string | null },
  areaLimit: AreaLimit | null,
  unitAreaClasses: readonly AreaClass[],
): AppliedLimit {
  const matched = areaLimit ? areaLimit.areas.filter((a) => unitAreaClasses.includes(a)) : [];
  if (areaLimit && matched.length > 0)
    return {
      value: areaLimit.value,
      unit: areaLimit.unit,
      cutoff: null,
      kind: 'area',
      areaClasses: matched,
      basis: areaLimit.basis,
    };
  return { ...standard, kind: 'standard', areaClasses: [], basis: null };
}
