import type { TFormerUnit, TUnit } from './unit.schemas.ts';
import type { FormerUnit, Unit } from './unit.service.ts';

/** The public shape of a former unit: whitelisted fields only. */
export function presentFormerUnit(f: FormerUnit): TFormerUnit {
  return { code: f.code, name: f.name, districtName: f.districtName, provinceName: f.provinceName };
}

/** The public shape of a unit (GET /api/units/:code, list items, provinces). */
export function presentUnit(unit: Unit): TUnit {
  return {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    provinceCode: unit.provinceCode,
    provinceName: unit.provinceName,
    formerUnits: unit.formerUnits.map(presentFormerUnit),
    areaKm2: unit.areaKm2,
    population: unit.population,
    ethnicMinorityShare: unit.ethnicMinorityShare,
    areaClasses: unit.areaClasses,
    areaClassSource: unit.areaClassSource,
    ...(unit.resolvedFrom !== undefined ? { resolvedFrom: unit.resolvedFrom } : {}),
    ...(unit.matchedFormerUnit ? { matchedFormerUnit: presentFormerUnit(unit.matchedFormerUnit) } : {}),
  };
}
