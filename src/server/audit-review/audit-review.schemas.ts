import { z } from 'zod';

const ZWhen = z
  .string()
  .max(40)
  .describe(
    'a date YYYY-MM-DD (Vietnam time; `to` includes that whole day) or an ISO 8601 instant with offset',
  );

export const ZAuditQuery = z.object({
  from: ZWhen.optional(),
  to: ZWhen.optional(),
  actor: z.string().trim().min(1).max(64).optional().describe("the actor's username, exact"),
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.]{1,80}$/, '@rule.auditAction')
    .optional()
    .describe(
      "the action or its beginning: 'petition.' finds every petition action, 'petition.view' the views",
    ),
  target: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .describe("the target's code or id, exact (a dossier or petition code, a username)"),
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/, '@rule.unitCode')
    .optional()
    .describe('a province (2 digits) or a commune (5 digits)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  at: z.string().describe('ISO 8601, Vietnam time'),
  chain: z.string().describe("the chain: a province's code, '' for the system's"),
  seq: z.number().describe("the entry's place in its chain"),
  actor: z.string().nullable().describe('username; null: the system (CLI, jobs, the public portal)'),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  provinceCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditEntry),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});
