import { z } from 'zod';
import { findUserByUsername } from '../accounts/account.repository.ts';
import { requireActor } from '../accounts/auth.hook.ts';
import { authorize } from '../accounts/policy.ts';
import { scopeOf } from '../accounts/scope.ts';
import { invalidField, ruleViolation } from '../platform/app-error.ts';
import { todayInVietnam } from '../platform/clock.ts';
import { EVERY_TENANT } from '../platform/tenant.ts';
import type { AppInstance } from '../platform/types.ts';
import { findUnitByCode } from '../units/unit.service.ts';
import './signing.messages.ts';
import { signingKey } from './signing-key.ts';
import { listCertificates } from './signing.repository.ts';
import { ZCertificate, ZCertificateListQuery, ZCertificateUpload } from './signing.schemas.ts';

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;
const iso = (ms: number) => new Date(ms).toISOString();

export async function signingRoutes(app: AppInstance): Promise<void> {
  app.post(
    '/api/signing/certificates',
    {
      schema: {
        tags: ['signing'],
        body: ZCertificateUpload,
        response: { 201: ZCertificate },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { p12, password, unitCode, username } = request.body;
      const now = app.clock.now();
      const unit = await findUnitByCode(app.db, unitCode, { asOf: todayInVietnam(now) });
      if (!unit) throw invalidField('unitCode', 'rule.unitUnknown', '@rule.unitUnknown');
      authorize(actor, 'signing.manage', { provinceCode: unit.provinceCode, unitCode: unit.code });
      const key = signingKey();
      if (!key) throw ruleViolation('signing.no_signing_key');
      const account = username ? await findUserByUsername(app.db, username, EVERY_TENANT) : undefined;
      if (username && account?.unit_code !== unit.code)
        throw invalidField('username', 'signing.unknown_account', '@signing.unknown_account');
      if (!BASE64.test(p12)) throw invalidField('p12', 'signing.base64', '@signing.base64');
      // PKCS#12 parsing (pkijs) loads on the first upload, not at start (docs/PERFORMANCE.md, "Memory").
      const { readUpload, uploadCertificate } = await import('./signing.service.ts');
      const material = await readUpload(new Uint8Array(Buffer.from(p12, 'base64')), password, now);
      const stored = await app.db.transaction().execute((trx) =>
        uploadCertificate(
          trx,
          actor,
          {
            material,
            unitCode: unit.code,
            provinceCode: unit.provinceCode,
            accountId: account?.id ?? null,
          },
          key,
          now,
          request.ip,
        ),
      );
      const c = stored.certificate;
      return reply.code(201).send({
        id: stored.id,
        kind: 'pkcs12' as const,
        unitCode: unit.code,
        username: account?.username ?? null,
        subject: c.subject,
        issuer: c.issuer,
        serial: c.serial,
        notBefore: iso(c.notBefore),
        notAfter: iso(c.notAfter),
        fingerprint: c.fingerprint,
        active: true,
        createdBy: actor.username,
        createdAt: iso(now),
      });
    },
  );

  app.get(
    '/api/signing/certificates',
    {
      schema: {
        tags: ['signing'],
        querystring: ZCertificateListQuery,
        response: { 200: z.object({ items: z.array(ZCertificate) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'signing.list');
      const rows = await listCertificates(app.db, scopeOf(actor), request.query.unit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          unitCode: r.unit_code,
          username: r.username ?? null,
          subject: r.subject,
          issuer: r.issuer,
          serial: r.serial,
          notBefore: iso(Number(r.not_before)),
          notAfter: iso(Number(r.not_after)),
          fingerprint: r.fingerprint,
          active: r.replaced_at === null,
          createdBy: r.created_by,
          createdAt: iso(Number(r.created_at)),
        })),
      };
    },
  );
}
