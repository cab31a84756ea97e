import { z } from 'zod';
import { ROUTING_MODES } from '../../shared/dossier/routing.ts';

export const ZRoutingRule = z.object({
  procedureCode: z.string(),
  procedureName: z.string(),
  field: z.string(),
  mode: z.enum(ROUTING_MODES),
  counterSigns: z.boolean(),
  authorisationRef: z.string().nullable(),
  /** Whether the law lets the counter officer sign this procedure alone (shared/dossier/routing.ts). */
  counterMaySign: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.number().nullable(),
});
export type TRoutingRule = z.infer<typeof ZRoutingRule>;

export const ZRoutingList = z.object({ unitCode: z.string(), items: z.array(ZRoutingRule) });

export const ZUnitQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const ZRoutingUpdate = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  mode: z.enum(ROUTING_MODES),
  counterSigns: z.boolean().default(false),
  authorisationRef: z.string().trim().max(200).nullable().optional(),
});
export type TRoutingUpdate = z.infer<typeof ZRoutingUpdate>;
