/** zod schemas of citizen reception (docs/RECEPTION.md): every string and list bounded. */
import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';
import { EXCEPTION_KINDS, HOST_ROLES, RECEPTION_HANDLINGS, RECEPTION_KINDS } from './reception.rules.ts';

const ZInstant = z.string().max(40).describe('ISO 8601 with offset, e.g. 2026-03-02T09:00:00+07:00');
const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '@rule.receptionTime')
  .describe('HH:MM, Vietnam time');
const ZUnitCode = z.string().regex(/^\d{5}$/, '@rule.unitCode');

const ZHost = {
  hostRole: z.enum(HOST_ROLES).describe('chairman (Art. 15.2.d), vice_chairman, or officer'),
  hostName: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .refine(...PLAIN_LINE),
  hostTitle: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .refine(...PLAIN_LINE)
    .describe('e.g. Chủ tịch UBND xã'),
  place: z
    .string()
    .trim()
    .min(2)
    .max(200)
    .refine(...PLAIN_LINE),
};

export const ZReceptionSlot = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
    fromTime: ZTime,
    toTime: ZTime,
    ...ZHost,
  })
  .refine((s) => s.fromTime < s.toTime, { path: ['toTime'], message: '@rule.receptionTimeOrder' });
export type TReceptionSlot = z.infer<typeof ZReceptionSlot>;

export const ZReceptionException = z
  .object({
    date: z.iso.date().describe('YYYY-MM-DD'),
    kind: z.enum(EXCEPTION_KINDS),
    fromTime: ZTime.optional().describe(
      'extra: required; cancelled: the slot cancelled (none: the whole day)',
    ),
    toTime: ZTime.optional(),
    hostRole: ZHost.hostRole.optional(),
    hostName: ZHost.hostName.optional(),
    hostTitle: ZHost.hostTitle.optional(),
    place: ZHost.place.optional(),
    note: z.string().trim().max(300).optional(),
  })
  .refine((e) => e.kind !== 'extra' || (e.fromTime && e.toTime && e.hostName && e.hostTitle && e.place), {
    path: ['fromTime'],
    message: '@rule.receptionExtra',
  });
export type TReceptionException = z.infer<typeof ZReceptionException>;

export const ZScheduleRequest = z.object({
  slots: z.array(ZReceptionSlot).max(30),
  exceptions: z.array(ZReceptionException).max(200).default([]),
});
export type TScheduleRequest = z.infer<typeof ZScheduleRequest>;

export const ZUnitParams = z.object({ unitCode: ZUnitCode });

export const ZScheduleQuery = z.object({
  week: z.iso.date().optional().describe('Any date of the first week shown (default: this week)'),
});

const ZSession = z.object({
  fromTime: z.string(),
  toTime: z.string(),
  hostRole: z.string(),
  hostName: z.string(),
  hostTitle: z.string(),
  place: z.string(),
  extra: z.boolean(),
});

/** The published schedule: the officials' names and titles (a public duty), never a citizen's data. */
export const ZPublicSchedule = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  weeks: z.array(
    z.object({
      monday: z.string(),
      days: z.array(
        z.object({
          date: z.string(),
          weekday: z.number(),
          holiday: z.boolean(),
          sessions: z.array(ZSession),
          cancelled: z.array(
            z.object({ fromTime: z.string(), toTime: z.string(), note: z.string().nullable() }),
          ),
        }),
      ),
    }),
  ),
});
export type TPublicSchedule = z.infer<typeof ZPublicSchedule>;

/** The schedule as its editor sees it: the weekly slots and exceptions as stored, and who may edit. */
export const ZSchedule = ZScheduleRequest.extend({
  unitCode: z.string(),
  version: z.number().describe('1 for the first saved schedule, one more at each save (0: none yet)'),
  updatedAt: ZInstant.nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZCitizen = z.object({
  name: z
    .string()
    .trim()
    .min(2, '@rule.applicantName')
    .max(200)
    .refine(...PLAIN_LINE),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{9,12}$/, '@rule.idNumber')
    .optional(),
  address: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .refine(...PLAIN_LINE)
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$/, '@rule.phone')
    .optional()
    .describe('Only passed on to the petition when one is created'),
});

export const ZCreateReceptionRequest = z.object({
  unitCode: ZUnitCode.optional().describe('Receiving commune (default: yours)'),
  receivedAt: ZInstant.optional().describe(
    'When the citizen was received (default: now; never in the future)',
  ),
  citizen: ZCitizen,
  peopleCount: z.number().int().min(1).max(1000).default(1).describe('5 or more: a delegation'),
  kind: z.enum(RECEPTION_KINDS),
  content: z.string().trim().min(10, '@rule.receptionContent').max(5000),
  handling: z.enum(RECEPTION_HANDLINGS),
  forwardedTo: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .refine(...PLAIN_LINE)
    .optional()
    .describe('handling = forwarded: the competent agency (province level or a specialised agency)'),
  subject: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .refine(...PLAIN_LINE)
    .optional()
    .describe('handling = petition: the petition subject (default: the start of the content)'),
});
export type TCreateReceptionRequest = z.infer<typeof ZCreateReceptionRequest>;

export const ZReplyRequest = z.object({
  note: z.string().trim().min(3, '@rule.receptionReply').max(2000).describe('What was answered or notified'),
  repliedAt: ZInstant.optional().describe('When (default: now; not before the reception, not in the future)'),
});
export type TReplyRequest = z.infer<typeof ZReplyRequest>;

export const ZReceptionQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/, '@rule.unitCode')
    .optional(),
  kind: z.enum(RECEPTION_KINDS).optional(),
  handling: z.enum(RECEPTION_HANDLINGS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TReceptionQuery = z.infer<typeof ZReceptionQuery>;

export const ZCodeParams = z.object({ code: z.string().min(1).max(80) });

export const ZReception = z.object({
  code: z.string(),
  unitCode: z.string(),
  provinceCode: z.string(),
  receivedAt: ZInstant,
  officerName: z.string(),
  citizen: z.object({
    confidential: z
      .boolean()
      .describe('a denouncer: no part of the identity is shown (Law on Denunciation 2018 Art. 47)'),
    name: z.string().nullable(),
    idNumber: z.string().nullable().describe('masked'),
    address: z.string().nullable().describe('masked'),
  }),
  peopleCount: z.number(),
  delegation: z.boolean(),
  kind: z.enum(RECEPTION_KINDS),
  content: z.string(),
  handling: z.enum(RECEPTION_HANDLINGS),
  forwardedTo: z.string().nullable(),
  petitionCode: z.string().nullable(),
  replyBy: ZInstant.nullable(),
  repliedAt: ZInstant.nullable(),
  replyNote: z.string().nullable(),
  overdue: z.boolean(),
  abilities: z.object({ readCitizen: z.boolean(), reply: z.boolean() }),
});
export type TReception = z.infer<typeof ZReception>;

export const ZReceptionPage = z.object({
  items: z.array(ZReception),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});

export const ZCitizenData = z.object({
  name: z.string(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  content: z.string().describe('the content as typed (a denunciation’s register shows it redacted)'),
  replyNote: z.string().nullable().describe('the reply note as typed'),
});
export type TCitizenData = z.infer<typeof ZCitizenData>;
