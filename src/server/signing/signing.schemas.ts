import { z } from 'zod';
import { MAX } from '../../shared/limits.ts';

const ZUnitCode = z.string().regex(/^\d{5}$/, '@rule.unitCode');

export const ZCertificateUpload = z.object({
  p12: z.string().min(1).max(MAX.pkcs12Base64).describe('The .p12/.pfx file, base64'),
  password: z.string().max(MAX.filePassword),
  unitCode: ZUnitCode.describe('The unit (commune) the certificate signs for'),
  username: z
    .string()
    .min(1)
    .max(MAX.username)
    .optional()
    .describe("A leader's account in that unit: the certificate is theirs; absent: the unit's"),
});

export const ZCertificateListQuery = z.object({ unit: ZUnitCode.optional() });

export const ZCertificate = z.object({
  id: z.string(),
  kind: z.enum(['pkcs12', 'pkcs11', 'remote']),
  unitCode: z.string(),
  username: z.string().nullable(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string().describe('SHA-256 of the certificate, hex'),
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
