import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';

/**
 * A field a province may not send: the legal limit and the competence are set by law for the whole country,
 * the rest of the national entry by the system administrator. Present with any value → 400 naming the field.
 */
const notOverridable = (rule: string) => z.undefined(`@${rule}`).optional();

const LIMIT = notOverridable('catalog.limit_fixed_by_law');
const COMPETENCE = notOverridable('catalog.competence_fixed_by_law');
const NATIONAL = notOverridable('catalog.national_only');

/** A component a province asks for in addition to the national list. */
export const ZExtraComponent = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .refine(...PLAIN_LINE),
  note: z.string().trim().max(500).optional(),
  required: z.boolean().default(false),
});
export type TExtraComponent = z.infer<typeof ZExtraComponent>;

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((s) => (s === '' ? null : s));

/** PUT /api/procedures/:code/overrides: the whole new version (omitted or null = the national value). */
export const ZProcedureOverrideUpdate = z
  .strictObject({
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .describe('The version the editor started from (0 when the province had none); 409 if it changed'),
    feeAmount: z.number().int().min(0).max(1_000_000_000).nullable().default(null).describe('VND'),
    feeNote: nullableText(500),
    notes: nullableText(2000).describe('Shown to officers and on the public procedure page'),
    extraComponents: z.array(ZExtraComponent).max(30).default([]),
    limit: LIMIT,
    limitValue: LIMIT,
    limitUnit: LIMIT,
    limitCutoff: LIMIT,
    competence: COMPETENCE,
    level: COMPETENCE,
    competentAgency: COMPETENCE,
    route: COMPETENCE,
    code: NATIONAL,
    name: NATIONAL,
    field: NATIONAL,
    legalBasis: NATIONAL,
    steps: NATIONAL,
    onlineLevel: NATIONAL,
    components: NATIONAL,
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.extraComponents.forEach((c, i) => {
      const key = c.name.normalize('NFC').toLocaleLowerCase('vi');
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['extraComponents', i, 'name'],
          message: '@catalog.component_duplicate',
        });
      seen.add(key);
    });
  });
export type TProcedureOverrideUpdate = z.infer<typeof ZProcedureOverrideUpdate>;

export const ZProvinceQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/, '@rule.provinceCode')
    .optional()
    .describe('The province (system administrator); others always get their own'),
});

export const ZRevertQuery = ZProvinceQuery.extend({
  expectedVersion: z.coerce.number().int().min(0),
});

export const ZOverrideVersion = z.object({
  version: z.number(),
  feeAmount: z.number().nullable(),
  feeNote: z.string().nullable(),
  notes: z.string().nullable(),
  extraComponents: z.array(
    z.object({ name: z.string(), note: z.string().optional(), required: z.boolean() }),
  ),
  effectiveFrom: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ZOverrideView = z.object({
  procedureCode: z.string(),
  provinceCode: z.string(),
  /** 0 when the province never overrode the procedure. */
  version: z.number(),
  current: ZOverrideVersion.nullable(),
  history: z.array(ZOverrideVersion).describe('Every version, newest first'),
  canEdit: z.boolean().describe('Whether the caller may save a new version (catalog.override)'),
});

/** Which fields of the national entry a province's override replaced or extended. */
export const OVERRIDABLE_FIELDS = ['fee', 'feeText', 'notes', 'components'] as const;
export type OverriddenField = (typeof OVERRIDABLE_FIELDS)[number];

export const ZOverrideApplied = z
  .object({
    provinceCode: z.string(),
    version: z.number(),
    fields: z.array(z.enum(OVERRIDABLE_FIELDS)),
  })
  .nullable()
  .describe("The province's override applied to this answer, and which fields come from it");
