/** An audit entry as its reader sees it: every field but the chain's hashes (the CLI verifies those). */
import { formatInstant } from '../../shared/calendar/index.ts';
import type { AuditRow } from '../audit/audit.table.ts';
import type { TAuditEntry } from './audit-review.schemas.ts';

export function presentAuditEntry(r: AuditRow): TAuditEntry {
  return {
    at: formatInstant(Number(r.at)),
    chain: r.chain,
    seq: Number(r.seq),
    actor: r.actor_username,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    provinceCode: r.province_code || null,
    unitCode: r.unit_code,
    ip: r.ip,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}
