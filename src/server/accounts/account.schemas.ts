import { z } from 'zod';
import { PLAIN_LINE } from '../platform/validation.ts';
import { ROLES } from './roles.ts';

export const ZLoginRequest = z.object({
  username: z.string().min(1, '@rule.required').max(64).describe('Tên đăng nhập / username'),
  password: z.string().min(1, '@rule.required').max(1024),
});

export const ZMe = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  unitCode: z.string(),
  provinceCode: z.string(),
  abilities: z.array(z.string()).describe('The policies (policy.ts) the user passes on their own unit'),
});

export const ZLoginResponse = ZMe.extend({
  csrfToken: z.string().describe('Send back as X-CSRF-Token on writes (optional for same-origin browsers)'),
  expiresAt: z.string().describe('ISO 8601'),
});

export const ZCreateUserRequest = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '@rule.username'),
  displayName: z
    .string()
    .min(1, '@rule.required')
    .max(200)
    .refine(...PLAIN_LINE),
  password: z.string().min(8, '@rule.password').max(1024),
  unitCode: z.string().regex(/^(\d{2}|\d{5})$/, '@rule.unitCode'),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});

export const ZUser = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  unitCode: z.string(),
  provinceCode: z.string(),
  disabled: z.boolean(),
  locked: z.boolean().describe('Sign-ins are being slowed for every address after failures from many'),
  createdAt: z.string(),
  /** Leave (inclusive ISO dates): auto-assign skips the officer meanwhile (issue 12 item 3). */
  leaveFrom: z.string().nullable(),
  leaveUntil: z.string().nullable(),
});

export const ZUsernameParams = z.object({ username: z.string().min(1).max(64) });
export const ZSetPasswordRequest = z.object({ password: z.string().min(8, '@rule.password').max(1024) });

export type TUser = z.infer<typeof ZUser>;

const ZIsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '@rule.date')
  .refine(
    (v) => v >= '2000-01-01' && v <= '2100-12-31' && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
    '@rule.date',
  );

/** An officer's leave, both days inclusive; both null clears it. */
export const ZSetLeaveRequest = z.object({ from: ZIsoDay.nullable(), until: ZIsoDay.nullable() });
export type TSetLeaveRequest = z.infer<typeof ZSetLeaveRequest>;
