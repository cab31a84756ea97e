import { z } from 'zod';
import { AREA_CLASSES } from '../../shared/area/area-limit.ts';
import { COMMUNE_TYPES, PROVINCE_TYPES } from './unit.table.ts';

/** API schemas of the units feature (candidates for src/shared/ once the web app needs them). */

export const ZUnitCode = z
  .string()
  .regex(/^(\d{2}|\d{5})$/, '@rule.unitCode')
  .describe(
    'Administrative unit code: 2 digits for a province, 5 for a commune (leading zeros kept), e.g. 68, 25015',
  );

export const ZProvinceCode = z
  .string()
  .regex(/^\d{2}$/, '@rule.provinceCode')
  .describe('Province code, 2 digits, e.g. 68 (Lâm Đồng)');

export const ZUnitType = z
  .enum([...PROVINCE_TYPES, ...COMMUNE_TYPES])
  .describe('province (tỉnh), city (thành phố), commune (xã), ward (phường) or special_zone (đặc khu)');

export const ZFormerUnit = z
  .object({
    code: z
      .string()
      .nullable()
      .describe('Code of the former unit; null when the source names it without a code'),
    name: z.string().describe('Name of the former unit, e.g. "Xã Tam Bố"'),
    districtName: z.string().nullable().describe('Its former district (huyện, quận, thị xã), if known'),
    provinceName: z.string().nullable().describe('Its former province, if known'),
  })
  .describe('A unit that existed before a reorganisation and became (part of) this unit');

export const ZUnit = z
  .object({
    code: ZUnitCode,
    name: z.string().describe('Official name, with its unit-type word, e.g. "Xã Gia Hiệp"'),
    type: ZUnitType,
    provinceCode: ZProvinceCode.describe('Province the unit belongs to (its own code for a province)'),
    provinceName: z.string().describe('Name of that province, e.g. "Tỉnh Lâm Đồng"'),
    formerUnits: z.array(ZFormerUnit).describe('The former units it was formed from (lineage)'),
    areaKm2: z.number().nullable().describe('Natural area in km², when published'),
    population: z.number().int().nullable().describe('Population, when published'),
    ethnicMinorityShare: z
      .number()
      .nullable()
      .describe('Share of ethnic minorities in percent (0-100), when published'),
    areaClasses: z
      .array(z.enum(AREA_CLASSES))
      .describe('Area classes (mountainous, border, island, hardship) that select longer limits at intake'),
    areaClassSource: z
      .string()
      .nullable()
      .describe('The act that classified the unit, e.g. a provincial decision'),
    resolvedFrom: z
      .string()
      .optional()
      .describe('Present when the requested code is a former unit code that resolved to this current unit'),
    matchedFormerUnit: ZFormerUnit.optional().describe(
      'Present in a search when only a former unit name matched',
    ),
  })
  .describe('An administrative unit in force today');

export const ZUnitParams = z.object({ code: ZUnitCode });

export const ZFindUnitsQuery = z.object({
  province: ZProvinceCode.optional().describe('Only communes of this province'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Text to find in names and former names; accents and case are ignored ("di linh" finds "Xã Di Linh")',
    ),
  type: z
    .enum(COMMUNE_TYPES)
    .optional()
    .describe('Only this type: commune (xã), ward (phường), special_zone (đặc khu)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .optional()
    .describe('At most this many items (default 200)'),
});

export const ZUnitList = z
  .object({ items: z.array(ZUnit) })
  .describe('Units sorted by relevance, then by name');

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. NOT_FOUND'),
      message: z.string().describe('Localised message'),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .describe('Error');

export type TUnit = z.infer<typeof ZUnit>;
export type TFormerUnit = z.infer<typeof ZFormerUnit>;
export type TFindUnitsQuery = z.infer<typeof ZFindUnitsQuery>;
