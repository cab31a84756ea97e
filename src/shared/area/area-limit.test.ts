import { describe, expect, it } from 'vitest';
import {
  applicableLimit,
  parseAreaClasses,
  parseAreaLimit,
  type AreaClass,
  type AreaLimit,
} from './area-limit.ts';

const STANDARD = { value: 20, unit: 'working_day' as const, cutoff: null };
const LAND: AreaLimit = {
  value: 30,
  unit: 'working_day',
  areas: ['mountainous', 'border', 'island', 'hardship'],
  basis: 'Quyết định 2304/QĐ-BNNMT ngày 23/6/2025',
};
const ISLAND_ONLY: AreaLimit = { ...LAND, value: 25, areas: ['island'] };

describe('applicableLimit (the limit intake picks for a commune)', () => {
  const cases: {
    name: string;
    area: AreaLimit | null;
    unit: AreaClass[];
    value: number;
    kind: 'standard' | 'area';
    matched: AreaClass[];
  }[] = [
    { name: 'unclassified commune', area: LAND, unit: [], value: 20, kind: 'standard', matched: [] },
    {
      name: 'mountainous commune',
      area: LAND,
      unit: ['mountainous'],
      value: 30,
      kind: 'area',
      matched: ['mountainous'],
    },
    {
      name: 'mountainous border commune',
      area: LAND,
      unit: ['border', 'mountainous'],
      value: 30,
      kind: 'area',
      matched: ['mountainous', 'border'],
    },
    {
      name: 'hardship commune',
      area: LAND,
      unit: ['hardship'],
      value: 30,
      kind: 'area',
      matched: ['hardship'],
    },
    {
      name: 'class the procedure does not name',
      area: ISLAND_ONLY,
      unit: ['mountainous'],
      value: 20,
      kind: 'standard',
      matched: [],
    },
    {
      name: 'procedure without an area limit',
      area: null,
      unit: ['mountainous'],
      value: 20,
      kind: 'standard',
      matched: [],
    },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.value} working days (${c.kind})`, () => {
      const applied = applicableLimit(STANDARD, c.area, c.unit);
      expect(applied).toMatchObject({
        value: c.value,
        unit: 'working_day',
        kind: c.kind,
        areaClasses: c.matched,
      });
      expect(applied.basis).toBe(c.kind === 'area' ? c.area!.basis : null);
    });

  it('keeps the same-day cut-off of the standard limit and drops it for an area limit', () => {
    const sameDay = { value: 0, unit: 'working_day' as const, cutoff: '15:00' };
    expect(applicableLimit(sameDay, null, ['mountainous']).cutoff).toBe('15:00');
    expect(applicableLimit(sameDay, { ...LAND, value: 1 }, ['mountainous']).cutoff).toBeNull();
  });

  it('reads stored JSON, leaving out unknown classes', () => {
    expect(parseAreaClasses('["mountainous","lowland"]')).toEqual(['mountainous']);
    expect(parseAreaClasses(null)).toEqual([]);
    expect(parseAreaClasses('{}')).toEqual([]);
    expect(parseAreaLimit(JSON.stringify({ ...LAND, areas: ['island', 'x'] }))?.areas).toEqual(['island']);
    expect(parseAreaLimit(null)).toBeNull();
  });
});
