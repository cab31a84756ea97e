import { z } from 'zod';
import { PLAIN_LINE, PLAIN_TEXT } from '../platform/validation.ts';
import { ZOverrideApplied } from './procedure-override.schemas.ts';
import { MAX } from '../../shared/limits.ts';
import { AREA_CLASSES } from '../../shared/area/area-limit.ts';

const ZLimitUnit = z.enum(['working_day', 'working_hour', 'calendar_day']);

/** Area classes of a commune (shared/area/area-limit.ts). */
export const ZAreaClass = z.enum(AREA_CLASSES);

/** A longer limit for mountainous, border, island or hardship communes, with the article that grants it. */
export const ZAreaLimit = z.object({
  value: z.number().int().min(1).max(365),
  unit: ZLimitUnit,
  areas: z.array(ZAreaClass).min(1).max(AREA_CLASSES.length),
  basis: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .refine(...PLAIN_TEXT),
});

/** The limit that applies in the given commune (`?unit=` or the officer's own), and why. */
export const ZAppliedLimit = z.object({
  value: z.number(),
  unit: z.string(),
  cutoff: z.string().nullable(),
  kind: z.enum(['standard', 'area']),
  areaClasses: z.array(ZAreaClass),
  basis: z.string().nullable(),
});

export const ZCatalogComponent = z.object({
  name: z
    .string()
    .min(1)
    .max(MAX.listItem)
    .refine(...PLAIN_LINE),
  copies: z.number().int().min(0).max(MAX.count),
  kind: z.enum(['original', 'copy', 'original_or_copy', 'presented']),
  form: z
    .string()
    .max(MAX.name)
    .refine(...PLAIN_LINE)
    .optional(),
  required: z.boolean(),
});

/** A catalog entry as imported and exported (JSON and Excel). */
export const ZCatalogProcedure = z.object({
  code: z.string().min(1).max(40),
  name: z
    .string()
    .min(1)
    .max(500)
    .refine(...PLAIN_LINE),
  field: z
    .string()
    .min(1)
    .max(200)
    .refine(...PLAIN_LINE),
  competence: z.enum(['commune', 'province', 'delegated', 'vertical']),
  competentAgency: z
    .string()
    .min(1)
    .max(300)
    .refine(...PLAIN_LINE),
  limit: z.object({
    value: z.number().int().min(0).max(999),
    unit: ZLimitUnit,
    cutoff: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
  }),
  areaLimit: ZAreaLimit.optional(),
  fee: z.object({
    amount: z.number().int().min(0).max(1_000_000_000),
    text: z
      .string()
      .max(MAX.note)
      .refine(...PLAIN_TEXT),
  }),
  components: z.array(ZCatalogComponent).max(MAX.listItems),
  onlineLevel: z.enum(['full', 'partial']),
  steps: z
    .array(
      z.object({
        key: z.enum(['receive', 'assign', 'appraise', 'approve', 'sign', 'return']),
        share: z.number().min(0).max(1),
      }),
    )
    .max(MAX.listItems),
  legalBasis: z
    .array(
      z
        .string()
        .max(MAX.listItem)
        .refine(...PLAIN_TEXT),
    )
    .max(MAX.listItems),
  source: z
    .string()
    .max(MAX.listItem)
    .refine(...PLAIN_TEXT),
  sourceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  keywords: z
    .array(
      z
        .string()
        .max(MAX.name)
        .refine(...PLAIN_LINE),
    )
    .max(MAX.listItems)
    .optional(),
});

/** An import: at most 5,000 entries (the whole built-in catalog is a few hundred). */
export const ZCatalogImport = z.array(ZCatalogProcedure).min(1).max(5_000);

export const ZProcedureItem = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: z.string().describe('Competence level: commune | province | delegated | vertical'),
  competentAgency: z.string(),
  onlineLevel: z.string().describe('full | partial online service'),
  limit: z.object({ value: z.number(), unit: z.string(), cutoff: z.string().nullable() }),
  areaLimit: ZAreaLimit.nullable().describe('A longer limit for communes of these area classes (set by law)'),
  appliedLimit: ZAppliedLimit.nullable().describe(
    'The limit intake will apply in the commune asked about (`?unit=`, else the officer’s own); null without one',
  ),
  fee: z.number().describe("VND (the province override's when `override.fields` has `fee`)"),
  feeText: z.string(),
  notes: z.string().nullable().describe("The province's notes for officers and the public"),
  components: z.array(
    ZCatalogComponent.extend({
      note: z.string().optional(),
      addedBy: z.enum(['national', 'province']).describe('National list, or added by the province'),
    }),
  ),
  route: z
    .enum(['process_here', 'forward'])
    .describe('Whether the commune decides, or receives and forwards'),
  override: ZOverrideApplied,
});

/** The commune or province whose overrides apply (a signed-in officer's own province when omitted). */
const ZUnitParam = z
  .string()
  .regex(/^(\d{2}|\d{5})$/, '@rule.unitCode')
  .optional()
  .describe("Apply this unit's province's overrides (default: the signed-in officer's province)");

export const ZProcedureGetQuery = z.object({ unit: ZUnitParam });

export const ZProcedureQuery = z.object({
  unit: ZUnitParam,
  field: z.string().max(MAX.name).optional(),
  competence: z.enum(['commune', 'province', 'delegated', 'vertical']).optional(),
  q: z.string().max(200).optional(),
});
