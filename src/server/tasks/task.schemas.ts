import { z } from 'zod';
import { MAX } from '../../shared/limits.ts';
import { ZActionLogEntry } from '../audit/action-log.ts';
import { TASK_ACTIONS, TASK_STATUSES } from '../../shared/task/task.ts';

const ZInstant = z.string().max(MAX.instant).describe('ISO 8601 with offset, e.g. 2026-03-06T17:30:00+07:00');
const clear = (rule: string) => z.string({ error: rule }).trim().min(3, rule).max(4000);

export const ZLimit = z.object({
  value: z.number().int().min(0).max(365),
  unit: z.enum(['working_day', 'working_hour', 'calendar_day']),
});

/**
 * The six clear elements: person (`assignee`), work, time (`dueAt`, or `limit` counted on the province's
 * calendar from now), responsibility, product, authority. Each is required; a missing one is named.
 */
export const ZCreateTaskRequest = z
  .object({
    assignee: z
      .string({ error: '@rule.taskPerson' })
      .min(1, '@rule.taskPerson')
      .max(64)
      .describe('person: the username of the officer'),
    work: clear('@rule.taskWork').describe('work: what is to be done'),
    dueAt: ZInstant.optional().describe('time: the deadline (or give limit)'),
    limit: ZLimit.optional().describe('time: a limit counted from now on the working calendar'),
    responsibility: clear('@rule.taskResponsibility').describe('responsibility: what the person answers for'),
    product: clear('@rule.taskProduct').describe('product: the expected result'),
    authority: clear('@rule.taskAuthority').describe(
      'authority: the powers, resources or decision it rests on',
    ),
    collaborators: z.array(z.string().min(1).max(64)).max(20).default([]).describe('usernames who cooperate'),
    dossierCode: z.string().min(1).max(64).optional(),
  })
  // Time is clear with either field; checked even when other elements already failed, so that one answer names
  // every missing element.
  .refine((v) => Boolean(v && (v.dueAt || v.limit)), {
    path: ['dueAt'],
    message: '@rule.taskTime',
    when: () => true,
  });
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;

export const ZTaskActionRequest = z.object({
  type: z.enum(TASK_ACTIONS),
  note: z
    .string()
    .trim()
    .max(4000)
    .optional()
    .describe('submit: the product handed in; return/extend/cancel: why'),
  dueAt: ZInstant.optional().describe('extend: the new time'),
});
export type TTaskActionRequest = z.infer<typeof ZTaskActionRequest>;

export const ZTask = z.object({
  id: z.string(),
  unitCode: z.string(),
  person: z.object({ username: z.string(), name: z.string() }),
  assignedBy: z.object({ username: z.string(), name: z.string() }),
  work: z.string(),
  time: ZInstant,
  responsibility: z.string(),
  product: z.string(),
  authority: z.string(),
  collaborators: z.array(z.string()),
  dossierCode: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  assignedAt: ZInstant,
  submittedAt: ZInstant.nullable(),
  productNote: z.string().nullable(),
  endedAt: ZInstant.nullable(),
  extensionCount: z.number(),
  timeliness: z.enum(['on_time', 'late']).nullable(),
  overdue: z.boolean(),
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
  actions: z.array(ZActionLogEntry).optional(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskQuery = z.object({
  assignee: z.string().min(1).max(64).optional().describe("a username, or 'me'"),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TTaskQuery = z.infer<typeof ZTaskQuery>;

export const ZTaskPage = z.object({
  items: z.array(ZTask),
  nextCursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last'),
});

export const ZTaskIdParams = z.object({ id: z.string().uuid() });
