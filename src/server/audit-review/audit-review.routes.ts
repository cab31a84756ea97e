/**
 * The audit log for its reviewers (docs/SECURITY.md "Reading the audit log"):
 *   GET /api/audit?from=&to=&actor=&action=&target=&unit=&limit=&cursor=
 *       newest first; a system admin reads every chain, a province inspector its province's. Audited (`audit.read`),
 *       a refusal too (`audit.read_refused`). Answered no-store like all of /api (platform/no-store.ts).
 */
import { requireActor } from '../accounts/auth.hook.ts';
import type { AppInstance } from '../platform/types.ts';
import { presentAuditEntry } from './audit-review.presenter.ts';
import { ZAuditPage, ZAuditQuery } from './audit-review.schemas.ts';
import { AuditReadRefused, auditRefusedRead, readAuditLog } from './audit-review.service.ts';

export async function auditReviewRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        description:
          "The audit log, newest first: a system admin's every chain, a province inspector's its province's. Each read is audited.",
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const now = app.clock.now();
      try {
        const { page, nextCursor } = await app.db
          .transaction()
          .execute((trx) => readAuditLog(trx, actor, request.query, request.ip, now));
        return { items: page.map(presentAuditEntry), nextCursor };
      } catch (e) {
        if (e instanceof AuditReadRefused) await auditRefusedRead(app.db, actor, request.ip, now);
        throw e;
      }
    },
  );
}
