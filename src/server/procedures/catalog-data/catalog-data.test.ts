import { describe, expect, it } from 'vitest';

import type { CatalogProcedure, Competence, LimitUnit, StepKey } from './catalog.types.ts';
import {
  ALL_CATALOG_PROCEDURES,
  CATALOG_CODES_TO_VERIFY,
  CATALOG_FIELDS,
  CATALOG_SOURCE_NOTE,
  COMMUNE_PROCEDURES,
  OTHER_AGENCY_PROCEDURES,
} from './index.ts';

/** National code of the National Public Service Portal: one digit, a dot, six digits. No exceptions so far. */
const NATIONAL_CODE = /^\d\.\d{6}$/;
const CODE_FORMAT_EXCEPTIONS: readonly string[] = [];

const COMPETENCES: readonly Competence[] = ['commune', 'province', 'delegated', 'vertical'];
const LIMIT_UNITS: readonly LimitUnit[] = ['working_day', 'working_hour', 'calendar_day'];
const STEP_KEYS: readonly StepKey[] = ['receive', 'assign', 'appraise', 'approve', 'sign', 'return'];
const COMPONENT_KINDS = ['original', 'copy', 'original_or_copy', 'presented'] as const;

const isNfc = (text: string): boolean => text === text.normalize('NFC');

const isValidIsoDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

const allTexts = (procedure: CatalogProcedure): string[] => [
  procedure.name,
  procedure.field,
  procedure.competentAgency,
  procedure.fee.text,
  procedure.source,
  ...procedure.legalBasis,
  ...(procedure.keywords ?? []),
  ...procedure.components.flatMap((component) => [component.name, component.form ?? '']),
];

describe('procedure catalog data', () => {
  it('has at least 45 commune-level and 12 other-agency procedures', () => {
    expect(COMMUNE_PROCEDURES.length).toBeGreaterThanOrEqual(45);
    expect(OTHER_AGENCY_PROCEDURES.length).toBeGreaterThanOrEqual(12);
    expect(ALL_CATALOG_PROCEDURES).toHaveLength(COMMUNE_PROCEDURES.length + OTHER_AGENCY_PROCEDURES.length);
  });

  it('has unique national codes in the portal format', () => {
    const codes = ALL_CATALOG_PROCEDURES.map((procedure) => procedure.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      if (CODE_FORMAT_EXCEPTIONS.includes(code)) continue;
      expect(code, code).toMatch(NATIONAL_CODE);
    }
  });

  it('keeps commune and other-agency competences apart', () => {
    for (const procedure of COMMUNE_PROCEDURES) {
      expect(['commune', 'delegated'], procedure.code).toContain(procedure.competence);
    }
    for (const procedure of OTHER_AGENCY_PROCEDURES) {
      expect(['province', 'vertical'], procedure.code).toContain(procedure.competence);
    }
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      expect(COMPETENCES, procedure.code).toContain(procedure.competence);
    }
  });

  it('names a competent agency and a field from CATALOG_FIELDS', () => {
    const fields: readonly string[] = CATALOG_FIELDS;
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      expect(procedure.competentAgency.trim(), procedure.code).not.toBe('');
      expect(procedure.name.trim(), procedure.code).not.toBe('');
      expect(fields, procedure.code).toContain(procedure.field);
    }
    expect(new Set(CATALOG_FIELDS).size).toBe(CATALOG_FIELDS.length);
  });

  it('has a non-negative integer limit with a known unit', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      const { value, unit, cutoff } = procedure.limit;
      expect(Number.isInteger(value) && value >= 0, procedure.code).toBe(true);
      expect(LIMIT_UNITS, procedure.code).toContain(unit);
      if (value === 0)
        expect(unit, `${procedure.code}: a zero limit means "same working day"`).toBe('working_day');
      if (cutoff !== undefined) {
        expect(cutoff, procedure.code).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(value, `${procedure.code}: a cut-off only applies to same-day limits`).toBe(0);
      }
    }
  });

  it('has a non-negative integer fee in VND with its published text', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      expect(Number.isInteger(procedure.fee.amount) && procedure.fee.amount >= 0, procedure.code).toBe(true);
      expect(procedure.fee.text.trim(), procedure.code).not.toBe('');
    }
  });

  it('has at least one required component and well-formed components', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      expect(
        procedure.components.some((component) => component.required),
        procedure.code,
      ).toBe(true);
      for (const component of procedure.components) {
        expect(component.name.trim(), procedure.code).not.toBe('');
        expect(Number.isInteger(component.copies) && component.copies >= 1, procedure.code).toBe(true);
        expect(COMPONENT_KINDS, procedure.code).toContain(component.kind);
      }
    }
  });

  it('has step shares that are positive, unique per key and sum to 1', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      const keys = procedure.steps.map((step) => step.key);
      expect(new Set(keys).size, procedure.code).toBe(keys.length);
      for (const step of procedure.steps) {
        expect(STEP_KEYS, procedure.code).toContain(step.key);
        expect(step.share, procedure.code).toBeGreaterThan(0);
      }
      const total = procedure.steps.reduce((sum, step) => sum + step.share, 0);
      expect(Math.abs(total - 1), procedure.code).toBeLessThanOrEqual(1e-9);
      expect(keys[0], `${procedure.code}: processing starts at receipt`).toBe('receive');
      expect(keys.at(-1), `${procedure.code}: processing ends at return`).toBe('return');
    }
  });

  it('has legal bases, a source and a valid source date', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      expect(procedure.legalBasis.length, procedure.code).toBeGreaterThan(0);
      expect(procedure.source.trim(), procedure.code).not.toBe('');
      expect(isValidIsoDate(procedure.sourceDate), `${procedure.code}: ${procedure.sourceDate}`).toBe(true);
    }
  });

  it('stores every Vietnamese text NFC-normalised', () => {
    for (const procedure of ALL_CATALOG_PROCEDURES) {
      for (const text of allTexts(procedure)) expect(isNfc(text), `${procedure.code}: ${text}`).toBe(true);
    }
    expect(isNfc(CATALOG_SOURCE_NOTE)).toBe(true);
  });

  it('gives same-day civil status and certification procedures the 15:00 cut-off', () => {
    const byCode = new Map(ALL_CATALOG_PROCEDURES.map((procedure) => [procedure.code, procedure]));
    for (const code of ['1.001193', '1.000894', '1.000656', '2.000815', '2.000884']) {
      expect(byCode.get(code)?.limit, code).toEqual({ value: 0, unit: 'working_day', cutoff: '15:00' });
    }
    expect(byCode.get('1.004873')?.limit).toEqual({ value: 3, unit: 'working_day' });
    expect(byCode.get('2.000815')?.fee.amount).toBe(2000);
    expect(byCode.get('2.000884')?.fee.amount).toBe(10000);
    expect(byCode.get('2.001035')?.fee.amount).toBe(50000);
  });

  it('lists only catalog codes as codes to verify', () => {
    const codes = new Set(ALL_CATALOG_PROCEDURES.map((procedure) => procedure.code));
    for (const code of CATALOG_CODES_TO_VERIFY) expect(codes.has(code), code).toBe(true);
  });

  it('has a source note mentioning provincial fee resolutions', () => {
    expect(CATALOG_SOURCE_NOTE).toContain('Hội đồng nhân dân cấp tỉnh');
    expect(CATALOG_SOURCE_NOTE.length).toBeGreaterThan(200);
  });
});
