/**
 * The history of an imported dossier as the former system recorded it (docs/REPORTS.md §6): the legacy import keeps
 * it on the dossier row — `imported_actions`, the actions derived from the legacy events, seq 1..n — and writes due
 * history rows only for a dossier whose due changed. Readers see the same actions and dues as for a live dossier.
 */
import type { DossierActionRow, DossierRow } from './dossier.table.ts';

/** The actor name on every imported action (no MộtCửa user did them). */
export const IMPORT_ACTOR = 'legacy-import';

export interface ImportedAction {
  type: string;
  at: number;
  from: string | null;
  to: string;
  payload: Record<string, unknown>;
}

export interface DueRow {
  set_at: number;
  due_at: number;
  reason: string;
}

export function encodeImportedActions(actions: readonly ImportedAction[]): string {
  return JSON.stringify(actions);
}

/** The stored imported actions as action rows (seq 1..n); none for a live dossier. */
export function importedActionRows(d: Pick<DossierRow, 'id' | 'imported_actions'>): DossierActionRow[] {
  if (d.imported_actions === null) return [];
  const actions = JSON.parse(d.imported_actions) as ImportedAction[];
  return actions.map((a, i) => ({
    dossier_id: d.id,
    seq: i + 1,
    type: a.type,
    at: a.at,
    actor_id: null,
    actor_name: IMPORT_ACTOR,
    from_status: a.from,
    to_status: a.to,
    payload: JSON.stringify(a.payload),
  }));
}

/**
 * The due history of a dossier from its stored rows; an imported dossier whose due never changed has none, and its
 * one due — set at the receipt — is its `due_at`.
 */
export function withImportedDue(
  d: Pick<DossierRow, 'source' | 'received_at' | 'due_at'>,
  rows: DueRow[],
): DueRow[] {
  if (rows.length > 0 || d.source !== 'import' || d.received_at === null || d.due_at === null) return rows;
  return [{ set_at: d.received_at, due_at: d.due_at, reason: 'import' }];
}
