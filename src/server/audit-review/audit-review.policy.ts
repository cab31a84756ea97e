/**
 * Who reads the audit log: a system admin every chain, a province inspector its province's ('audit.read' in
 * accounts/policy.ts). The scope of the read is the reader's tenant scope, so an inspector's query is limited to
 * its province by the repository like every tenant table.
 */
import { can } from '../accounts/policy.ts';
import type { Actor } from '../accounts/roles.ts';

export const mayReadAudit = (actor: Actor): boolean =>
  can(actor, 'audit.read', { provinceCode: actor.provinceCode, unitCode: '' });
