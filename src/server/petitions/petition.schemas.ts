import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';
import { MAX } from '../../shared/limits.ts';
import { ZApplicant } from '../dossiers/dossier.schemas.ts';
import { ZActionLogEntry } from '../audit/action-log.ts';
import { PETITION_ACTIONS, PETITION_KINDS, PETITION_STATUSES } from '../../shared/petition/petition.ts';

const ZInstant = z.string().max(MAX.instant).describe('ISO 8601 with offset, e.g. 2026-03-02T09:00:00+07:00');

export const PETITION_CHANNELS = ['direct', 'postal', 'online', 'phone'] as const;

/** The petitioner: the applicant's name, identity number, phone and address rules (only the name required). */
export const ZPetitioner = ZApplicant.pick({
  name: true,
  idNumber: true,
  phone: true,
  address: true,
}).partial({
  idNumber: true,
});

export const ZLodgePetitionRequest = z.object({
  kind: z
    .enum(PETITION_KINDS)
    .describe('complaint (khiếu nại), denunciation (tố cáo), feedback (phản ánh, kiến nghị)'),
  channel: z.enum(PETITION_CHANNELS),
  subject: z
    .string()
    .trim()
    .min(3, '@rule.petitionSubject')
    .max(300)
    .refine(...PLAIN_LINE),
  content: z.string().trim().min(10, '@rule.petitionContent').max(MAX.longText),
  petitioner: ZPetitioner,
  dossierCode: z.string().min(1).max(64).optional().describe('The dossier the petition is about, if any'),
  knownAt: ZInstant.optional().describe(
    'Complaints: for a first complaint, when the complainant received or learned of the contested decision (90-day ' +
      'lodging limit, Art. 9); for a second one, when the first decision was received or the first limit expired ' +
      'without one (30 days, 45 in remote areas, Art. 33)',
  ),
  instance: z
    .union([z.literal(1), z.literal(2)])
    .default(1)
    .describe('Complaints: first or second resolution'),
  complex: z.boolean().default(false).describe('Complex complaint; for a denunciation see complexity'),
  complexity: z
    .enum(['normal', 'complex', 'very_complex'])
    .optional()
    .describe('Denunciations: ordinary (no extension), complex (one) or especially complex (two), Art. 30.1'),
  remote: z.boolean().default(false).describe('Complaint from a remote, difficult area'),
  multiPlace: z
    .boolean()
    .default(false)
    .describe(
      'Denunciations: the conditions are checked in several places (10 working days to accept, Art. 24.1)',
    ),
  unitCode: z
    .string()
    .regex(/^\d{5}$/, '@rule.unitCode')
    .optional()
    .describe('Receiving commune (default: yours)'),
});
export type TLodgePetitionRequest = z.infer<typeof ZLodgePetitionRequest>;

export const ZPetitionActionRequest = z.object({
  type: z.enum(PETITION_ACTIONS),
  reason: z.string().trim().min(3).max(2000).optional().describe('reject, extend: why'),
  missing: z.string().trim().min(3).max(2000).optional().describe('request_info: what is needed'),
  conclusion: z.string().max(MAX.code).optional().describe('resolve: see CONCLUSIONS per kind'),
  result: z.string().trim().min(3).max(MAX.longText).optional().describe('resolve: the decision or answer'),
  complex: z.boolean().optional().describe('accept: a complex complaint'),
  complexity: z
    .enum(['normal', 'complex', 'very_complex'])
    .optional()
    .describe('accept (denunciations): ordinary, complex or especially complex (Art. 30.1)'),
  remote: z.boolean().optional().describe('accept: remote, difficult area'),
  decision: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('extend: the number and date of the written extension decision (Decree 31/2019 Art. 3)'),
  forwardedTo: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .describe('reject (denunciations outside the competence): the agency it is forwarded to (Art. 24.2)'),
  note: z.string().max(2000).optional(),
});
export type TPetitionActionRequest = z.infer<typeof ZPetitionActionRequest>;

const ZDeadline = z.object({
  kind: z.enum(['respond', 'request_info', 'resolve', 'publish']),
  at: ZInstant,
  overdue: z.boolean(),
});

export const ZPetition = z.object({
  code: z.string(),
  kind: z.enum(PETITION_KINDS),
  status: z.enum(PETITION_STATUSES),
  unitCode: z.string(),
  provinceCode: z.string(),
  channel: z.string(),
  instance: z.number(),
  complex: z.boolean(),
  complexity: z
    .number()
    .int()
    .min(0)
    .max(2)
    .describe('0 ordinary, 1 complex, 2 especially complex (denunciations)'),
  remote: z.boolean(),
  multiPlace: z.boolean(),
  subject: z.string().describe("a denunciation's: the denouncer's identity redacted ([đã ẩn])"),
  content: z.string().describe("a denunciation's: the denouncer's identity redacted ([đã ẩn])"),
  dossierCode: z
    .string()
    .nullable()
    .describe("null for a denunciation (its dossier's applicant may be the denouncer): the reveal gives it"),
  petitioner: z.object({
    confidential: z
      .boolean()
      .describe(
        'a denouncer (Law on Denunciation 2018 Art. 47): name is a placeholder, the rest null, for every viewer; the leader reads the identity through GET /api/petitions/:code/petitioner',
      ),
    name: z.string().describe('in full for complaints and feedback; a fixed placeholder for a denouncer'),
    idNumber: z.string().nullable().describe('masked; null for a denouncer'),
    phone: z.string().nullable().describe('masked; null for a denouncer'),
    address: z.string().nullable().describe('masked; null for a denouncer'),
  }),
  receivedAt: ZInstant,
  knownAt: ZInstant.nullable(),
  lodgedLate: z.boolean(),
  respondBy: ZInstant,
  infoBy: ZInstant.nullable(),
  acceptedAt: ZInstant.nullable(),
  dueAt: ZInstant.nullable(),
  extensionCount: z.number(),
  endedAt: ZInstant.nullable(),
  conclusion: z.string().nullable(),
  result: z.string().nullable(),
  publishBy: ZInstant.nullable(),
  publishedAt: ZInstant.nullable(),
  nextDeadline: ZDeadline.nullable(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
  abilities: z
    .object({
      readPetitioner: z
        .boolean()
        .describe(
          "may read the petitioner's full data (GET /api/petitions/:code/petitioner; a denouncer's: the leader only)",
        ),
    })
    .describe(
      'what the caller may do on this petition besides its actions, decided by the same rule as the routes',
    ),
  actions: z.array(ZActionLogEntry).optional(),
});
export type TPetition = z.infer<typeof ZPetition>;

export const ZPetitionQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/, '@rule.unitCode')
    .optional(),
  kind: z.enum(PETITION_KINDS).optional(),
  status: z.enum(PETITION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TPetitionQuery = z.infer<typeof ZPetitionQuery>;

export const ZPetitionPage = z.object({
  items: z.array(ZPetition),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});

export const ZCodeParams = z.object({ code: z.string().min(1).max(80) });

/** The petitioner's full data (the audited read), and the subject and content as the officer typed them. */
export const ZPetitionerData = z.object({
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  subject: z.string().describe('as typed (a denunciation is otherwise shown with the identity redacted)'),
  content: z.string().describe('as typed (a denunciation is otherwise shown with the identity redacted)'),
  dossierCode: z.string().nullable().describe('the dossier it is about (a denunciation shows it here only)'),
});
export type TPetitionerData = z.infer<typeof ZPetitionerData>;

export const ZProvinceParams = z.object({ province: z.string().regex(/^\d{2}$/, '@rule.provinceCode') });

const ZLimit = z.object({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(['working_day', 'calendar_day']),
});
const ZTiers = z
  .object({ normal: ZLimit, complex: ZLimit, remote: ZLimit, remoteComplex: ZLimit })
  .partial()
  .strict();
/** A partial override of the time limits (the rest keeps the defaults). */
export const ZRulesOverride = z
  .object({
    complaint: z
      .object({
        lodge: ZLimit,
        lodgeSecond: z.object({ normal: ZLimit, remote: ZLimit }).partial().strict(),
        respond: ZLimit,
        first: ZTiers,
        second: ZTiers,
      })
      .partial()
      .strict(),
    denunciation: z
      .object({
        respond: ZLimit,
        respondMultiPlace: ZLimit,
        forward: ZLimit,
        resolve: ZLimit,
        extension: ZLimit,
        maxExtensions: z
          .object({
            normal: z.number().int().min(0).max(5),
            complex: z.number().int().min(0).max(5),
            veryComplex: z.number().int().min(0).max(5),
          })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    feedback: z
      .object({ respond: ZLimit, requestInfo: ZLimit, resolve: ZLimit, publish: ZLimit })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type TRulesOverride = z.infer<typeof ZRulesOverride>;
