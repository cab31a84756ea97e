/** Row builders of the legacy import: one validated line → the rows of its dossier. Pure. */
import { IN_PROGRESS_STATUSES } from '../../shared/dossier/status.ts';
import { foldVietnamese } from '../../shared/text/fold.ts';
import { encodeImportedActions } from '../dossiers/imported-history.ts';
import type { PgColumnTypes } from './batch-insert.ts';
import type { DossierDueTable, DossierSuspensionTable, DossierTable } from '../dossiers/dossier.table.ts';
import type { LegacyDossier } from './legacy.format.ts';
import type { DerivedHistory } from './legacy.history.ts';

export interface Limit {
  value: number;
  unit: string;
  cutoff: string | null;
}

/** Imported procedures whose limit is unknown: limit 0 working days, marked as imported. */
export const UNKNOWN_LIMIT: Limit = { value: 0, unit: 'working_day', cutoff: null };

export interface ImportContext {
  /** One instant for the whole import (created_at / updated_at of every row). */
  now: number;
  /** Sortable prefix of this import's dossier ids. */
  idPrefix: string;
  file: string;
}

export const DOSSIER_COLUMNS = [
  'id',
  'code',
  'province_code',
  'unit_code',
  'procedure_code',
  'procedure_name',
  'field',
  'channel',
  'applicant_kind',
  'applicant_name',
  'applicant_id_number',
  'applicant_phone',
  'applicant_address',
  'applicant_email',
  'search_folded',
  'status',
  'received_at',
  'due_at',
  'clock_stopped_at',
  'ended_at',
  'end_kind',
  'outcome',
  'resolution',
  'resolution_due_at',
  'delivered_at',
  'extension_count',
  'assignee_id',
  'limit_value',
  'limit_unit',
  'limit_cutoff',
  'source',
  'idempotency_key',
  'action_count',
  'created_at',
  'updated_at',
  'data',
  'imported_actions',
  'work_due_at',
] as const satisfies readonly (keyof DossierTable)[];

export const DUE_COLUMNS = [
  'dossier_id',
  'unit_code',
  'set_at',
  'due_at',
  'reason',
] as const satisfies readonly (keyof DossierDueTable)[];

export const SUSPENSION_COLUMNS = [
  'dossier_id',
  'unit_code',
  'started_at',
  'ended_at',
] as const satisfies readonly (keyof DossierSuspensionTable)[];

/** The non-text columns of the imported tables, for PostgreSQL's typed unnest arrays (batch-insert.ts). */
export const PG_COLUMN_TYPES: PgColumnTypes = {
  received_at: 'bigint',
  due_at: 'bigint',
  clock_stopped_at: 'bigint',
  ended_at: 'bigint',
  resolution_due_at: 'bigint',
  delivered_at: 'bigint',
  work_due_at: 'bigint',
  created_at: 'bigint',
  updated_at: 'bigint',
  set_at: 'bigint',
  started_at: 'bigint',
  extension_count: 'integer',
  limit_value: 'integer',
  action_count: 'integer',
};

/** Ids sort in import order (base-36 instant of the import, then the line number). */
export const dossierId = (ctx: ImportContext, line: number): string =>
  `${ctx.idPrefix}-${String(line).padStart(9, '0')}`;

export const importIdPrefix = (now: number): string => `imp-${now.toString(36).padStart(9, '0')}`;

export type Value = string | number | null;

const slot = (column: (typeof DOSSIER_COLUMNS)[number]): number => DOSSIER_COLUMNS.indexOf(column);

/** Positions of the values the main thread fills in (unit resolution and procedure limits need the database). */
export const DOSSIER_SLOTS = {
  provinceCode: slot('province_code'),
  unitCode: slot('unit_code'),
  limitValue: slot('limit_value'),
  limitUnit: slot('limit_unit'),
  limitCutoff: slot('limit_cutoff'),
} as const;
/** dossier_dues and dossier_suspensions: unit_code is their second column. */
export const CHILD_UNIT_SLOT = 1;

const foldCache = new Map<string, string>();

/** foldVietnamese with a bounded cache (applicant names repeat); codes are mostly ASCII (lower-cased only). */
export function foldSearchKey(name: string, code: string): string {
  let folded = foldCache.get(name);
  if (folded === undefined) {
    folded = foldVietnamese(name);
    if (foldCache.size >= 50_000) foldCache.clear();
    foldCache.set(name, folded);
  }
  const codeKey = /^[\x21-\x7e]*$/.test(code) ? code.toLowerCase() : foldVietnamese(code);
  return `${folded} ${codeKey}`;
}

/** The dossier row; province, unit and limit are placeholders until the main thread fills DOSSIER_SLOTS. */
export function dossierRow(ctx: ImportContext, d: LegacyDossier, h: DerivedHistory): DossierTable {
  return {
    id: dossierId(ctx, d.line),
    code: d.code,
    province_code: '',
    unit_code: '',
    procedure_code: d.procedureCode,
    procedure_name: d.procedureName,
    field: d.field,
    channel: d.channel,
    applicant_kind: 'person',
    applicant_name: d.applicantName,
    applicant_id_number: d.applicantIdNumber,
    applicant_phone: null,
    applicant_address: null,
    applicant_email: null,
    search_folded: foldSearchKey(d.applicantName, d.code),
    status: h.status,
    received_at: d.receivedAt,
    due_at: h.dueAt,
    clock_stopped_at: h.clockStoppedAt,
    ended_at: h.endedAt,
    end_kind: h.endKind,
    outcome: h.outcome,
    resolution: h.resolution,
    resolution_due_at: h.resolutionDueAt,
    delivered_at: h.deliveredAt,
    extension_count: h.extensionCount,
    assignee_id: null,
    limit_value: UNKNOWN_LIMIT.value,
    limit_unit: UNKNOWN_LIMIT.unit,
    limit_cutoff: UNKNOWN_LIMIT.cutoff,
    source: 'import',
    idempotency_key: null,
    action_count: h.actions.length,
    created_at: ctx.now,
    updated_at: ctx.now,
    data: JSON.stringify({ import: { file: ctx.file, line: d.line, unitCode: d.unitCode } }),
    imported_actions: encodeImportedActions(h.actions),
    // the work queues' key (DossierTable.work_due_at): an open dossier's due
    work_due_at: (IN_PROGRESS_STATUSES as readonly string[]).includes(h.status) ? h.dueAt : null,
  };
}

/**
 * The due history, written only when the due changed after the receipt: a dossier with a single due has no rows
 * and readers take its `due_at` (withImportedDue, and the reports' coalesce). unit_code is a placeholder until the
 * main thread fills CHILD_UNIT_SLOT.
 */
export function dueRows(id: string, h: DerivedHistory): DossierDueTable[] {
  if (h.dues.length < 2) return [];
  return h.dues.map((u) => ({
    dossier_id: id,
    unit_code: '',
    set_at: u.setAt,
    due_at: u.dueAt,
    reason: u.reason,
  }));
}

export function suspensionRows(id: string, h: DerivedHistory): DossierSuspensionTable[] {
  return h.suspensions.map((s) => ({
    dossier_id: id,
    unit_code: '',
    started_at: s.startedAt,
    ended_at: s.endedAt,
  }));
}

/** A row object → its values in column order. */
export function valuesOf<Row extends object>(columns: readonly (keyof Row & string)[], row: Row): Value[] {
  return columns.map((c) => (row[c] as Value | undefined) ?? null);
}
