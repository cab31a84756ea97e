/**
 * Who issues the automatic return (Decree 118/2025/NĐ-CP Art. 19: no supplement within 15 days): the one-stop
 * department of the commune (Bộ phận Một cửa, in a commune the Trung tâm Phục vụ hành chính công) and its
 * officer on duty for this dossier, never the system account. The officer on duty is the counter officer who last
 * met the applicant over this dossier: the latest counter action in its log (received it, accepted it online,
 * took in a supplement, handed over a result). Pure: the action log in, the officer out.
 */
import type { DossierActionRow } from './dossier.table.ts';

/** Actions done at the counter, face to face with the applicant or their submission. */
export const COUNTER_ACTIONS = [
  'intake_receive',
  'accept_online',
  'receive_supplement',
  'deliver',
  'imported',
] as const;

export interface OfficerOnDuty {
  /** The officer's account, when the action was done in MộtCửa (null for imported history). */
  id: string | null;
  name: string;
}

/** The officer on duty for a dossier: the latest counter action's officer, or null when there is none. */
export function officerOnDuty(
  actions: readonly Pick<DossierActionRow, 'type' | 'actor_id' | 'actor_name'>[],
): OfficerOnDuty | null {
  const last = [...actions]
    .reverse()
    .find((a) => (COUNTER_ACTIONS as readonly string[]).includes(a.type) && a.actor_name?.trim());
  return last ? { id: last.actor_id, name: last.actor_name!.trim() } : null;
}

/** "Bộ phận Một cửa" and the officer, as the action log records the issuer of an automatic return. */
export const ONE_STOP_DEPARTMENT = 'Bộ phận Một cửa';
export const issuerName = (onDuty: OfficerOnDuty | null): string =>
  onDuty ? `${ONE_STOP_DEPARTMENT} (${onDuty.name})` : ONE_STOP_DEPARTMENT;
