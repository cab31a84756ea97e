import { z } from 'zod';
import { ZDossierNotice } from '../notifications/notification.schemas.ts';
import { PLAIN_LINE } from '../platform/validation.ts';
import { ZActionLogEntry } from '../audit/action-log.ts';
import { ACTION_TYPES } from '../../shared/dossier/lifecycle.ts';
import { CHANNELS, DOSSIER_STATUSES } from '../../shared/dossier/status.ts';
import { DOSSIER_FORM_KEYS, type DossierForm } from './dossier.forms.ts';
import { MAX } from '../../shared/limits.ts';
import { QUEUE_TABS } from '../../shared/dossier/queue.ts';

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
  birthRegisteredAbroad: z
    .boolean()
    .optional()
    .describe(
      "A person whose birth was registered abroad: the CCCD's first three digits are that country's code (Law on Identification 2023 Art. 12)",
    ),
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
  limit: z
    .object({
      value: z.number(),
      unit: z.string(),
      cutoff: z.string().nullable(),
      kind: z
        .enum(['standard', 'area'])
        .describe('`area`: the longer limit of a mountainous, border, island or hardship commune applied'),
      areaClasses: z.array(z.string()).describe('The commune classes that made the area limit apply'),
      basis: z.string().nullable().describe('The article granting the area limit'),
    })
    .describe('The limit that applied at intake (dossiers received before issue 11 show `standard`)'),
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
  notices: z
    .array(ZDossierNotice)
    .optional()
    .describe('with the action log: every notice to the applicant, sent or not (docs/NOTIFICATIONS.md)'),
  acceptBy: z
    .string()
    .nullable()
    .describe('an online submission awaiting acceptance: accept by then (8 working hours, Art. 17.2)'),
  workDueAt: z
    .string()
    .nullable()
    .describe(
      'when the next step is due while the dossier is open (acceptance, or the due); the queues sort on it',
    ),
  next: z
    .object({
      who: z
        .enum(['counter', 'leader', 'specialist', 'applicant', 'nobody'])
        .describe('whose move it is: the role that acts now'),
      step: z
        .enum(['accept_online', 'assign', 'appraise', 'await_supplement', 'approve', 'deliver', 'none'])
        .describe('what they must do'),
      mine: z
        .boolean()
        .describe('whether the caller is the one to act (the lifecycle offers them an action)'),
      assignee: z.string().nullable().describe('processing: the specialist who acts'),
      proposal: z
        .object({ by: z.string().nullable(), at: z.string(), note: z.string().nullable() })
        .nullable()
        .optional()
        .describe("awaiting approval, with the action log: the specialist's proposal (submit_for_approval)"),
      workingHoursLeft: z
        .number()
        .nullable()
        .optional()
        .describe(
          'on the dossier page: working hours until workDueAt (negative when late; null: no deadline runs)',
        ),
    })
    .describe('what happens next (issue 12): who acts now and what they must do'),
});
export type TDossier = z.infer<typeof ZDossier>;

export const ZQueueQuery = z.object({
  tab: z
    .enum(QUEUE_TABS)
    .optional()
    .describe(
      'work queue: open, mine (open and assigned to me), awaiting_acceptance (online), due_soon (within one working ' +
        'day), overdue, awaiting_approval — sorted by due; all (default): every dossier, newest first',
    ),
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

export const ZQueueCountsQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{5}$/, '@rule.unitCode')
    .optional(),
});

export const ZQueueCounts = z.object({
  counts: z.record(z.enum(QUEUE_TABS), z.number()).describe('dossiers per tab, counted up to `cap`'),
  cap: z.number().describe('a count equal to cap means “cap or more” (shown as 99+)'),
});

export const BULK_ACTIONS = ['assign', 'approve'] as const;

export const ZBulkActionRequest = z.object({
  type: z.enum(BULK_ACTIONS),
  codes: z.array(z.string().min(1).max(64)).min(1).max(MAX.listItems),
  assignee: z.string().max(MAX.username).optional().describe('assign: username; omitted = least loaded'),
  note: z.string().max(MAX.note).optional(),
});
export type TBulkActionRequest = z.infer<typeof ZBulkActionRequest>;

export const ZBulkActionResponse = z.object({
  results: z.array(
    z.object({
      index: z.number().describe('the item’s position in `codes` (a repeated code is answered once)'),
      code: z.string().optional().describe('when ok: the dossier’s code'),
      ok: z.boolean(),
      status: z.enum(DOSSIER_STATUSES).optional().describe('ok: the status after the action'),
      error: z
        .object({ code: z.string(), message: z.string() })
        .optional()
        .describe('refused: why (the same error the single action answers)'),
    }),
  ),
});

export const ZQueueResponse = z.object({ items: z.array(ZDossier), nextCursor: z.string().nullable() });
