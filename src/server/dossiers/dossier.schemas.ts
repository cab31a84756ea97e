import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';
import { ZActionLogEntry } from '../audit/action-log.ts';
import { ACTION_TYPES } from '../../shared/dossier/lifecycle.ts';
import { CHANNELS, DOSSIER_STATUSES } from '../../shared/dossier/status.ts';
import { DOSSIER_FORM_KEYS, type DossierForm } from './dossier.forms.ts';
import { MAX } from '../../shared/limits.ts';

const ZInstant = z.string().max(MAX.instant).describe('ISO 8601 with offset, e.g. 2026-02-25T17:30:00+07:00');

/** Grounds of a stop (Form 05). 'applicant_request': the applicant's own request to stop, answered by the notice. */
export const STOP_KINDS = ['no_competence', 'procedural_error', 'applicant_request', 'other'] as const;
export type StopKind = (typeof STOP_KINDS)[number];

export const ZApplicant = z.object({
  kind: z.enum(['person', 'organisation']).default('person'),
  name: z
    .string()
    .trim()
    .min(2, '@rule.applicantName')
    .max(MAX.name)
    .refine(...PLAIN_LINE),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{9,13}$/, '@rule.idNumber')
    .describe('CCCD (12 digits) for a person; tax code (10 or 13 digits) for an organisation'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$/, '@rule.phone')
    .optional(),
  address: z
    .string()
    .trim()
    .min(3)
    .max(MAX.address)
    .refine(...PLAIN_LINE)
    .optional(),
  email: z.email().max(MAX.email).optional(),
  birthDate: z.iso.date().optional().describe('YYYY-MM-DD; checked against the CCCD'),
  sex: z.enum(['male', 'female']).optional(),
});

export const ZComponentCheck = z.object({
  name: z
    .string()
    .min(1)
    .max(MAX.listItem)
    .refine(...PLAIN_LINE),
  provided: z.boolean(),
  copies: z.number().int().min(0).max(MAX.count).optional(),
});

export const ZCreateDossierRequest = z.object({
  procedureCode: z.string().min(1).max(MAX.code),
  channel: z.enum(CHANNELS),
  applicant: ZApplicant,
  components: z.array(ZComponentCheck).max(MAX.listItems).optional(),
  decision: z
    .enum(['receive', 'request_supplement', 'refuse'])
    .default('receive')
    .describe(
      'Art. 17.1: receipt with appointment (Form 01), supplement request (Form 02) or refusal (Form 03)',
    ),
  missing: z
    .array(z.string().min(1).max(MAX.listItem))
    .max(MAX.listItems)
    .optional()
    .describe('For request_supplement: every missing item, at once'),
  reason: z.string().min(1).max(MAX.note).optional().describe('For refuse: why the dossier is not received'),
  unitCode: z
    .string()
    .regex(/^\d{5}$/, '@rule.unitCode')
    .optional()
    .describe('Receiving commune (default: yours)'),
  paper: z.boolean().default(false).describe('Paper dossier (transfer the same or next working day)'),
  note: z.string().max(MAX.note).optional(),
});
export type TCreateDossierRequest = z.infer<typeof ZCreateDossierRequest>;

export const ZActionRequest = z.object({
  type: z.enum(ACTION_TYPES),
  note: z.string().max(MAX.note).optional(),
  assignee: z
    .string()
    .max(MAX.username)
    .optional()
    .describe('assign: username; omitted = least-loaded qualified specialist'),
  missing: z
    .array(z.string().min(1).max(MAX.listItem))
    .max(MAX.listItems)
    .optional()
    .describe('request_supplement / request_correction: all missing items'),
  reason: z.string().max(MAX.note).optional().describe('refuse, stop, withdraw, extend: the reason'),
  stopKind: z
    .enum(STOP_KINDS)
    .optional()
    .describe(
      "stop: the ground; 'applicant_request' = the applicant asked in writing to stop (Decree 118/2025 Art. 21)",
    ),
  newDueAt: ZInstant.optional().describe('extend: the new due'),
  agency: z.string().max(300).optional().describe('transfer / transfer_result: the other agency'),
  agencyLimit: z
    .object({
      value: z.number().int().min(0).max(999),
      unit: z.enum(['working_day', 'working_hour', 'calendar_day']),
    })
    .optional(),
  deliveryMethod: z.enum(['counter', 'postal', 'online']).optional(),
  rating: z
    .number()
    .int()
    .min(1)
    .max(5)
    .optional()
    .describe(
      'deliver: the applicant’s satisfaction, 1 very dissatisfied … 5 very satisfied (indicator 5.4)',
    ),
  ratingComment: z.string().max(1000).optional().describe('deliver: the applicant’s comment on the rating'),
});
export type TActionRequest = z.infer<typeof ZActionRequest>;

export const ZDossierAction = ZActionLogEntry;

export const ZDossier = z.object({
  code: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  unitCode: z.string(),
  provinceCode: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), field: z.string() }),
  channel: z.enum(CHANNELS),
  applicant: z.object({
    kind: z.string(),
    name: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
  }),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  clockStoppedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endKind: z.string().nullable(),
  outcome: z.string().nullable(),
  resolution: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  extensionCount: z.number(),
  assignee: z.string().nullable(),
  assigneeName: z.string().nullable().describe('the assigned officer’s display name'),
  limit: z.object({ value: z.number(), unit: z.string(), cutoff: z.string().nullable() }),
  transfers: z.array(z.record(z.string(), z.unknown())),
  allowedActions: z.array(z.string()),
  abilities: z
    .object({
      attach: z.boolean().describe('may upload a scanned component (POST /api/dossiers/:code/attachments)'),
      readApplicant: z
        .boolean()
        .describe("may read the applicant's full personal data (GET /api/dossiers/:code/applicant)"),
    })
    .describe(
      'what the caller may do on this dossier besides its actions, decided by the same rule as the routes',
    ),
  documents: z
    .array(
      z.object({
        form: z.enum(DOSSIER_FORM_KEYS as [DossierForm, ...DossierForm[]]),
        number: z.string().describe("the form's number, '01' to '06'"),
        href: z.string().describe('GET it for the PDF'),
      }),
    )
    .optional()
    .describe(
      'with the action log: the forms that can be issued for this dossier now, the others answer 409',
    ),
  actions: z.array(ZDossierAction).optional(),
});
export type TDossier = z.infer<typeof ZDossier>;

export const ZQueueQuery = z.object({
  status: z.enum(DOSSIER_STATUSES).optional(),
  assignee: z.string().max(64).optional().describe("username, or 'me'"),
  dueBefore: ZInstant.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional().describe('applicant name or dossier code, folded (marks ignored)'),
  unit: z
    .string()
    .regex(/^\d{5}$/, '@rule.unitCode')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZQueueResponse = z.object({ items: z.array(ZDossier), nextCursor: z.string().nullable() });
